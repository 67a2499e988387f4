import "./register-vscode";

import { strict as assert } from "node:assert";
import { afterEach, beforeEach, test } from "node:test";
import * as vscode from "vscode";
import { ClientLike, ClientOptions, Deps } from "../src/controller";
import { activate, deactivate } from "../src/extension";
import { PythonLookup, pythonExtensionLookup } from "../src/python";
import * as fake from "./fake-vscode";

/** Records what the controller does with its client. */
class FakeClient implements ClientLike {
  started = false;
  stopped = false;
  notifications: { method: string; params: unknown }[] = [];
  private listeners: ((running: boolean) => void)[] = [];
  constructor(readonly options: ClientOptions, private readonly failWith?: Error) {}
  async start(): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.started = true;
    this.listeners.forEach((l) => l(true));
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  async sendNotification(method: string, params?: unknown): Promise<void> {
    this.notifications.push({ method, params });
  }
  onDidChangeRunning(listener: (running: boolean) => void) {
    this.listeners.push(listener);
    return new fake.Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  }
  crash(): void {
    this.listeners.forEach((l) => l(false));
  }
}

let clients: FakeClient[];
let startFailure: Error | undefined;
let interpreterChanged: fake.EventEmitter<void>;
let interpreter: string[] | undefined;

function context() {
  return { subscriptions: [] as { dispose(): unknown }[] } as unknown as vscode.ExtensionContext & { subscriptions: { dispose(): unknown }[] };
}

function deps(extra: Partial<Deps> = {}): Partial<Deps> {
  const python: PythonLookup = {
    interpreter: async () => interpreter,
    onDidChange: (listener) => interpreterChanged.event(() => listener()),
  };
  return {
    createClient: (options) => {
      const c = new FakeClient(options, startFailure);
      clients.push(c);
      return c;
    },
    python,
    probeInterpreter: async () => "figcheck",
    which: (name) => (name === "figcheck" ? "/usr/local/bin/figcheck" : undefined),
    ...extra,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 10));
const status = () => fake.state.statusItems[0];

beforeEach(() => {
  fake.reset();
  clients = [];
  startFailure = undefined;
  interpreterChanged = new fake.EventEmitter<void>();
  interpreter = undefined;
});

afterEach(async () => {
  await deactivate();
});

test("activation registers the commands, shows the status bar and starts the server", async () => {
  fake.state.workspaceFolders = [{ uri: fake.Uri.file("/proj"), name: "proj", index: 0 }];
  fake.state.settings = { "figcheck.select": ["FC2"], "figcheck.severity": { FC202: "error" }, "figcheck.path": [] };
  const ctx = context();
  const api = await activate(ctx, deps());

  assert.ok(fake.state.commands.has("figcheck.restart"));
  assert.ok(fake.state.commands.has("figcheck.showOutput"));
  assert.equal(clients.length, 1);
  const [client] = clients;
  assert.ok(client.started);
  assert.deepEqual(client.options.server, { command: "/usr/local/bin/figcheck", args: ["server"], source: "path" });
  assert.equal(client.options.cwd, "/proj");
  assert.deepEqual(client.options.initializationOptions, { select: ["FC2"], severity: { FC202: "error" } });
  assert.equal(api.controller.status, "running");
  assert.ok(status().visible);
  assert.match(status().text, /figcheck/);
  assert.equal(status().command, "figcheck.showOutput");
  assert.ok(ctx.subscriptions.length > 0, "the controller is disposed with the extension");
});

test("figcheck: Show Output reveals the output channel", async () => {
  await activate(context(), deps());
  await vscode.commands.executeCommand("figcheck.showOutput");
  const channel = fake.state.outputChannels.find((c) => c.name === "figcheck");
  assert.ok(channel && channel.shown === 1);
  assert.ok(channel.lines.some((l) => l.includes("Starting the server")));
});

test("figcheck: Restart Server stops the old client before starting a new one", async () => {
  await activate(context(), deps());
  await vscode.commands.executeCommand("figcheck.restart");
  assert.equal(clients.length, 2);
  assert.ok(clients[0].stopped);
  assert.ok(clients[1].started && !clients[1].stopped);
});

test("two quick restarts never leave two servers running", async () => {
  await activate(context(), deps());
  await Promise.all([vscode.commands.executeCommand("figcheck.restart"), vscode.commands.executeCommand("figcheck.restart")]);
  const running = clients.filter((c) => c.started && !c.stopped);
  assert.equal(running.length, 1);
});

test("a changed rule setting is pushed to the running server without a restart", async () => {
  await activate(context(), deps());
  fake.changeSettings({ "figcheck.ignore": ["FC101"], "figcheck.tolerance": 0.05 });
  await flush();
  assert.equal(clients.length, 1);
  assert.deepEqual(clients[0].notifications, [
    { method: "workspace/didChangeConfiguration", params: { settings: { figcheck: { ignore: ["FC101"], tolerance: 0.05 } } } },
  ]);
  // workspace/configuration answers carry the same keys.
  assert.deepEqual(clients[0].options.settingsFor(), { ignore: ["FC101"], tolerance: 0.05 });
});

test("other sections' changes are ignored", async () => {
  await activate(context(), deps());
  fake.changeSettings({ "editor.fontSize": 14 });
  await flush();
  assert.equal(clients.length, 1);
  assert.deepEqual(clients[0].notifications, []);
});

test("changing figcheck.path restarts the server with the new command", async () => {
  await activate(context(), deps());
  fake.changeSettings({ "figcheck.path": ["/venv/bin/python", "-m", "figcheck_lsp"] });
  await flush();
  assert.equal(clients.length, 2);
  assert.ok(clients[0].stopped);
  assert.deepEqual(clients[1].options.server, { command: "/venv/bin/python", args: ["-m", "figcheck_lsp"], source: "setting" });
});

test("figcheck.enable = false stops the server; true starts it again", async () => {
  const api = await activate(context(), deps());
  fake.changeSettings({ "figcheck.enable": false });
  await flush();
  assert.ok(clients[0].stopped);
  assert.equal(api.controller.status, "disabled");
  assert.match(status().text, /figcheck/);
  fake.changeSettings({ "figcheck.enable": true });
  await flush();
  assert.equal(clients.length, 2);
  assert.equal(api.controller.status, "running");
});

test("disabled at activation: no server", async () => {
  fake.state.settings = { "figcheck.enable": false };
  const api = await activate(context(), deps());
  assert.equal(clients.length, 0);
  assert.equal(api.controller.status, "disabled");
});

test("the selected Python interpreter is preferred over PATH, and a new selection restarts", async () => {
  interpreter = ["/envs/a/bin/python"];
  const probed: string[][] = [];
  await activate(context(), deps({ probeInterpreter: async (i) => (probed.push(i), "figcheck") }));
  assert.deepEqual(probed, [["/envs/a/bin/python"]]);
  assert.deepEqual(clients[0].options.server, { command: "/envs/a/bin/python", args: ["-m", "figcheck", "server"], source: "interpreter" });

  interpreter = ["/envs/b/bin/python"];
  interpreterChanged.fire();
  await flush();
  assert.equal(clients.length, 2);
  assert.equal(clients[1].options.server.command, "/envs/b/bin/python");
});

test("a new interpreter does not restart a server started from figcheck.path", async () => {
  fake.state.settings = { "figcheck.path": "/opt/figcheck" };
  interpreter = ["/envs/a/bin/python"];
  await activate(context(), deps());
  interpreterChanged.fire();
  await flush();
  assert.equal(clients.length, 1);
});

test("no server anywhere: an error with the install command, and the status bar says so", async () => {
  fake.state.errorReply = "Open Settings";
  const api = await activate(context(), deps({ which: () => undefined }));
  await flush();
  assert.equal(clients.length, 0);
  assert.equal(api.controller.status, "error");
  assert.equal(fake.state.errors.length, 1);
  assert.match(fake.state.errors[0].message, /pip install -e \/path\/to\/figcheck/);
  assert.match(fake.state.errors[0].message, /git\+URL/);
  assert.match(fake.state.errors[0].message, /once figcheck is published on PyPI, `pip install figcheck`/);
  assert.deepEqual(fake.state.errors[0].items, ["Open Settings", "Show Output"]);
  assert.deepEqual(fake.state.executed.at(-1), { command: "workbench.action.openSettings", args: ["figcheck.path"] });
  assert.ok(status().backgroundColor instanceof fake.ThemeColor);
  assert.match(String(status().tooltip), /pip install -e \/path\/to\/figcheck/);
});

test("the install command names the selected interpreter when it lacks figcheck", async () => {
  interpreter = ["/envs/a/bin/python"];
  await activate(context(), deps({ which: () => undefined, probeInterpreter: async () => "missing" }));
  assert.match(fake.state.errors[0].message, /\/envs\/a\/bin\/python -m pip install -e \/path\/to\/figcheck/);
});

test("a server that fails to start is reported, and Restart tries again", async () => {
  startFailure = new Error("spawn ENOENT");
  const api = await activate(context(), deps());
  assert.equal(api.controller.status, "error");
  assert.match(fake.state.errors[0].message, /failed to start: spawn ENOENT/);
  startFailure = undefined;
  await vscode.commands.executeCommand("figcheck.restart");
  assert.equal(api.controller.status, "running");
});

test("a server that dies shows as stopped", async () => {
  const api = await activate(context(), deps());
  clients[0].crash();
  assert.equal(api.controller.status, "stopped");
  assert.match(String(status().tooltip), /Restart Server/);
});

test("deactivate stops the server and unregisters the commands", async () => {
  await activate(context(), deps());
  await deactivate();
  assert.ok(clients[0].stopped);
  assert.equal(fake.state.commands.size, 0);
  assert.ok(status().disposed);
});

test("settings errors are logged, not sent", async () => {
  fake.state.settings = { "figcheck.select": ["FC2", "bogus"] };
  await activate(context(), deps());
  assert.deepEqual(clients[0].options.initializationOptions, { select: ["FC2"] });
  const channel = fake.state.outputChannels[0];
  assert.ok(channel.lines.some((l) => l.includes("bogus")));
});

test("pythonExtensionLookup: the environments API", async () => {
  const changed = new fake.EventEmitter<unknown>();
  const pythonApi = {
    ready: Promise.resolve(),
    environments: {
      getActiveEnvironmentPath: () => ({ path: "/envs/x" }),
      resolveEnvironment: async (env: { path: string }) => ({ executable: { uri: fake.Uri.file(env.path + "/bin/python") } }),
      onDidChangeActiveEnvironmentPath: changed.event,
    },
  };
  let activated = 0;
  fake.state.extensionsById.set("ms-python.python", { isActive: false, exports: undefined, activate: async () => (activated++, pythonApi) });
  const lookup = pythonExtensionLookup(() => undefined);
  assert.deepEqual(await lookup.interpreter(), ["/envs/x/bin/python"]);
  assert.equal(activated, 1);
  let fired = 0;
  const sub = lookup.onDidChange(() => fired++);
  await flush();
  changed.fire(undefined);
  sub.dispose();
  changed.fire(undefined);
  assert.equal(fired, 1);
});

test("pythonExtensionLookup: the older execution-details API, and no extension at all", async () => {
  fake.state.extensionsById.set("ms-python.python", { isActive: true, exports: { settings: { getExecutionDetails: () => ({ execCommand: ["/usr/bin/python3"] }) } } });
  assert.deepEqual(await pythonExtensionLookup(() => undefined).interpreter(), ["/usr/bin/python3"]);
  fake.state.extensionsById.clear();
  assert.equal(await pythonExtensionLookup(() => undefined).interpreter(), undefined);
});
