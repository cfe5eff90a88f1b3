"""Sending replies by the message contract (README: "Message contract").

Text (with suggestion buttons) goes to every channel. The custom payload follows it as a separate
message, and only for channels that can use it: plain-text channels must never receive JSON.
"""
from typing import Any, Dict, Iterable, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.topics import QUESTIONS

PAYLOAD_CHANNELS = frozenset({"rest", "socketio"})
TELL_ME_MORE = {"title": "Tell me more", "payload": "/tell_me_more"}


def suggestions(intents: Iterable[str], more: bool = False, limit: int = 3) -> List[Dict[str, str]]:
    buttons = [TELL_ME_MORE] if more else []
    buttons += [{"title": QUESTIONS[i], "payload": f"/{i}"} for i in intents if i in QUESTIONS]
    return buttons[:limit]


def send(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    text: str,
    payload: Dict[str, Any],
    buttons: List[Dict[str, str]] = (),
) -> None:
    dispatcher.utter_message(text=text, buttons=list(buttons))
    if tracker.get_latest_input_channel() in PAYLOAD_CHANNELS:
        dispatcher.utter_message(json_message=payload)
