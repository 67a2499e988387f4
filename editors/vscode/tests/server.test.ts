// The extension's side of the LSP contract against the real figcheck server: the command that
// resolveServerCommand picks for a Python interpreter, the initializationOptions and the
// workspace/configuration answers that toServerSettings makes. Uses vscode-jsonrpc (the transport
// vscode-languageclient bundles), not VS Code.
//
// Needs a Python with figcheck installed: $FIGCHECK_PYTHON, else the repository's .venv. Skipped
// when there is none (the Neovim test in tests/test_nvim.py covers the server end to end in CI).

import { strict as assert } from "node:assert";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from "vscode-jsonrpc/node";
import { probeInterpreter } from "../src/probe";
import { ServerCommand, isNotFound, resolveServerCommand } from "../src/serverCommand";
import { toServerSettings } from "../src/settings";

const repo = path.resolve(__dirname, "..", "..", "..", "..");
const seed = path.join(repo, "seeds", "kharkiv-counteroffensive-2022.txt");
const venvPython = path.join(repo, ".venv", process.platform === "win32" ? "Scripts/python.exe" : "bin/python");
const python = process.env.FIGCHECK_PYTHON || (fs.existsSync(venvPython) ? venvPython : undefined);
const skip = !python ? "no Python with figcheck (set FIGCHECK_PYTHON or create .venv)" : !fs.existsSync(seed) ? "no seed article" : false;

interface Diagnostic {
  code?: string;
  source?: string;
  severity?: number;
  range: { start: { line: number } };
}

let child: ChildProcess | undefined;
let connection: MessageConnection | undefined;
let server: ServerCommand;
const published = new Map<string, Diagnostic[]>();
const configurationRequests: unknown[] = [];
// What a user set in VS Code: the server should get the rule keys only.
const vscodeSettings: Record<string, unknown> = {
  enable: true,
  path: [],
  trace: { server: "off" },
  severity: { FC202: "error" },
  select: [],
  ignore: [],
};
const serverSettings = toServerSettings((key) => vscodeSettings[key]).settings;

function waitFor<T>(what: string, fn: () => T | undefined, timeoutMs = 20000): Promise<T> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const v = fn();
      if (v !== undefined) return resolve(v);
      if (Date.now() - start > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

before(async () => {
  if (skip) return;
  const resolved = await resolveServerCommand({
    configuredPath: [],
    interpreter: [python!],
    probeInterpreter: (i) => probeInterpreter(i),
    which: () => undefined,
  });
  assert.ok(!isNotFound(resolved), `the interpreter ${python} cannot start the server: ${JSON.stringify(resolved)}`);
  server = resolved as ServerCommand;
  child = spawn(server.command, server.args, {
    cwd: path.dirname(seed),
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, PYTHONPATH: [repo, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter) },
  });
  child.stderr!.on("data", () => undefined);
  connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diagnostic[] }) => {
    published.set(p.uri, p.diagnostics);
  });
  connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => {
    configurationRequests.push(p);
    return p.items.map((item) => (item.section === "figcheck" ? serverSettings : null));
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();
  const root = path.dirname(seed);
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: "seeds" }],
    initializationOptions: serverSettings,
    capabilities: {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
      textDocument: { publishDiagnostics: {}, codeAction: {}, hover: { contentFormat: ["markdown", "plaintext"] } },
    },
  });
  await connection.sendNotification("initialized", {});
});

after(async () => {
  if (!connection) return;
  try {
    await Promise.race([connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 3000))]);
    await connection.sendNotification("exit");
  } catch {
    // The server may already be gone.
  }
  connection.dispose();
  setTimeout(() => child?.kill(), 1000).unref();
});

test("the server picked for an interpreter runs as a module", { skip }, () => {
  assert.equal(server.command, python);
  assert.ok(["figcheck", "figcheck_lsp"].includes(server.args[1]), JSON.stringify(server.args));
});

test("the seed article: two FC202, made errors by the severity setting", { skip }, async () => {
  const uri = pathToFileURL(seed).href;
  await connection!.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "plaintext", version: 1, text: fs.readFileSync(seed, "utf8") },
  });
  const diags = await waitFor("FC202 diagnostics", () => {
    const d = (published.get(uri) ?? []).filter((x) => x.code === "FC202");
    return d.length >= 2 ? d : undefined;
  });
  assert.equal(diags.length, 2);
  for (const d of diags) {
    assert.equal(d.source, "figcheck");
    assert.equal(d.severity, 1, "severity override FC202 → error (1) did not reach the server");
  }
});

test("a wrong conversion: FC101 with a quick fix that changes the figure", { skip }, async () => {
  const uri = pathToFileURL(path.join(path.dirname(seed), "embankment.md")).href;
  const text = "The embankment runs for 12 kilometres (15 miles).\n";
  await connection!.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
  const [diag] = await waitFor("FC101", () => {
    const d = (published.get(uri) ?? []).filter((x) => x.code === "FC101");
    return d.length > 0 ? d : undefined;
  });
  const actions = (await connection!.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: (diag as unknown as { range: unknown }).range,
    context: { diagnostics: [diag], only: ["quickfix"] },
  })) as { title: string; isPreferred?: boolean; edit?: { documentChanges?: { edits: { newText: string }[] }[]; changes?: Record<string, { newText: string }[]> } }[];
  const fix = actions.find((a) => a.isPreferred) ?? actions[0];
  assert.ok(fix?.edit, `no quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
  const newTexts = [
    ...(fix.edit!.documentChanges ?? []).flatMap((c) => c.edits.map((e) => e.newText)),
    ...Object.values(fix.edit!.changes ?? {}).flatMap((es) => es.map((e) => e.newText)),
  ];
  assert.ok(newTexts.length > 0 && !newTexts.includes("15"), JSON.stringify(newTexts));
});

test("workspace/configuration is asked for the figcheck section", { skip }, async () => {
  await waitFor("a workspace/configuration request", () => (configurationRequests.length > 0 ? true : undefined));
  const items = (configurationRequests[0] as { items: { section?: string }[] }).items;
  assert.ok(items.some((i) => i.section === "figcheck"), JSON.stringify(items));
});
