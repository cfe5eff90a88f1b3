"""Events read back without a scan of Rasa's event classes for each one.

Rasa 3.6 finds an event's class from its type name (`Event.resolve_by_type`) by listing every
subclass of `Event`, recursively, and checking each with `inspect.isabstract`, for every event it
deserialises: the tracker store does that for the whole conversation at each turn. Reading back a
conversation of 363 events took 26 ms here, three quarters of it in that scan, so a turn grew
slower as the conversation grew (docs/performance.md). Here the class found for each type name is
kept; a name not met before (an event class defined later) goes through Rasa's own scan, and so
do unknown names (the same default or ValueError as before).
"""

from typing import Dict, Optional, Type

from rasa.shared.core.events import Event

_rasa_resolve_by_type = Event.resolve_by_type
_FOUND: Dict[str, Type[Event]] = {}


def resolve_by_type(type_name: str, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """`Event.resolve_by_type`, remembering each class found."""
    found = _FOUND.get(type_name)
    if found is not None:
        return found
    resolved = _rasa_resolve_by_type(type_name, default)
    if resolved is not None and resolved is not default and getattr(resolved, "type_name", None) == type_name:
        _FOUND[type_name] = resolved
    return resolved


def install() -> None:
    """Idempotent: Rasa resolves event type names through :func:`resolve_by_type`."""
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]
