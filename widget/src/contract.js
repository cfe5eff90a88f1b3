// The message contract (README "Message contract"), read from what the socket.io channel emits.
// Pure functions: no DOM, no network.

export const LEVELS = ["routine", "urgent", "emergency"]; // least to most severe

const SECTION_LINE = /^From the article's "(.+)" section:\s*$/;

// The first line of an escalation text says what to do; it also tells the level, so the banner
// can show even before (or without) the custom payload that follows the text. [opening, level]
// pairs, taken from domain.yml's utter_red_flag variations by build.mjs.
const ESCALATION_OPENINGS = __ESCALATION_OPENINGS__;

export function severity(level) {
  return LEVELS.indexOf(level);
}

/** The custom payload of a bot message, if any: `{"custom": {...}}`, or a bare `{"kind": ...}`. */
export function customPayload(message) {
  if (!message || typeof message !== "object") return null;
  const custom = message.custom;
  if (custom && typeof custom === "object" && !Array.isArray(custom)) return custom;
  if (typeof message.kind === "string" && typeof message.text !== "string") return message;
  return null;
}

/** Buttons from `quick_replies` (socket.io) or `buttons` (REST style), as {title, payload}. */
export function buttonsOf(message) {
  const raw = (message && (message.quick_replies || message.buttons)) || [];
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((b) => b && typeof b.title === "string" && b.title.trim())
    .map((b) => ({
      title: b.title,
      payload: typeof b.payload === "string" && b.payload ? b.payload : b.title,
    }));
}

/** Splits an article answer into its section title and the rest: {sectionTitle, body}. */
export function splitSection(text) {
  const newline = text.indexOf("\n");
  const first = newline === -1 ? text : text.slice(0, newline);
  const match = SECTION_LINE.exec(first);
  if (!match) return { sectionTitle: null, body: text };
  return { sectionTitle: match[1], body: newline === -1 ? "" : text.slice(newline + 1) };
}

/** The escalation level a text announces by its opening words, or null. */
export function escalationLevelOf(text) {
  for (const [opening, level] of ESCALATION_OPENINGS) {
    if (text.startsWith(opening)) return level;
  }
  return null;
}

export function firstLine(text) {
  const newline = text.indexOf("\n");
  return newline === -1 ? text : text.slice(0, newline);
}

/** A readable name for a section id, when neither the text nor the payload gave its title
 * (the answer payload carries `section_title`, the article's own heading). */
export function sectionTitle(id) {
  return String(id || "")
    .replace(/_/g, " ")
    .replace(/^./, (c) => c.toUpperCase());
}
