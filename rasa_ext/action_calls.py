"""The action server's reply is checked against Rasa's schema by a validator built once.

Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate`, which checks the
schema itself against the JSON Schema meta-schema before it checks the reply, on every custom
action call: about 25 ms per turn on 2 cores, the largest single part of a turn
(`benchmarks/breakdown.py`). Here the validator for Rasa's own schema is built once and checks
each reply the same way, raising the same `ValidationError` with Rasa's message.

`install()` replaces the method once; it is called when Rasa loads this package (endpoints.yml
names its classes).
"""

import functools
from typing import Any, Dict

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@functools.cache
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, as jsonschema.validate does on every call
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    try:
        _validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error


def install() -> None:
    """Idempotent: replies of the action server are validated by a validator built once."""
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
