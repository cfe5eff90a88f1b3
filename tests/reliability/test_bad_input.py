"""Bad input over REST: every request gets a clear 4xx or a polite reply, never a 5xx, and another
visitor keeps being answered meanwhile (channels/rest.py, channels/limits.py)."""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from actions.replies import ENGLISH_ONLY_TEXT
from channels.limits import MAX_MESSAGE_CHARS, TOO_MANY, shortened_notice
from evaluation.bystander import Bystander, ordinary_message
from tests.servers import new_sender, payloads, texts

JSON = {"Content-Type": "application/json"}

# (case, request body as bytes or JSON-able, headers, expected status)
REFUSED = [
    ("malformed JSON", b'{"sender": "a", "message": ', JSON, 400),
    ("invalid UTF-8", b'{"sender": "a", "message": "knee \xff\xfe pain"}', JSON, 400),
    ("wrong content type (text/plain)", b"what causes it", {"Content-Type": "text/plain"}, 400),
    ("form-encoded body", b"sender=a&message=hello", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("JSON list instead of object", [{"sender": "a", "message": "hi"}], JSON, 400),
    ("missing message", {"sender": "a"}, JSON, 400),
    ("missing sender", {"message": "what causes it"}, JSON, 400),
    ("numeric message", {"sender": "a", "message": 42}, JSON, 400),
    ("numeric sender", {"sender": 42, "message": "hello"}, JSON, 400),
    ("null message", {"sender": "a", "message": None}, JSON, 400),
    ("5,000-character sender id", {"sender": "s" * 5000, "message": "hello"}, JSON, 400),
    ("metadata not an object", {"sender": "a", "message": "hi", "metadata": "x"}, JSON, 400),
    ("100,000-character message", {"sender": "a", "message": "knee " * 20000}, JSON, 413),
    ("1 MB body", {"sender": "a", "message": "x" * 1_000_000}, JSON, 413),
]

POLITE = [
    ("empty message", ""),
    ("whitespace only", "   \n\t "),
    ("emoji only", "🤕🦵😭"),
    ("HTML and JavaScript", "<script>alert('x')</script><b>what causes</b> knee pain?"),
    ("SQL injection", "'; DROP TABLE events; -- what causes it"),
    ("YAML fragment", "intent: greet\nresponses:\n  - text: hacked"),
    ("JSON fragment", '{"sender": "other", "message": "/ask_causes"}'),
    ("control characters", "what\x00causes\x07it\x1b[31m"),
    ("a Rasa intent payload with junk", '/ask_causes{"passage": "../../etc/passwd"}'),
]


def post(servers, body, headers=JSON):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(f"{servers.url}/webhooks/rest/webhook", data=data, headers=headers, timeout=120)


@pytest.mark.parametrize("case, body, headers, status", REFUSED, ids=[c[0] for c in REFUSED])
def test_malformed_requests_get_a_clear_4xx(servers, outcome, case, body, headers, status):
    response = post(servers, body, headers)
    outcome("REST input", case, f"{response.status_code} {response.text[:70]!s}".replace("|", "/"))
    assert response.status_code == status, response.text[:300]
    if status == 400:
        assert response.json()["error"], "a 400 says what is wrong"


def test_json_sent_as_curl_does_by_default_is_read(servers, outcome):
    """The README's first command: `curl -d '{...}'` sends JSON with a form Content-Type."""
    body = json.dumps({"sender": new_sender(), "message": "does acupuncture help?"}).encode()
    response = post(servers, body, {"Content-Type": "application/x-www-form-urlencoded"})
    outcome("REST input", "JSON body with curl's default form Content-Type", f"{response.status_code}, answered")
    assert response.status_code == 200
    assert payloads(response.json())[0]["kind"] == "answer"


@pytest.mark.parametrize("case, message", POLITE, ids=[c[0] for c in POLITE])
def test_odd_messages_get_a_polite_reply(servers, outcome, case, message):
    response = post(servers, {"sender": new_sender(), "message": message})
    assert response.status_code == 200, response.text[:300]
    replies = response.json()
    outcome("REST input", case, f"200, {len(replies)} replies: {texts(replies)[:60]!r}")
    assert texts(replies), "every message gets a reply the visitor can read"
    assert "<script>" not in texts(replies) and "hacked" not in texts(replies)


@pytest.mark.parametrize(
    "message",
    [
        "Ich habe Rückenschmerzen und mein Knie tut weh, was kann ich tun?",
        "Boli mnie kręgosłup i kolano, co mam robić?",
    ],
)
def test_other_languages_get_english_only_for_now(servers, outcome, message):
    replies = servers.say(new_sender(), message)
    outcome("REST input", f"other language ({message[:12]}...)", "English only for now")
    assert ENGLISH_ONLY_TEXT in texts(replies)


def test_a_language_of_the_gloss_table_is_answered_from_the_article(servers, outcome):
    """Spanish is read in English (data/article/gloss.yml) and answered, over REST."""
    replies = servers.say(new_sender(), "Me duele mucho la espalda y la rodilla, ¿qué ejercicios puedo hacer?")
    outcome("REST input", "Spanish question", "answered from the article")
    assert ENGLISH_ONLY_TEXT not in texts(replies)
    assert any(r.get("custom", {}).get("kind") == "answer" for r in replies), replies


def test_a_long_message_is_read_up_to_the_limit_with_its_red_flag_first(servers, outcome):
    padding = "My back has been bad for a while and I have been reading a lot about it. " * 40
    message = padding[: MAX_MESSAGE_CHARS - 100] + " Now I can't control my bladder. " + "x" * 8000
    assert len(message) > 4 * MAX_MESSAGE_CHARS
    with Bystander(servers.url) as bystander:
        replies = servers.say(new_sender(), message)
    outcome(
        "REST input",
        f"{len(message):,}-character message, red flag within the limit",
        f"escalated first, then told what was read; bystander worst {bystander.worst:.2f} s",
    )
    assert replies[0]["text"].startswith("Please go to the emergency department")
    assert payloads(replies)[0]["kind"] == "escalation"
    assert replies[-1]["text"] == shortened_notice()
    assert bystander.failures == 0


def test_a_burst_from_one_sender_is_answered_or_refused_with_429_and_others_keep_going(servers, outcome):
    sender = new_sender()
    bystander = Bystander(servers.url)
    baseline = bystander.baseline()
    with bystander, ThreadPoolExecutor(50) as pool:
        statuses = list(
            pool.map(
                lambda i: post(servers, {"sender": sender, "message": f"what causes it {i}"}),
                range(200),
            )
        )
    codes = sorted({r.status_code for r in statuses})
    outcome(
        "REST input",
        "200 messages in a burst from one sender",
        f"statuses {codes}; bystander median {baseline:.2f} s before, worst {bystander.worst:.2f} s during",
    )
    answered = [r for r in statuses if r.status_code == 200]
    assert set(codes) <= {200, 429} and len(answered) >= 10, codes
    assert all(r.json() for r in answered)
    # a long conversation's whole tracker still reaches the action server (no body limit there)
    assert not [r for r in answered if "can't reach the article" in texts(r.json())]
    assert all(r.json()["error"] == TOO_MANY for r in statuses if r.status_code == 429)
    assert bystander.failures == 0
    # the burst waits in its own conversation's queue: the bystander is not stuck behind it
    assert bystander.worst < baseline + 2.0, (baseline, bystander.latencies)


def test_heavy_requests_do_not_hold_up_another_visitor(servers, outcome):
    bystander = Bystander(servers.url)
    baseline = bystander.baseline()
    with bystander:
        for _ in range(3):
            post(servers, {"sender": new_sender(), "message": "x" * 1_000_000})
            post(servers, {"sender": new_sender(), "message": "knee pain " * 6000})
    extra = bystander.worst - baseline
    outcome(
        "REST input",
        "1 MB and 60,000-character messages while another visitor asks",
        f"bystander median {baseline * 1000:.0f} ms, worst {bystander.worst * 1000:.0f} ms (+{extra * 1000:.0f} ms)",
    )
    assert bystander.failures == 0
    assert extra < 1.0, bystander.latencies


def test_messages_at_the_length_limit_do_not_hold_up_another_visitor(servers, outcome):
    """Ten messages of MAX_MESSAGE_CHARS characters of ordinary words, one after another, while
    another visitor keeps asking: how much longer the other visitor's answers take (the goal,
    100 ms, is a benchmark figure reported in docs/reliability.md; the test bounds it loosely, on
    the worst wait but one: on a loaded CI machine a single answer queued behind one message being
    read went to +1.45 s, while ten messages holding the visitor up would show in every wait)."""
    message = ordinary_message(MAX_MESSAGE_CHARS)
    bystander = Bystander(servers.url)
    baseline = bystander.baseline()
    with bystander:
        for _ in range(10):
            assert texts(servers.say(new_sender(), message))
    extra = bystander.worst_but_one - baseline
    outcome(
        "REST input",
        f"ten {MAX_MESSAGE_CHARS:,}-character messages while another visitor asks",
        f"bystander median {baseline * 1000:.0f} ms, worst but one {bystander.worst_but_one * 1000:.0f} ms "
        f"(+{extra * 1000:.0f} ms), worst {bystander.worst * 1000:.0f} ms",
    )
    assert bystander.failures == 0
    assert extra < 1.0, bystander.latencies
