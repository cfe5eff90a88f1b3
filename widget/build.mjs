// Bundles src/ and socket.io-client into one file, dist/widget.js: `npm ci && npm run build`.
// Deterministic: the same lock file and sources give the same bytes.
import { build } from "esbuild";
import { readFileSync, statSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url)));
const outfile = "dist/widget.js";

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
});
console.log(`built ${outfile} (${statSync(outfile).size} bytes)`);
