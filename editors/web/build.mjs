// Builds the playground page into figcheck/playground/static/ (shipped in the Python wheel):
// index.html, playground.css and playground.js (TypeScript + CodeMirror, bundled and minified).
// `node build.mjs --tests` bundles tests/*.test.ts into out/tests/ for `node --test`.
// Fails when the page's JavaScript is 1 MB or more gzipped.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "figcheck", "playground", "static");
const GZIP_BUDGET = 1024 * 1024;

if (process.argv.includes("--tests")) {
  const tests = readdirSync(join(here, "tests")).filter((f) => f.endsWith(".test.ts"));
  await esbuild.build({
    entryPoints: tests.map((f) => join(here, "tests", f)),
    outdir: join(here, "out", "tests"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
} else {
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, "src", "main.ts")],
    outfile: join(out, "playground.js"),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
  await esbuild.build({
    entryPoints: [join(here, "src", "playground.css")],
    outfile: join(out, "playground.css"),
    bundle: true,
    minify: true,
    logLevel: "warning",
  });
  copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));
  const js = readFileSync(join(out, "playground.js"));
  const gzipped = gzipSync(js, { level: 9 }).length;
  console.log(`playground.js: ${(js.length / 1024).toFixed(0)} kB, ${(gzipped / 1024).toFixed(0)} kB gzipped (budget ${GZIP_BUDGET / 1024} kB)`);
  if (gzipped >= GZIP_BUDGET) {
    console.error("the page's JavaScript is over its budget of 1 MB gzipped");
    process.exit(1);
  }
}
