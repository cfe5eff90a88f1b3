// The chat widget: a launcher button and a panel in a shadow root, talking to Rasa's socket.io
// channel. Every text from the visitor or the bot is rendered with textContent, never as HTML.
import { io } from "socket.io-client";
import {
  buttonsOf,
  customPayload,
  escalationLevelOf,
  firstLine,
  LEVELS,
  sectionTitle,
  severity,
  splitSection,
} from "./contract.js";
import { CSS } from "./styles.js";

const MAX_HISTORY = 200; // entries kept for re-rendering after a reload
const SETTLE_MS = 900; // the typing indicator stays this long after the turn's last message
const REPLY_TIMEOUT_MS = 45000;

const STATUS_TEXT = {
  connecting: "Connecting…",
  online: "Online",
  offline: "Can't reach the assistant — reconnecting…",
};

const BANNER_HEADINGS = {
  emergency: "Medical emergency",
  urgent: "Urgent: contact a doctor today",
  routine: "See a doctor",
};

// The example questions, from data/topics.yml (widget_starters), put in by build.mjs.
const STARTERS = __WIDGET_STARTERS__;

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function newSessionId() {
  const bytes = new Uint8Array(16);
  if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Stored history from an older version or edited by hand must not break the widget. */
function cleanHistory(stored) {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((e) => e && (e.type === "user" || e.type === "bot") && typeof e.text === "string")
    .map((e) => ({
      ...e,
      buttons: e.type === "bot" ? buttonsOf(e) : undefined,
      level: LEVELS.includes(e.level) ? e.level : undefined,
      section: typeof e.section === "string" ? e.section : undefined,
      sectionTitle: typeof e.sectionTitle === "string" ? e.sectionTitle : undefined,
    }));
}

/** localStorage / sessionStorage that never throws (private mode, disabled storage, quota). */
class Store {
  constructor(kind, prefix) {
    this.prefix = prefix;
    try {
      this.area = window[kind];
      this.area.getItem("x");
    } catch (e) {
      this.area = null;
    }
  }
  get(key, fallback = null) {
    try {
      const raw = this.area && this.area.getItem(this.prefix + key);
      return raw === null || raw === undefined ? fallback : JSON.parse(raw);
    } catch (e) {
      return fallback;
    }
  }
  set(key, value) {
    try {
      if (this.area) this.area.setItem(this.prefix + key, JSON.stringify(value));
    } catch (e) {
      /* storage full or disabled: the conversation still works, it just won't survive a reload */
    }
  }
  remove(key) {
    try {
      if (this.area) this.area.removeItem(this.prefix + key);
    } catch (e) {
      /* ignore */
    }
  }
}

export class ChatWidget {
  constructor(options) {
    this.server = options.server;
    this.path = options.path || "/socket.io";
    this.title = options.title || "Back & knee pain assistant";
    const prefix = `bkchat:${this.server}:`;
    this.local = new Store("localStorage", prefix);
    this.session = new Store("sessionStorage", prefix);

    this.sessionId = this.local.get("session_id");
    if (typeof this.sessionId !== "string" || !this.sessionId) {
      this.sessionId = newSessionId();
      this.local.set("session_id", this.sessionId);
    }
    this.history = cleanHistory(this.local.get("history", []));
    const banner = this.local.get("banner");
    this.banner =
      banner && LEVELS.includes(banner.level) && typeof banner.text === "string" ? banner : null;
    this.confirmed = false;
    // messages typed while not connected (also those left unsent by a reload): sent on connect
    this.queue = this.history.filter((e) => e.type === "user" && e.pending);
    this.waiting = false;

    this.build(options.container);
    this.renderAll();
    this.connect();
    const open = options.open !== undefined ? options.open : this.session.get("open", false);
    if (open) this.open({ focus: false });
  }

  // ---- DOM -------------------------------------------------------------------------------

  build(container) {
    this.host = el("div", { class: "bkchat-host" });
    (container || document.body).appendChild(this.host);
    const root = this.host.attachShadow({ mode: "open" });
    this.root = root;
    root.appendChild(el("style", {}, CSS));

    const aside = el("aside", { "aria-label": "Chat about back pain and knee pain" });
    root.appendChild(aside);

    this.launcher = el("button", {
      type: "button",
      class: "launcher",
      "aria-expanded": "false",
      "aria-controls": "bkchat-panel",
    });
    const icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("class", "launcher-icon");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("focusable", "false");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute(
      "d",
      "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6v2h10V9H7zm0 4v2h7v-2H7z"
    );
    icon.appendChild(path);
    this.launcherLabel = el("span", {}, "Ask about back & knee pain");
    this.launcher.append(icon, this.launcherLabel);
    this.launcher.addEventListener("click", () => this.open());
    aside.appendChild(this.launcher);

    this.panel = el("section", {
      id: "bkchat-panel",
      class: "panel",
      "aria-labelledby": "bkchat-title",
      hidden: true,
    });
    aside.appendChild(this.panel);

    const header = el("div", { class: "header" });
    const headerText = el("div", { class: "header-text" });
    headerText.appendChild(el("h2", { id: "bkchat-title", class: "title" }, this.title));
    this.statusEl = el("p", { class: "status", role: "status", "data-state": "connecting" });
    this.statusEl.textContent = STATUS_TEXT.connecting;
    headerText.appendChild(this.statusEl);
    const restart = el("button", { type: "button", class: "header-button" }, "Start over");
    restart.addEventListener("click", () => this.reset());
    const close = el("button", { type: "button", class: "header-button", "aria-label": "Close chat" }, "✕");
    close.addEventListener("click", () => this.close());
    header.append(headerText, restart, close);

    this.bannerEl = el("div", { class: "banner", role: "alert", hidden: true });

    this.introEl = el(
      "p",
      { class: "intro" },
      "Ask about the article “Back pain can cause knee pain”. Answers quote the article: general information, not medical advice."
    );
    this.startersEl = el("div", { class: "starters", role: "group", "aria-label": "Example questions" });
    for (const question of STARTERS) {
      const button = el("button", { type: "button", class: "starter" }, question);
      button.addEventListener("click", () => this.send(question));
      this.startersEl.appendChild(button);
    }

    this.logEl = el("div", {
      class: "log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "aria-label": "Conversation",
      tabindex: "0",
    });

    this.typingEl = el("div", { class: "typing", hidden: true });
    for (let i = 0; i < 3; i += 1) this.typingEl.appendChild(el("span", { class: "dot", "aria-hidden": "true" }));
    this.typingEl.appendChild(el("span", { class: "sr-only" }, "The assistant is typing"));

    this.form = el("form", { class: "composer" });
    this.input = el("input", {
      id: "bkchat-input",
      class: "input",
      type: "text",
      name: "message",
      autocomplete: "off",
      maxlength: "2000",
      placeholder: "Type your question…",
      "aria-label": "Your question",
    });
    const send = el("button", { type: "submit", class: "send" }, "Send");
    this.form.append(this.input, send);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = this.input.value;
      if (!text.trim()) return;
      this.input.value = "";
      this.send(text.trim());
    });

    const footnote = el(
      "p",
      { class: "footnote" },
      "In an emergency, call your local emergency number."
    );

    this.panel.append(header, this.bannerEl, this.introEl, this.startersEl, this.logEl, this.typingEl, this.form, footnote);
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.close();
    });
  }

  open({ focus = true } = {}) {
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    this.session.set("open", true);
    this.scrollToEnd();
    if (focus) this.input.focus();
  }

  close() {
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    this.session.set("open", false);
    this.launcher.focus();
  }

  // ---- rendering -------------------------------------------------------------------------

  renderAll() {
    this.logEl.replaceChildren();
    this.history.forEach((entry, index) => this.logEl.appendChild(this.renderEntry(entry, index)));
    this.refreshSuggestions();
    this.renderBanner();
    this.refreshIntro();
  }

  renderEntry(entry, index) {
    const node = el("div", { class: `msg msg-${entry.type}`, "data-index": index });
    node.appendChild(el("span", { class: "sr-only" }, entry.type === "user" ? "You: " : "Assistant: "));
    if (entry.type === "user") {
      node.appendChild(el("span", { class: "msg-text" }, entry.text));
      if (entry.pending) node.appendChild(el("span", { class: "msg-note" }, "Will be sent when reconnected"));
      return node;
    }
    let body = entry.text;
    const split = splitSection(entry.text);
    const title = split.sectionTitle || entry.sectionTitle || (entry.section ? sectionTitle(entry.section) : null);
    if (split.sectionTitle) body = split.body || entry.text;
    if (title) {
      node.classList.add("msg-answer");
      if (entry.section) node.dataset.section = entry.section;
      node.appendChild(el("span", { class: "badge" }, `Section: ${title}`));
      node.appendChild(document.createTextNode("\n"));
    }
    if (entry.level) {
      node.classList.add("msg-escalation", `msg-escalation-${entry.level}`);
      node.dataset.level = entry.level;
    }
    if (entry.kind) node.dataset.kind = entry.kind;
    node.appendChild(el("span", { class: "msg-text" }, body));
    return node;
  }

  updateEntry(index) {
    const old = this.logEl.querySelector(`[data-index="${index}"]`);
    const fresh = this.renderEntry(this.history[index], index);
    if (old && old.textContent === fresh.textContent) {
      // same words (e.g. the custom payload only confirmed the section): update the marks in
      // place, so the live region does not read the message out a second time
      old.className = fresh.className;
      for (const name of Object.keys(old.dataset)) delete old.dataset[name];
      Object.assign(old.dataset, fresh.dataset);
    } else if (old) old.replaceWith(fresh);
    else this.logEl.appendChild(fresh);
    this.refreshSuggestions();
  }

  /** Suggestion buttons show only on the bot's messages since the visitor's last message. */
  refreshSuggestions() {
    this.logEl.querySelectorAll(".suggestions").forEach((node) => node.remove());
    let last = this.history.length - 1;
    while (last >= 0 && this.history[last].type !== "user") last -= 1;
    for (let i = last + 1; i < this.history.length; i += 1) {
      const entry = this.history[i];
      if (!entry.buttons || !entry.buttons.length) continue;
      const node = this.logEl.querySelector(`[data-index="${i}"]`);
      if (!node) continue;
      const group = el("div", { class: "suggestions", role: "group", "aria-label": "Suggested follow-up questions" });
      for (const button of entry.buttons) {
        const b = el("button", { type: "button", class: "suggestion" }, button.title);
        b.addEventListener("click", () => {
          this.send(button.title, button.payload);
          this.input.focus();
        });
        group.appendChild(b);
      }
      node.after(group);
    }
  }

  refreshIntro() {
    const empty = this.history.length === 0;
    this.startersEl.hidden = !empty;
    this.introEl.hidden = !empty;
  }

  renderBanner() {
    const banner = this.banner;
    this.bannerEl.replaceChildren();
    this.bannerEl.className = "banner";
    if (!banner) {
      this.bannerEl.hidden = true;
      this.launcher.classList.remove("alerting");
      this.launcherLabel.textContent = "Ask about back & knee pain";
      return;
    }
    this.bannerEl.classList.add(`banner-${banner.level}`);
    this.bannerEl.dataset.level = banner.level;
    this.bannerEl.appendChild(el("strong", {}, BANNER_HEADINGS[banner.level] || "Important"));
    this.bannerEl.appendChild(el("span", {}, banner.text));
    this.bannerEl.hidden = false;
    if (banner.level !== "routine") {
      this.launcher.classList.add("alerting");
      this.launcherLabel.textContent = `${BANNER_HEADINGS[banner.level]}: open the chat`;
    }
  }

  scrollToEnd() {
    this.logEl.scrollTop = this.logEl.scrollHeight;
  }

  setStatus(state) {
    this.status = state;
    this.statusEl.dataset.state = state;
    this.statusEl.textContent = STATUS_TEXT[state];
  }

  setTyping(on) {
    clearTimeout(this.settleTimer);
    clearTimeout(this.replyTimer);
    this.waiting = on;
    this.typingEl.hidden = !on;
    if (on) this.replyTimer = setTimeout(() => this.setTyping(false), REPLY_TIMEOUT_MS);
  }

  // ---- state -----------------------------------------------------------------------------

  save() {
    if (this.history.length > MAX_HISTORY) this.history = this.history.slice(-MAX_HISTORY);
    this.local.set("history", this.history);
    if (this.banner) this.local.set("banner", this.banner);
    else this.local.remove("banner");
  }

  append(entry) {
    this.history.push(entry);
    const trimmed = this.history.length > MAX_HISTORY;
    this.save();
    const node = this.renderEntry(entry, this.history.length - 1);
    if (trimmed) this.renderAll();
    else this.logEl.appendChild(node);
    this.refreshSuggestions();
    this.refreshIntro();
    this.scrollToEnd();
    // a long answer: show its beginning (and its section badge), not its end
    if (entry.type === "bot" && !trimmed) {
      const top = node.offsetTop - 8;
      if (top < this.logEl.scrollTop) this.logEl.scrollTop = top;
    }
  }

  /** The index of the bot's last text in the current turn (after the visitor's last message). */
  lastBotText(predicate = () => true) {
    for (let i = this.history.length - 1; i >= 0; i -= 1) {
      const entry = this.history[i];
      if (entry.type === "user") return -1;
      if (entry.type === "bot" && predicate(entry)) return i;
    }
    return -1;
  }

  escalate(level, text) {
    if (!level) return;
    if (this.banner && severity(this.banner.level) > severity(level)) return; // keep the most severe
    this.banner = { level, text };
    this.save();
    this.renderBanner();
  }

  /** One bot_uttered event: a text (maybe with buttons) or a custom payload, or both. */
  receive(message) {
    if (!message || typeof message !== "object") return;
    if (this.waiting) {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.setTyping(false), SETTLE_MS);
    }
    if (typeof message.text === "string" && message.text.trim()) {
      const text = message.text;
      const entry = { type: "bot", text, buttons: buttonsOf(message) };
      const level = escalationLevelOf(text);
      if (level) {
        entry.kind = "escalation";
        entry.level = level;
      }
      this.append(entry);
      if (level) this.escalate(level, firstLine(text));
    }
    const custom = customPayload(message);
    if (custom) this.applyCustom(custom);
  }

  applyCustom(custom) {
    if (custom.kind === "answer") {
      const index = this.lastBotText((e) => !e.kind);
      if (index === -1) return;
      this.history[index].kind = "answer";
      if (typeof custom.section === "string") this.history[index].section = custom.section;
      if (typeof custom.section_title === "string") this.history[index].sectionTitle = custom.section_title;
      this.save();
      this.updateEntry(index);
    } else if (custom.kind === "fallback") {
      const index = this.lastBotText((e) => !e.kind);
      if (index === -1) return;
      this.history[index].kind = "fallback";
      this.save();
      this.updateEntry(index);
    } else if (custom.kind === "escalation") {
      const level = ["emergency", "urgent", "routine"].includes(custom.level) ? custom.level : "urgent";
      let index = this.lastBotText((e) => e.kind === "escalation");
      if (index === -1) index = this.lastBotText((e) => !e.kind);
      let text = "Please contact a healthcare professional.";
      if (index !== -1) {
        const entry = this.history[index];
        entry.kind = "escalation";
        entry.level = level;
        text = firstLine(entry.text);
        this.save();
        this.updateEntry(index);
      }
      this.escalate(level, text);
    }
    // anything else is not for display: never show raw JSON
  }

  // ---- network ---------------------------------------------------------------------------

  connect() {
    this.setStatus("connecting");
    this.socket = io(this.server, {
      path: this.path,
      transports: ["websocket", "polling"],
      closeOnBeforeunload: true, // the server frees the session at once on reload
      tryAllTransports: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 10000,
    });
    this.socket.on("connect", () => {
      this.confirmed = false;
      this.socket.emit("session_request", { session_id: this.sessionId });
    });
    this.socket.on("session_confirm", (data) => {
      const id = typeof data === "string" ? data : data && data.session_id;
      if (typeof id === "string" && id && id !== this.sessionId) {
        this.sessionId = id;
        this.local.set("session_id", id);
      }
      this.confirmed = true;
      this.setStatus("online");
      this.flush();
    });
    this.socket.on("bot_uttered", (message) => this.receive(message));
    this.socket.on("connect_error", () => this.setStatus("offline"));
    this.socket.on("disconnect", (reason) => {
      this.confirmed = false;
      this.setStatus("offline");
      // the server closed the connection: socket.io does not retry that by itself
      if (reason === "io server disconnect") setTimeout(() => this.socket.connect(), 1000);
    });
  }

  /** Sends the visitor's message (or a button's payload, showing its title). */
  send(text, payload) {
    const shown = String(text);
    const message = payload === undefined ? shown : String(payload);
    const entry = { type: "user", text: shown };
    if (!this.confirmed) {
      entry.pending = true;
      entry.message = message;
    }
    this.append(entry);
    this.setTyping(true);
    if (this.confirmed) this.emit(message);
    else this.queue.push(entry);
  }

  emit(message) {
    this.socket.emit("user_uttered", { message, session_id: this.sessionId });
  }

  flush() {
    const queued = this.queue;
    this.queue = [];
    for (const entry of queued) {
      this.emit(entry.message || entry.text);
      delete entry.pending;
      delete entry.message;
      const index = this.history.indexOf(entry);
      if (index !== -1) this.updateEntry(index);
    }
    if (queued.length) {
      this.save();
      this.setTyping(true);
    }
  }

  /** Forget this conversation: new session id, empty history, no banner. */
  reset() {
    this.sessionId = newSessionId();
    this.local.set("session_id", this.sessionId);
    this.history = [];
    this.banner = null;
    this.queue = [];
    this.save();
    this.setTyping(false);
    this.renderAll();
    this.socket.disconnect();
    this.setStatus("connecting");
    this.socket.connect();
    this.input.focus();
  }
}
