// The widget's styles. They live in its shadow root: the host page's CSS cannot break them and
// they cannot leak into the page. Colours meet WCAG AA contrast (4.5:1 or more for text).
export const CSS = `
:host {
  all: initial;
  --bkc-accent: #0b57a4;       /* 7.0:1 on white */
  --bkc-accent-dark: #083f77;
  --bkc-text: #1b1f24;
  --bkc-muted: #4a5563;        /* 7.4:1 on white */
  --bkc-bot-bg: #eef2f7;
  --bkc-border: #c5cfdb;
  --bkc-emergency: #a3001b;    /* white text: 7.9:1 */
  --bkc-urgent-bg: #ffe7b8;
  --bkc-urgent-text: #4d2600;  /* 10:1 on the amber */
  --bkc-urgent-border: #b35c00;
  --bkc-routine-bg: #e8f0fb;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 16px;
  line-height: 1.45;
  color: var(--bkc-text);
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button { font: inherit; cursor: pointer; }
button:focus-visible, input:focus-visible, .log:focus-visible {
  outline: 3px solid #f5b400; outline-offset: 2px;
}

.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  display: flex; align-items: center; gap: 8px;
  max-width: calc(100vw - 32px);
  padding: 12px 18px; border: 0; border-radius: 999px;
  background: var(--bkc-accent); color: #fff; font-weight: 600;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
}
.launcher:hover { background: var(--bkc-accent-dark); }
.launcher.alerting { background: var(--bkc-emergency); }
.launcher-icon { width: 22px; height: 22px; flex: none; }

.panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483001;
  display: flex; flex-direction: column;
  width: min(400px, calc(100vw - 32px));
  height: min(640px, calc(100vh - 32px));
  background: #fff; border: 1px solid var(--bkc-border); border-radius: 12px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28);
  overflow: hidden;
}
@media (max-width: 480px) {
  .panel { left: 0; right: 0; top: 0; bottom: 0; width: auto; height: auto; border-radius: 0; border: 0; }
}

.header {
  display: flex; align-items: flex-start; gap: 8px;
  padding: 10px 12px; background: var(--bkc-accent); color: #fff;
}
.header-text { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 1rem; line-height: 1.3; font-weight: 700; }
.status { margin: 2px 0 0; font-size: 0.85rem; display: flex; align-items: center; gap: 6px; }
.status::before {
  content: ""; width: 9px; height: 9px; border-radius: 50%; background: #ffd166; flex: none;
}
.status[data-state="online"]::before { background: #7ee2a8; }
.status[data-state="offline"]::before { background: #ff8a80; }
.header-button {
  flex: none; min-width: 44px; min-height: 36px; padding: 4px 10px;
  border: 1px solid rgba(255, 255, 255, 0.7); border-radius: 6px;
  background: transparent; color: #fff; font-size: 0.85rem;
}
.header-button:hover { background: rgba(255, 255, 255, 0.15); }

.banner {
  flex: none; padding: 10px 12px; border-bottom: 1px solid var(--bkc-border);
  font-size: 0.95rem; overflow-wrap: anywhere;
}
.banner strong { display: block; font-size: 1rem; }
.banner-emergency { background: var(--bkc-emergency); color: #fff; }
.banner-urgent {
  background: var(--bkc-urgent-bg); color: var(--bkc-urgent-text);
  border-left: 6px solid var(--bkc-urgent-border);
}
.banner-routine {
  background: var(--bkc-routine-bg); color: var(--bkc-text);
  border-left: 6px solid var(--bkc-accent); font-size: 0.9rem;
}

.intro { flex: none; margin: 0; padding: 10px 12px 0; color: var(--bkc-muted); font-size: 0.9rem; }
.log {
  position: relative; /* the messages' offsetTop is measured from the log */
  flex: 1; min-height: 0; overflow-y: auto; overflow-x: hidden;
  padding: 10px 12px; display: flex; flex-direction: column; gap: 10px;
}
.msg {
  max-width: 88%; padding: 8px 12px; border-radius: 12px;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word;
}
.msg-user {
  align-self: flex-end; background: var(--bkc-accent); color: #fff; border-bottom-right-radius: 4px;
}
.msg-bot {
  align-self: flex-start; background: var(--bkc-bot-bg); color: var(--bkc-text);
  border-bottom-left-radius: 4px;
}
.msg-escalation-emergency { border-left: 5px solid var(--bkc-emergency); }
.msg-escalation-urgent { border-left: 5px solid var(--bkc-urgent-border); }
.msg-escalation-routine { border-left: 5px solid var(--bkc-accent); }
.msg-note { display: block; margin-top: 4px; font-size: 0.8rem; font-style: italic; }
.badge {
  display: inline-block; margin: 0 0 6px; padding: 1px 8px; border-radius: 999px;
  background: #d5e3f5; color: #0a3a6b; font-size: 0.78rem; font-weight: 600;
  white-space: normal;
}
.suggestions {
  display: flex; flex-wrap: wrap; gap: 6px; margin-top: -2px; max-width: 100%;
}
.suggestion, .starter {
  min-height: 36px; padding: 6px 12px; border-radius: 999px;
  border: 1px solid var(--bkc-accent); background: #fff; color: var(--bkc-accent-dark);
  font-size: 0.9rem; text-align: left; max-width: 100%; overflow-wrap: anywhere;
}
.suggestion:hover, .starter:hover { background: #e3edf9; }
.starters { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 12px 0; flex: none; }

.typing {
  flex: none; display: flex; align-items: center; gap: 4px;
  padding: 4px 16px 6px; color: var(--bkc-muted); font-size: 0.85rem;
}
.dot { width: 7px; height: 7px; border-radius: 50%; background: var(--bkc-muted); animation: bkc-bounce 1.2s infinite; }
.dot:nth-child(2) { animation-delay: 0.2s; }
.dot:nth-child(3) { animation-delay: 0.4s; }
@keyframes bkc-bounce { 0%, 80%, 100% { opacity: 0.3; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .dot { animation: none; } }

.composer {
  flex: none; display: flex; gap: 8px; padding: 10px 12px;
  border-top: 1px solid var(--bkc-border); background: #fff;
}
.input {
  flex: 1; min-width: 0; padding: 9px 12px; font: inherit; color: var(--bkc-text);
  border: 1px solid #6b7785; border-radius: 8px; background: #fff;
}
.send {
  flex: none; padding: 9px 16px; border: 0; border-radius: 8px;
  background: var(--bkc-accent); color: #fff; font-weight: 600;
}
.send:hover { background: var(--bkc-accent-dark); }
.footnote { flex: none; margin: 0; padding: 0 12px 8px; font-size: 0.75rem; color: var(--bkc-muted); }
`;
