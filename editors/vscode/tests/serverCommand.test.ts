import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { probeInterpreter } from "../src/probe";
import {
  ProbeResult,
  commandFromSetting,
  describe as describeCommand,
  expandPath,
  isNotFound,
  isPythonExecutable,
  resolveServerCommand,
  whichIn,
} from "../src/serverCommand";

const none = () => undefined;
const probeSays = (r: ProbeResult) => async () => r;

test("a string setting is the figcheck executable; `server` is appended", async () => {
  const r = await resolveServerCommand({ configuredPath: "/opt/fc/bin/figcheck", which: none });
  assert.deepEqual(r, { command: "/opt/fc/bin/figcheck", args: ["server"], source: "setting" });
});

test("a string setting naming a Python interpreter runs the module", async () => {
  for (const exe of ["/venv/bin/python", "/venv/bin/python3.11", "C:\\venv\\Scripts\\python.exe"]) {
    assert.ok(isPythonExecutable(exe), exe);
    const r = await resolveServerCommand({ configuredPath: exe, which: none });
    assert.deepEqual(r, { command: exe, args: ["-m", "figcheck", "server"], source: "setting" });
  }
  assert.equal(isPythonExecutable("/usr/bin/figcheck"), false);
  assert.equal(isPythonExecutable("/usr/bin/pythonista"), false);
});

test("a list setting is the whole command line, with variables expanded", async () => {
  const r = await resolveServerCommand({
    configuredPath: ["${workspaceFolder}/.venv/bin/python", "-m", "figcheck_lsp", "--log=${workspaceFolder}/fc.log"],
    workspaceFolder: "/w",
    which: none,
  });
  assert.deepEqual(r, { command: "/w/.venv/bin/python", args: ["-m", "figcheck_lsp", "--log=/w/fc.log"], source: "setting" });
});

test("paths: ~ and relative paths", () => {
  assert.equal(expandPath("~/bin/figcheck", { homeDir: "/home/u" }), "/home/u/bin/figcheck");
  assert.equal(expandPath("./.venv/bin/figcheck", { workspaceFolder: "/w" }), path.join("/w", ".venv/bin/figcheck"));
  // A bare name stays a name (looked up on PATH by the OS).
  assert.equal(expandPath("figcheck", { workspaceFolder: "/w" }), "figcheck");
});

test("the setting wins over the interpreter and PATH", async () => {
  const r = await resolveServerCommand({
    configuredPath: "figcheck-dev",
    interpreter: ["/py"],
    probeInterpreter: async () => assert.fail("the interpreter must not be probed"),
    which: () => "/usr/bin/figcheck",
  });
  assert.equal((r as { command: string }).command, "figcheck-dev");
});

test("an empty setting falls back to the selected interpreter", async () => {
  for (const empty of [undefined, null, "", "  ", []]) {
    const r = await resolveServerCommand({ configuredPath: empty, interpreter: ["/venv/bin/python"], probeInterpreter: probeSays("figcheck"), which: none });
    assert.deepEqual(r, { command: "/venv/bin/python", args: ["-m", "figcheck", "server"], source: "interpreter" });
  }
});

test("an interpreter command with arguments keeps them before -m", async () => {
  const r = await resolveServerCommand({ configuredPath: [], interpreter: ["conda", "run", "-n", "prose", "python"], probeInterpreter: probeSays("figcheck"), which: none });
  assert.deepEqual(r, { command: "conda", args: ["run", "-n", "prose", "python", "-m", "figcheck", "server"], source: "interpreter" });
});

test("a source checkout without figcheck.__main__ is started with -m figcheck_lsp", async () => {
  const r = await resolveServerCommand({ configuredPath: [], interpreter: ["/src/.venv/bin/python"], probeInterpreter: probeSays("figcheck_lsp"), which: none });
  assert.deepEqual(r, { command: "/src/.venv/bin/python", args: ["-m", "figcheck_lsp"], source: "interpreter" });
});

test("an interpreter without figcheck falls back to PATH", async () => {
  const r = await resolveServerCommand({ configuredPath: [], interpreter: ["/usr/bin/python3"], probeInterpreter: probeSays("missing"), which: (n) => (n === "figcheck" ? "/usr/local/bin/figcheck" : undefined) });
  assert.deepEqual(r, { command: "/usr/local/bin/figcheck", args: ["server"], source: "path" });
});

test("nothing found: an error that names the install command", async () => {
  const bare = await resolveServerCommand({ configuredPath: [], which: none });
  assert.ok(isNotFound(bare));
  assert.equal(bare.installCommand, "pip install -e /path/to/figcheck");
  assert.match(bare.error, /not found/);

  const withPython = await resolveServerCommand({ configuredPath: [], interpreter: ["/home/u/my env/bin/python"], probeInterpreter: probeSays("missing"), which: none });
  assert.ok(isNotFound(withPython));
  assert.equal(withPython.installCommand, '"/home/u/my env/bin/python" -m pip install -e /path/to/figcheck');
  assert.match(withPython.error, /selected interpreter/);
});

test("a malformed setting is an error, not a crash", async () => {
  const r = await resolveServerCommand({ configuredPath: [42], which: () => "/usr/bin/figcheck" });
  assert.ok(isNotFound(r));
  assert.match(r.error, /figcheck\.path/);
  assert.throws(() => commandFromSetting({ command: "x" }, {}), /figcheck\.path/);
});

test("describe quotes what needs quoting", () => {
  assert.equal(describeCommand({ command: "/a b/python", args: ["-m", "figcheck", "server"], source: "setting" }), '"/a b/python" -m figcheck server');
});

test("whichIn walks PATH in order and honours PATHEXT on Windows", () => {
  const exists = new Set(["/b/figcheck", "/c/figcheck", "C:\\tools\\figcheck.EXE"]);
  assert.equal(whichIn("/a:/b:/c", "figcheck", (f) => exists.has(f), "linux"), "/b/figcheck");
  assert.equal(whichIn("/a", "figcheck", (f) => exists.has(f), "linux"), undefined);
  assert.equal(whichIn(undefined, "figcheck", () => true, "linux"), undefined);
  assert.equal(whichIn("C:\\x;C:\\tools", "figcheck", (f) => exists.has(f), "win32", ".EXE;.CMD"), "C:\\tools\\figcheck.EXE");
});

test("probeInterpreter reads the probe's exit code", { skip: process.platform === "win32" }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "figcheck-probe-"));
  try {
    const make = (name: string, code: number) => {
      const file = path.join(dir, name);
      // Checks that the probe script arrives as `-c SCRIPT`, then answers with the exit code.
      fs.writeFileSync(file, `#!/bin/sh\n[ "$1" = "-c" ] || exit 9\ncase "$2" in *figcheck.__main__*) exit ${code};; esac\nexit 8\n`, { mode: 0o755 });
      return file;
    };
    assert.equal(await probeInterpreter([make("ok", 0)]), "figcheck");
    assert.equal(await probeInterpreter([make("src", 3)]), "figcheck_lsp");
    assert.equal(await probeInterpreter([make("no", 1)]), "missing");
    assert.equal(await probeInterpreter([path.join(dir, "does-not-exist")]), "missing");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
