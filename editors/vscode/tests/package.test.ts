// Packages the extension with the documented command (`npm run package`) and checks the .vsix:
// its manifest, that the client is bundled (no node_modules), and that the bundle activates.

import "./register-vscode";

import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import * as zlib from "node:zlib";
import * as fake from "./fake-vscode";

const root = path.resolve(__dirname, "..", "..");
const source = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** Reads every entry of a zip file (stored or deflated), by walking its central directory. */
function readZip(file: string): Map<string, Buffer> {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, "not a zip file: no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, "bad central directory entry");
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const localNameLength = buf.readUInt16LE(localOffset + 26);
    const localExtraLength = buf.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const raw = buf.subarray(start, start + compressedSize);
    entries.set(name, method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

let tmp: string;
let vsix: Map<string, Buffer>;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "figcheck-vsix-"));
  const out = path.join(tmp, "figcheck.vsix");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["run", "package", "--", "--out", out], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } });
  vsix = readZip(out);
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

test("the .vsix holds the manifest, the bundle, README, CHANGELOG and LICENSE, and nothing else", () => {
  const names = [...vsix.keys()].sort();
  for (const required of ["extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js"]) {
    assert.ok(names.includes(required), `${required} missing from ${names.join(", ")}`);
  }
  assert.ok(names.some((n) => /^extension\/license(\.txt)?$/i.test(n)), "LICENSE missing");
  assert.ok(names.some((n) => /^extension\/readme\.md$/i.test(n)), "README missing");
  const unwanted = names.filter((n) => /node_modules\/|\/src\/|\/test\/|\/out\/|\.ts$|\.map$|tsconfig|esbuild\.mjs|\.vsix$/.test(n));
  assert.deepEqual(unwanted, [], "files that should not ship");
});

test("the packaged manifest: entry point, activation events, commands and settings", () => {
  const manifest = JSON.parse(vsix.get("extension/package.json")!.toString("utf8"));
  assert.equal(manifest.name, "figcheck");
  assert.equal(manifest.publisher, "figcheck");
  assert.equal(manifest.version, source.version);
  assert.equal(manifest.main, "./dist/extension.js");
  assert.deepEqual(
    [...manifest.activationEvents].sort(),
    ["onLanguage:html", "onLanguage:latex", "onLanguage:markdown", "onLanguage:plaintext", "onLanguage:restructuredtext"],
  );
  const commands = manifest.contributes.commands.map((c: { command: string; title: string; category: string }) => `${c.category}: ${c.title} (${c.command})`);
  assert.deepEqual(commands.sort(), ["figcheck: Restart Server (figcheck.restart)", "figcheck: Show Output (figcheck.showOutput)"]);
  const settings = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepEqual(settings, [
    "figcheck.enable",
    "figcheck.extendSelect",
    "figcheck.ignore",
    "figcheck.inlayHints",
    "figcheck.maxFileSize",
    "figcheck.path",
    "figcheck.select",
    "figcheck.severity",
    "figcheck.tolerance",
    "figcheck.trace.server",
  ]);
  // vscode-languageclient 9 needs VS Code 1.82 or later.
  assert.equal(manifest.engines.vscode, "^1.82.0");
});

test("the .vsixmanifest names the extension and its engine", () => {
  const xml = vsix.get("extension.vsixmanifest")!.toString("utf8");
  assert.match(xml, /Id="figcheck"/);
  assert.match(xml, /Publisher="figcheck"/);
  assert.match(xml, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.82\.0"/);
});

test("dist/extension.js bundles vscode-languageclient and requires only node built-ins and vscode", () => {
  const js = vsix.get("extension/dist/extension.js")!.toString("utf8");
  // Strings from vscode-languageclient / vscode-jsonrpc that survive minification.
  for (const marker of ["textDocument/publishDiagnostics", "textDocument/codeAction", "Content-Length", "workspace/configuration"]) {
    assert.ok(js.includes(marker), `bundle lacks ${marker}`);
  }
  const required = new Set([...js.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
  const builtins = new Set(require("node:module").builtinModules as string[]);
  const foreign = [...required].filter((r) => r !== "vscode" && !builtins.has(r.replace(/^node:/, "")) && r !== "./languageClient");
  assert.deepEqual(foreign, [], "the bundle requires packages that are not shipped");
  assert.ok(!js.includes("vscode-languageclient/node\")"), "the client must be bundled, not required");
});

test("the packaged bundle activates under the fake vscode API", async () => {
  const dir = fs.mkdtempSync(path.join(tmp, "unpacked-"));
  const file = path.join(dir, "extension.js");
  fs.writeFileSync(file, vsix.get("extension/dist/extension.js")!);
  fake.reset();
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ext = require(file);
  const started: string[][] = [];
  const api = await ext.activate({ subscriptions: [] }, {
    createClient: (o: { server: { command: string; args: string[] } }) => ({
      start: async () => void started.push([o.server.command, ...o.server.args]),
      stop: async () => undefined,
      sendNotification: async () => undefined,
    }),
    python: { interpreter: async () => undefined, onDidChange: () => new fake.Disposable(() => undefined) },
    probeInterpreter: async () => "missing",
    which: () => "/bin/figcheck",
  });
  assert.deepEqual(started, [["/bin/figcheck", "server"]]);
  assert.equal(api.controller.status, "running");
  assert.ok(fake.state.commands.has("figcheck.restart") && fake.state.commands.has("figcheck.showOutput"));
  await ext.deactivate();
  assert.equal(fake.state.commands.size, 0);
});
