// Bundles src/ and socket.io-client into one file, dist/widget.js: `npm ci && npm run build`.
// Deterministic: the same lock file and sources give the same bytes.
import { build } from "esbuild";
import { readFileSync, statSync } from "node:fs";
import YAML from "yaml";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url)));
const outfile = "dist/widget.js";
// The example questions come from the topic table, the one source of every question button.
const topics = YAML.parse(readFileSync(new URL("../data/topics.yml", import.meta.url), "utf8"));
const starters = topics.widget_starters.map((intent) => topics.topics[intent].question);
// The escalation replies' opening words and levels, from the domain's utter_red_flag variations:
// the widget shows the banner from the text alone, before (or without) the payload.
const domain = YAML.parse(readFileSync(new URL("../domain.yml", import.meta.url), "utf8"));
const openings = new Map();
for (const variation of domain.responses.utter_red_flag) {
  const opening = variation.text.split(/[:.(\n]/)[0].trim();
  openings.set(opening, variation.custom.level);
}

await build({
  entryPoints: ["src/index.js"],
  outfile,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  charset: "utf8",
  banner: { js: `/* ${pkg.name} ${pkg.version}: chat widget for the back pain & knee pain assistant. */` },
  logLevel: "warning",
  define: {
    __WIDGET_STARTERS__: JSON.stringify(starters),
    __ESCALATION_OPENINGS__: JSON.stringify([...openings]),
  },
});
console.log(`built ${outfile} (${statSync(outfile).size} bytes)`);
