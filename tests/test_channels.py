"""Messaging channels: plain text only (no JSON, HTML or Markdown), numbered options where buttons
don't render, and the callback channel end to end."""

import re
import time

import pytest
import requests
import yaml
from rasa.core.channels.channel import OutputChannel
from rasa.core.channels.twilio import TwilioOutput
from rasa_sdk.executor import CollectingDispatcher

from actions import actions, answers, replies
from actions.answers import Library
from article.ingest import ingest
from operations.unanswered import UnansweredLog
from paths import PROJECT_ROOT
from tests.servers import new_sender, run_async
from tests.test_actions import make_tracker

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
MARKUP = re.compile(r"[{}<>]|\*\*|__|/ask_|/tell_me_more|\"kind\"|```")
PLAIN_TEXT_CHANNELS = ["telegram", "twilio", "slack", "facebook", "callback"]


@pytest.fixture(autouse=True)
def library(store, article_copy, monkeypatch):
    ingest(article_copy, store)
    monkeypatch.setattr(answers, "library", Library(store))
    monkeypatch.setattr(replies, "unanswered_log", UnansweredLog(store.engine))


class RecordingOutput(OutputChannel):
    """Rasa's own dispatch of a bot message (OutputChannel.send_response), recorded."""

    def __init__(self):
        self.sent = []

    async def send_text_message(self, recipient_id, text, **kwargs):
        self.sent.append(text)

    async def send_text_with_buttons(self, recipient_id, text, buttons, **kwargs):
        self.sent.append(text)  # these channels draw buttons natively, from their titles
        self.sent += [b["title"] for b in buttons]

    async def send_custom_json(self, recipient_id, json_message, **kwargs):
        self.sent.append(str(json_message))


def output_for(channel):
    if channel != "twilio":
        return RecordingOutput()
    twilio = TwilioOutput("AC" + "0" * 32, "token", "+15550000000")
    twilio.sent = []

    async def record(message):  # instead of calling Twilio's API
        twilio.sent.append(message["body"])

    twilio._send_message = record
    return twilio


def dispatched(action, text, intent, channel):
    dispatcher = CollectingDispatcher()
    action.respond(dispatcher, make_tracker(text, intent, channel=channel), DOMAIN)
    for message in dispatcher.messages:
        if message.get("response"):  # a domain response: Rasa fills it in from the domain
            message = {**message, "text": DOMAIN["responses"][message["response"]][-1]["text"]}
        yield {k: v for k, v in message.items() if v}


@pytest.mark.parametrize("channel", PLAIN_TEXT_CHANNELS)
def test_plain_text_channel_output_carries_no_markup(channel):
    output = output_for(channel)
    turns = [
        (actions.ActionAnswerArticle(), "what causes it", "ask_causes"),
        (actions.ActionAnswerArticle(), "what exercises help? also I can't control my bladder", "ask_home_remedies"),
        (actions.ActionChitchat(), "hello", "greet"),
        (actions.ActionNotCovered(), "what's the weather", "out_of_scope"),
    ]
    for action, text, intent in turns:
        for message in dispatched(action, text, intent, channel):
            run_async(output.send_response("visitor", message))
    assert output.sent
    assert any(s.startswith("Please go to the emergency department") for s in output.sent)
    for sent in output.sent:
        assert not MARKUP.search(sent), sent
    if channel in replies.NUMBERED_CHANNELS:
        assert any("Reply with a number:\n1. " in s for s in output.sent)


def test_a_number_picks_the_numbered_option_on_plain_text_channels():
    tracker = make_tracker("2", "out_of_scope", channel="twilio")
    tracker.events.insert(
        -1,
        {
            "event": "bot",
            "text": 'From the article\'s "Causes" section:\n...\n'
            "Reply with a number:\n1. Tell me more\n2. What are the symptoms?",
        },
    )
    assert replies.chosen_option(tracker) == "ask_symptoms"
    dispatcher = CollectingDispatcher()
    actions.ActionNotCovered().respond(dispatcher, tracker, DOMAIN)
    assert dispatcher.messages[0]["text"].startswith('From the article\'s "Symptoms" section:')
    tracker.latest_message["text"] = "1"
    assert replies.chosen_option(tracker) == "tell_me_more"
    tracker.latest_message["text"] = "7"
    assert replies.chosen_option(tracker) is None
    assert replies.chosen_option(make_tracker("2", "out_of_scope", channel="rest")) is None


def test_callback_channel_gets_the_replies_as_plain_text(servers, callback):
    callback.reset()
    sender = new_sender()

    def say(message, count):
        before = len(callback.received)
        response = requests.post(
            f"{servers.url}/webhooks/callback/webhook", json={"sender": sender, "message": message}, timeout=60
        )
        assert response.status_code == 200
        deadline = time.monotonic() + 30
        while len(callback.received) < before + count and time.monotonic() < deadline:
            time.sleep(0.2)
        return callback.received[before:]

    first = say("what causes it", 2)
    texts = [m.get("text") or "" for m in first]
    assert "not medical advice" in texts[0]
    assert texts[1].startswith('From the article\'s "Causes" section:')
    assert "Reply with a number:\n1. Tell me more" in texts[1]
    assert not any(m.get("custom") or m.get("buttons") for m in first)

    chosen = say("2", 1)
    assert chosen[0]["text"].startswith('From the article\'s "Symptoms" section:')

    escalation = say("i can't control my bladder", 1)
    assert escalation[0]["text"].startswith("Please go to the emergency department")

    question = say("something feels off down there", 1)
    assert question[0]["text"].startswith("Before I answer, one safety question")
    assert question[0]["text"].endswith("Please reply yes or no.")
    assert not question[0].get("buttons")
    yes = say("yes", 1)
    assert yes[0]["text"].startswith("Please go to the emergency department")
    assert not any(m.get("custom") for m in callback.received)
