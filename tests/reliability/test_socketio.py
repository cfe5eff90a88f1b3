"""The widget's socket.io channel: sessions can't be guessed or taken over, and bad input gets a
polite reply (channels/socketio.py, channels/sessions.py)."""

import asyncio

from channels.limits import MAX_MESSAGE_CHARS, shortened_notice
from channels.sessions import SessionTokens
from channels.socketio import NOT_TEXT
from tests.reliability.socket_client import Visitor
from tests.servers import run_async


def test_session_tokens_are_signed_and_unguessable():
    tokens = SessionTokens(secret="test-secret")
    token = tokens.issue()
    random_part = token.split(".")[0]
    assert len(bytes.fromhex(random_part)) * 8 >= 128
    assert tokens.valid(token)
    tampered = token[:-1] + ("1" if token.endswith("0") else "0")  # one character of the signature changed
    assert not tokens.valid("1") and not tokens.valid(None) and not tokens.valid(tampered)
    assert not SessionTokens(secret="another-secret").valid(token)
    assert tokens.sender_id(token) != token and token not in tokens.sender_id(token)
    assert len({tokens.issue() for _ in range(1000)}) == 1000


def test_a_guessed_session_id_is_replaced_by_a_new_one(servers, outcome):
    async def scenario():
        visitor = await Visitor(servers.url).connect(session_id="1")
        await visitor.close()
        return visitor.token

    token = run_async(scenario())
    outcome("socket.io", 'session_request with a guessed id ("1")', "refused: a new signed token")
    assert token != "1" and SessionTokens().valid(token)


def test_another_visitors_session_id_receives_nothing_of_theirs(servers, outcome):
    async def scenario():
        first = await Visitor(servers.url).connect()
        intruder = await Visitor(servers.url).connect(session_id=first.token)
        await first.say("what causes it")
        await intruder.say("hello", session_id=first.token)  # even naming the victim's session
        await first.wait_for(2)
        await intruder.wait_for(1)
        await first.close(), await intruder.close()
        return first, intruder

    first, intruder = run_async(scenario())
    outcome(
        "socket.io",
        "a second client sends a connected visitor's session id",
        "gets its own new session; receives none of the visitor's answers",
    )
    assert intruder.token != first.token
    assert any("Causes" in text for text in first.texts())
    assert not any("Causes" in text for text in intruder.texts()), intruder.texts()
    assert not any(text.startswith("Hi!") for text in first.texts()), "the intruder's turn stays its own"


def test_a_visitor_comes_back_to_the_same_conversation(servers, outcome):
    async def scenario():
        first = await Visitor(servers.url).connect()
        await first.say("what causes it")
        await first.wait_for(2)
        await first.close()
        await asyncio.sleep(1)
        again = await Visitor(servers.url).connect(session_id=first.token)
        await again.say("tell me more")
        await again.wait_for(1)
        await again.close()
        return first, again

    first, again = run_async(scenario())
    outcome("socket.io", "reconnect with one's own token after a disconnect", "same conversation")
    assert again.token == first.token
    assert not any("Please note" in text for text in again.texts()), "no second opening notice"


def test_bad_socket_input_gets_a_polite_reply(servers, outcome):
    async def scenario():
        visitor = await Visitor(servers.url).connect()
        await visitor.say({"not": "text"})
        await visitor.wait_for(1)
        not_text = list(visitor.texts())
        visitor.received.clear()
        await visitor.say("My knee has hurt for weeks. " * 150 + " I can't control my bladder.")
        await visitor.wait_for(3)
        long_texts = list(visitor.texts())
        await visitor.close()
        silent = await Visitor(servers.url).connect(request=False)
        await silent.say("what causes it", session_id="whatever")
        await silent.wait_for(1, timeout=3)
        await silent.close()
        return not_text, long_texts, silent.received

    not_text, long_texts, before_session = run_async(scenario())
    outcome("socket.io", "a message that is not text", f"polite reply: {NOT_TEXT!r}")
    outcome("socket.io", f"a message over {MAX_MESSAGE_CHARS:,} characters", "read up to the limit, visitor told so")
    outcome("socket.io", "a message before session_request", "ignored (logged), nothing sent")
    assert not_text == [NOT_TEXT]
    assert long_texts[-1] == shortened_notice()
    assert before_session == []
