"""Rasa's SQLTrackerStore, recording every escalation the conversation sends.

The escalation reply (`utter_red_flag`) is a domain response sent by a rule, so it reaches the
visitor with the action server down; recording it here, from the events as they are stored,
keeps the record too. Each event is stored once, so each escalation is recorded once.
Configured in endpoints.yml:

    tracker_store:
      type: rasa_ext.tracker_store.RecordingSQLTrackerStore
      url: ${TRACKER_STORE_URL}
"""

import logging
from typing import Any, Iterable, Iterator, List, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from operations.escalations import Escalation, EscalationLog
from safety.categories import CATEGORY_LEVELS, CATEGORY_RANK, LEVEL_RANK

logger = logging.getLogger(__name__)

ESCALATION_RESPONSE = "utter_red_flag"
RED_FLAG_ENTITY = "red_flag"


def escalations_in(events: List[Event], new_from: int, conversation_id: str) -> List[Escalation]:
    """The escalations among ``events[new_from:]``: one per `utter_red_flag` executed, with the
    flags of the user message it answered (or the `red_flag` slot for a "yes" to the safety
    question)."""
    found = []
    for index in range(new_from, len(events)):
        event = events[index]
        if not (isinstance(event, ActionExecuted) and event.action_name == ESCALATION_RESPONSE):
            continue
        user = next((e for e in reversed(events[:index]) if isinstance(e, UserUttered)), None)
        flags = _flags(user, events[:index])
        if not flags:
            continue
        level = min((CATEGORY_LEVELS[f] for f in flags), key=LEVEL_RANK.__getitem__)
        found.append(
            Escalation(
                conversation_id=conversation_id,
                level=level,
                flags=flags,
                channel=user.input_channel if user else None,
                text=user.text if user else None,
            )
        )
    return found


def _flags(user: Optional[UserUttered], history: Iterable[Event]) -> List[str]:
    entities = (user.entities if user else None) or []
    flags = {e.get("value") for e in entities if e.get("entity") == RED_FLAG_ENTITY}
    if not flags:  # "yes" to the safety question: the category it asked about
        slot = next(
            (
                e.value
                for e in reversed(list(history))
                if getattr(e, "type_name", None) == "slot" and e.key == RED_FLAG_ENTITY
            ),
            None,
        )
        flags = {slot}
    return sorted((f for f in flags if f in CATEGORY_RANK), key=CATEGORY_RANK.__getitem__)


class RecordingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, escalation_log: Optional[EscalationLog] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.escalation_log = escalation_log or EscalationLog()

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The events Rasa is about to store (its own selection, no extra query): each
        escalation among them is recorded once, as they are stored."""
        new = list(super()._additional_events(session, tracker))
        events = list(tracker.events)
        try:
            for escalation in escalations_in(events, len(events) - len(new), tracker.sender_id):
                self.escalation_log.record(escalation)
        except Exception:  # recording must never cost the visitor the reply
            logger.exception("could not queue the escalation record")
        return iter(new)
