"""Domain responses, with the escalation payload listing every affirmed red flag.

A domain response can only pick a variation by slot value, so `utter_red_flag`'s variation (its
text and level) follows the most severe category (slot `red_flag`); this generator then replaces
the payload's `flags` with all the categories the red-flag component affirmed in the message.
The safety question's payload names the category it asks about (`asks`). Plain-text channels
get neither payload nor buttons: the question then ends with "Please reply yes or no."
Responses listed under `response_buttons` in data/topics.yml (the greeting, the help text) get
their question buttons from that table, so a button's text has one source. It runs in the Rasa
server, so it works with the action server down. Configured in endpoints.yml:

    nlg:
      type: rasa_ext.nlg.EscalationResponseGenerator
"""

from typing import Any, Dict, List, Optional

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.trackers import DialogueStateTracker

from article.topics import TABLE as TOPIC_TABLE
from safety.categories import CATEGORY_RANK

ESCALATION_RESPONSE = "utter_red_flag"
SAFETY_QUESTION_RESPONSE = "utter_safety_question"
RED_FLAG_ENTITY = "red_flag"
# Output channels that take the custom payload and buttons (REST's output channel is "collector").
PAYLOAD_OUTPUT_CHANNELS = frozenset({"collector", "socketio"})
# Output channels that cannot show buttons at all.
PLAIN_OUTPUT_CHANNELS = frozenset({"twilio", "callback"})
REPLY_YES_OR_NO = "Please reply yes or no."


def affirmed_flags(tracker: DialogueStateTracker) -> List[str]:
    """Every red-flag category of the latest message, most severe first; the `red_flag` slot
    when the message itself had none (a "yes" to the safety question)."""
    entities = (tracker.latest_message.entities if tracker.latest_message else None) or []
    flags = {e.get("value") for e in entities if e.get("entity") == RED_FLAG_ENTITY}
    flags = {f for f in flags if f in CATEGORY_RANK}
    if not flags:
        slot = tracker.get_slot(RED_FLAG_ENTITY)
        flags = {slot} if slot in CATEGORY_RANK else set()
    return sorted(flags, key=CATEGORY_RANK.__getitem__)


class EscalationResponseGenerator(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: Any = None, domain: Any = None, **kwargs: Any) -> None:
        super().__init__(domain.responses if domain is not None else {})

    async def generate(
        self, utter_action: str, tracker: DialogueStateTracker, output_channel: str, **kwargs: Any
    ) -> Optional[Dict[str, Any]]:
        response = await super().generate(utter_action, tracker, output_channel, **kwargs)
        if not response:
            return response
        if utter_action in TOPIC_TABLE.response_buttons and "buttons" not in response:
            response = {**response, "buttons": TOPIC_TABLE.buttons(TOPIC_TABLE.response_buttons[utter_action])}
        custom = response.get("custom")
        if isinstance(custom, dict):
            if utter_action == ESCALATION_RESPONSE:
                flags = affirmed_flags(tracker)
                if flags:
                    custom = {**custom, "flags": flags}
            elif utter_action == SAFETY_QUESTION_RESPONSE:
                custom = {**custom, "asks": tracker.get_slot(RED_FLAG_ENTITY)}
            response = {**response, "custom": custom}
        if output_channel not in PAYLOAD_OUTPUT_CHANNELS:
            response = {k: v for k, v in response.items() if k != "custom"}
        if utter_action == SAFETY_QUESTION_RESPONSE and output_channel in PLAIN_OUTPUT_CHANNELS:
            response = {k: v for k, v in response.items() if k != "buttons"}
            response["text"] = f"{response.get('text', '')} {REPLY_YES_OR_NO}".strip()
        return response
