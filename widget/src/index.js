// Entry point of widget.js. One script tag embeds the widget:
//   <script src="https://example.org/widget.js" data-server="https://bot.example.org"></script>
// data-server: the Rasa server (socket.io channel); data-path: its socket.io path (/socket.io);
// data-title: the panel's title; data-open="true": start open; data-auto-init="false": only
// create it by calling BackKneeChat.init({server, path, title, open, container}).
import { ChatWidget } from "./chat.js";

const DEFAULT_SERVER = "http://localhost:5005";
const script = document.currentScript;

function init(options = {}) {
  if (window.BackKneeChat.instance) return window.BackKneeChat.instance;
  const start = () => {
    window.BackKneeChat.instance = new ChatWidget({ server: DEFAULT_SERVER, ...options });
  };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });
  return window.BackKneeChat.instance;
}

window.BackKneeChat = window.BackKneeChat || { instance: null };
window.BackKneeChat.init = init;

if (script && script.dataset.autoInit !== "false") {
  const options = {};
  if (script.dataset.server) options.server = script.dataset.server;
  if (script.dataset.path) options.path = script.dataset.path;
  if (script.dataset.title) options.title = script.dataset.title;
  if (script.dataset.open) options.open = script.dataset.open === "true";
  init(options);
}
