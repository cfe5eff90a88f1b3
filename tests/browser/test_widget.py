"""The website chat widget in a real browser (Debian's Chromium + Playwright) against the real
Rasa and action servers: answers with their section, follow-up buttons, the red-flag banner,
history after a reload, text never rendered as HTML, phone width, keyboard use, reconnection and
axe-core's accessibility rules. Screenshots go to reports/browser/.
"""

import json

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # a clear failure, not a skip: the Makefile installs it
    pytest.fail(
        "Playwright is not installed: .venv/bin/pip install -c constraints.txt playwright==1.65.2",
        pytrace=False,
    )

from tests.browser.conftest import SCREENSHOTS

OFFLINE = "Can't reach the assistant — reconnecting…"
EMERGENCY = "Please go to the emergency department"
XSS = "<img src=x onerror=alert(1)>"
EMERGENCY_RED = "rgb(163, 0, 27)"  # --bkc-emergency


class Chat:
    """The widget as a visitor sees it (Playwright's locators pierce its open shadow root)."""

    def __init__(self, page) -> None:
        self.page = page
        self.launcher = page.locator(".launcher")
        self.panel = page.locator(".panel")
        self.input = page.get_by_role("textbox", name="Your question")
        self.send_button = page.get_by_role("button", name="Send", exact=True)
        self.log = page.get_by_role("log", name="Conversation")
        self.bot = page.locator(".msg-bot")
        self.user = page.locator(".msg-user")
        self.answers = page.locator(".msg-bot[data-kind='answer']")
        self.suggestions = page.locator(".suggestions button")
        self.banner = page.get_by_role("alert")
        self.status = page.locator(".status")
        self.typing = page.locator(".typing")

    def goto(self, url: str) -> "Chat":
        self.page.goto(url)
        expect(self.status).to_have_count(1)  # the widget is there
        return self

    def open(self) -> None:
        if self.panel.is_hidden():
            self.launcher.click()
        expect(self.panel).to_be_visible()
        expect(self.status).to_have_text("Online")

    def ask(self, text: str) -> None:
        """Type and send; returns when the turn's replies have arrived and typing has stopped."""
        before = self.bot.count()
        self.input.fill(text)
        self.input.press("Enter")
        self.wait_for_reply(before)

    def wait_for_reply(self, bot_count_before: int) -> None:
        expect(self.bot).not_to_have_count(bot_count_before)
        expect(self.typing).to_be_hidden()

    def shadow_eval(self, script: str, arg=None):
        """Evaluate `script` (a function of (root, arg)) in the widget's shadow root."""
        return self.page.evaluate(
            f"([arg]) => ({script})(document.querySelector('.bkchat-host').shadowRoot, arg)", [arg]
        )

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / name))


@pytest.fixture
def chat(web, new_page):
    page, probe = new_page()
    c = Chat(page).goto(web.url)
    c.probe = probe
    yield c
    assert not probe.errors, f"script errors on the page: {probe.errors}"


def test_socketio_channel_follows_the_message_contract(socketio_turn):
    texts = [m["text"] for m in socketio_turn if m.get("text")]
    customs = [m["custom"] for m in socketio_turn if isinstance(m.get("custom"), dict)]
    assert "not medical advice" in texts[0], texts
    assert any(t.startswith('From the article\'s "Causes" section:') for t in texts), texts
    assert {"kind": "answer", "section": "causes"}.items() <= customs[0].items(), customs
    buttons = [b for m in socketio_turn for b in m.get("quick_replies") or m.get("buttons") or []]
    assert buttons and all(b.get("title") and b.get("payload") for b in buttons), socketio_turn


def test_demo_page_is_served_without_node(web, servers):
    import requests

    page = requests.get(web.url, timeout=5)
    assert page.ok and '<html lang="en">' in page.text
    assert f'<script src="/widget.js" data-server="{servers.url}"></script>' in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    bundle = requests.get(web.url + "widget.js", timeout=5)
    assert bundle.ok and bundle.headers["Content-Type"].startswith("text/javascript")
    for path in ("tests/servers.py", "web/serve.py", "widget/src/chat.js", "credentials.yml"):
        assert requests.get(web.url + path, timeout=5).status_code == 404, path


def test_answer_shows_its_section_and_follow_ups_work(chat):
    chat.screenshot("01-page.png")
    chat.open()
    expect(chat.input).to_be_focused()
    expect(chat.page.get_by_role("group", name="Example questions")).to_be_visible()
    chat.shadow_eval(
        """(root) => {
            const typing = root.querySelector('.typing');
            window.__typingShown = false;
            new MutationObserver(() => { if (!typing.hidden) window.__typingShown = true; })
              .observe(typing, {attributes: true});
        }"""
    )

    chat.ask("what causes it")

    assert chat.page.evaluate("window.__typingShown"), "no typing indicator while waiting"
    expect(chat.user.last).to_have_text("You: what causes it")
    expect(chat.bot.first).to_contain_text("not medical advice")  # the opening notice
    answer = chat.answers.last
    expect(answer).to_have_attribute("data-section", "causes")
    expect(answer.locator(".badge")).to_have_text("Section: Causes")
    expect(answer.locator(".msg-text")).to_contain_text("Nerve Compression")
    # the section line became the badge: the text itself does not repeat it
    expect(answer.locator(".msg-text")).not_to_contain_text("From the article's")
    expect(chat.suggestions.first).to_be_visible()
    chat.screenshot("02-answer.png")

    title = chat.suggestions.first.inner_text()
    answers_before = chat.answers.count()
    bot_before = chat.bot.count()
    chat.suggestions.first.click()
    expect(chat.user.last).to_have_text(f"You: {title}")  # the title, not the payload
    chat.wait_for_reply(bot_before)
    expect(chat.answers).not_to_have_count(answers_before)
    expect(chat.user.last).not_to_contain_text("/")
    chat.screenshot("03-follow-up.png")


def test_red_flag_banner_stays_and_history_survives_reload(chat):
    chat.open()
    chat.ask("i can't control my bladder")

    expect(chat.banner).to_be_visible()
    expect(chat.banner).to_contain_text(EMERGENCY)
    expect(chat.banner).to_have_attribute("data-level", "emergency")
    assert chat.banner.evaluate("e => getComputedStyle(e).backgroundColor") == EMERGENCY_RED
    escalation = chat.page.locator(".msg-bot[data-kind='escalation']").first
    expect(escalation).to_have_attribute("data-level", "emergency")
    expect(escalation).to_contain_text(EMERGENCY)

    # more conversation: the banner stays above it, visible, whatever the log's scroll
    chat.ask("what causes it")
    chat.ask("tell me more")
    chat.log.evaluate("e => { e.scrollTop = e.scrollHeight; }")
    expect(chat.banner).to_be_in_viewport()
    banner_box, log_box = chat.banner.bounding_box(), chat.log.bounding_box()
    assert banner_box["y"] + banner_box["height"] <= log_box["y"] + 1, (banner_box, log_box)
    chat.screenshot("04-red-flag.png")

    texts = chat.page.locator(".msg").all_inner_texts()
    session_id = chat.page.evaluate(
        "Object.keys(localStorage).filter(k => k.endsWith(':session_id')).map(k => localStorage[k])"
    )
    assert len(session_id) == 1

    chat.page.reload()
    expect(chat.panel).to_be_visible()  # it stays open across the reload
    expect(chat.page.locator(".msg")).to_have_count(len(texts))
    assert chat.page.locator(".msg").all_inner_texts() == texts
    expect(chat.banner).to_contain_text(EMERGENCY)
    expect(chat.status).to_have_text("Online")
    assert (
        chat.page.evaluate("Object.keys(localStorage).filter(k => k.endsWith(':session_id')).map(k => localStorage[k])")
        == session_id
    )
    chat.screenshot("05-after-reload.png")

    # the same conversation continues on the server: no second opening notice
    chat.ask("what are the symptoms")
    expect(chat.answers.last).to_have_attribute("data-section", "symptoms")
    expect(chat.page.locator(".msg-bot", has_text="not medical advice")).to_have_count(1)


def test_start_over_forgets_the_conversation(chat):
    chat.open()
    chat.ask("i can't control my bladder")
    expect(chat.banner).to_be_visible()
    key_value = "Object.keys(localStorage).filter(k => k.endsWith(':session_id')).map(k => localStorage[k])[0]"
    first_session = chat.page.evaluate(key_value)

    chat.page.get_by_role("button", name="Start over").click()
    expect(chat.page.locator(".msg")).to_have_count(0)
    expect(chat.banner).to_be_hidden()
    expect(chat.page.get_by_role("group", name="Example questions")).to_be_visible()
    assert chat.page.evaluate(key_value) != first_session
    expect(chat.status).to_have_text("Online")

    chat.page.get_by_role("button", name="What causes it?").click()  # an example question
    chat.wait_for_reply(0)
    expect(chat.bot.first).to_contain_text("not medical advice")  # a new conversation
    expect(chat.answers.last).to_have_attribute("data-section", "causes")


def test_markup_is_shown_as_text(web, new_page):
    page, probe = new_page(bypass_csp=True)  # prove the widget is safe without the page's CSP
    chat = Chat(page).goto(web.url)
    chat.open()

    chat.ask(XSS)
    expect(chat.user.last.locator(".msg-text")).to_have_text(XSS)
    assert chat.shadow_eval("(root) => root.querySelectorAll('img').length") == 0

    # a bot message with markup, line breaks and a link, straight into the renderer
    chat.page.evaluate(
        """window.BackKneeChat.instance.receive({
            text: "<b>bold</b> <img src=x onerror=alert(2)>\\nsecond line https://example.com/a",
            quick_replies: [{title: "<i>x</i>", payload: "/ask_causes"}]})"""
    )
    last = chat.bot.last
    expect(last.locator(".msg-text")).to_have_text(
        "<b>bold</b> <img src=x onerror=alert(2)>\nsecond line https://example.com/a"
    )
    assert chat.shadow_eval("(root) => root.querySelectorAll('img, b, i, a').length") == 0
    lines = last.locator(".msg-text").evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }"
    )
    assert lines >= 2, "the newline is not a line break"
    expect(chat.suggestions.last).to_have_text("<i>x</i>")
    page.wait_for_timeout(500)
    chat.screenshot("06-markup-as-text.png")
    assert not probe.dialogs, f"a dialog fired: {probe.dialogs}"
    assert not probe.errors, probe.errors


def test_phone_width(web, new_page):
    page, probe = new_page(width=360, height=740)
    chat = Chat(page).goto(web.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    chat.screenshot("07-phone-page.png")
    chat.open()
    chat.ask("what causes it")
    chat.ask("i can't control my bladder")

    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "horizontal scroll"
    assert chat.log.evaluate("e => e.scrollWidth <= e.clientWidth"), "the log overflows sideways"
    box = chat.panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    for element in (chat.input, chat.send_button, chat.banner):
        expect(element).to_be_in_viewport(ratio=1)
    assert chat.input.bounding_box()["width"] >= 150
    chat.screenshot("08-phone-chat.png")
    assert not probe.errors, probe.errors


def test_keyboard_only(chat):
    page = chat.page

    def focused() -> str:
        return page.evaluate(
            """() => { const host = document.querySelector('.bkchat-host');
                const a = host && host.shadowRoot.activeElement;
                return a ? 'widget:' + (a.className || a.tagName) : 'page:' + document.activeElement.tagName; }"""
        )

    for _ in range(10):
        page.keyboard.press("Tab")
        if focused() == "widget:launcher":
            break
    assert focused() == "widget:launcher", "the launcher is not reachable with Tab"
    page.keyboard.press("Enter")
    expect(chat.input).to_be_focused()
    expect(chat.status).to_have_text("Online")

    before = chat.bot.count()
    page.keyboard.type("what causes it")
    page.keyboard.press("Enter")
    chat.wait_for_reply(before)
    expect(chat.input).to_be_focused()

    page.keyboard.press("Shift+Tab")  # back from the input to the last suggestion
    assert focused() == "widget:suggestion"
    title = page.evaluate("document.querySelector('.bkchat-host').shadowRoot.activeElement.textContent")
    before = chat.bot.count()
    page.keyboard.press("Enter")
    expect(chat.user.last).to_have_text(f"You: {title}")
    chat.wait_for_reply(before)
    expect(chat.input).to_be_focused()

    page.keyboard.press("Escape")
    expect(chat.panel).to_be_hidden()
    assert focused() == "widget:launcher"


def test_says_when_the_server_is_unreachable_and_reconnects(proxy, start_web, new_page):
    web = start_web(proxy.url)
    page, probe = new_page()
    chat = Chat(page).goto(web.url)
    chat.open()
    chat.ask("what causes it")

    proxy.stop()
    expect(chat.status).to_have_text(OFFLINE)
    chat.input.fill("what are the symptoms")
    chat.input.press("Enter")  # typed while offline: kept and sent on reconnection
    expect(chat.user.last).to_contain_text("Will be sent when reconnected")
    chat.screenshot("09-offline.png")

    before = chat.bot.count()
    proxy.start()
    expect(chat.status).to_have_text("Online")
    chat.wait_for_reply(before)
    expect(chat.user.last).not_to_contain_text("Will be sent")
    expect(chat.answers.last).to_have_attribute("data-section", "symptoms")
    assert not probe.errors, probe.errors


def run_axe(page, axe_source: str) -> list:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
              ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return result["violations"]


@pytest.mark.parametrize("width", [1280, 360])
def test_axe_core_finds_no_serious_violations(web, new_page, axe_source, width):
    page, probe = new_page(width=width, bypass_csp=True)  # to inject axe-core
    chat = Chat(page).goto(web.url)
    found = {"closed": run_axe(page, axe_source)}
    chat.open()
    chat.ask("i can't control my bladder")
    chat.ask("what causes it")  # banner, answer with badge, suggestions, the notice
    found["open"] = run_axe(page, axe_source)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"axe-{width}.json").write_text(json.dumps(found, indent=2))
    summary = [
        f"{state}: {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']]}"
        for state, violations in found.items()
        for v in violations
    ]
    print("\naxe-core at", width, "px:", summary or "no violations")
    serious = [s for s in summary if "(serious)" in s or "(critical)" in s]
    assert not serious, "\n".join(serious)
    chat.screenshot(f"10-axe-{width}.png")
