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
  define: { __WIDGET_STARTERS__: JSON.stringify(starters) },
});
console.log(`built ${outfile} (${statSync(outfile).size} bytes)`);
