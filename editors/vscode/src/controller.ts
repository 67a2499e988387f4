// The vscode-dependent glue: commands, status bar, settings changes, starting and restarting the
// client. The language client itself is made by an injected factory (see languageClient.ts), so this
// module runs under the tests' fake of the `vscode` API.

import * as os from "os";
import * as vscode from "vscode";
import { PythonLookup } from "./python";
import { INSTALL_NOTE, ProbeResult, Resolution, ServerCommand, describe, isNotFound, resolveServerCommand } from "./serverCommand";
import { ServerSettings, changeNeedsRestart, toServerSettings } from "./settings";

export const SECTION = "figcheck";
export const LANGUAGES = ["markdown", "plaintext", "latex", "restructuredtext", "html"] as const;
export const COMMAND_RESTART = "figcheck.restart";
export const COMMAND_SHOW_OUTPUT = "figcheck.showOutput";

/** The part of a LanguageClient the controller uses. */
export interface ClientLike {
  start(): Promise<void>;
  stop(timeoutMs?: number): Promise<void>;
  sendNotification(method: string, params?: unknown): Promise<void>;
  /** Fires with true when the server runs and false when it stopped (crash included). */
  onDidChangeRunning?(listener: (running: boolean) => void): vscode.Disposable;
}

export interface ClientOptions {
  server: ServerCommand;
  cwd?: string;
  initializationOptions: ServerSettings;
  outputChannel: vscode.OutputChannel;
  /** The server settings for a scope, answered to workspace/configuration requests. */
  settingsFor(scope?: vscode.Uri): ServerSettings;
}

export interface Deps {
  createClient(options: ClientOptions): ClientLike;
  python: PythonLookup;
  probeInterpreter(interpreter: string[]): Promise<ProbeResult>;
  which(name: string): string | undefined;
}

export type Status = "starting" | "running" | "stopped" | "disabled" | "error";

export class FigcheckController implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  readonly statusItem: vscode.StatusBarItem;
  private client: ClientLike | undefined;
  private clientSubscription: vscode.Disposable | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Serialises start/stop/restart so two quick restarts never run two servers. */
  private queue: Promise<unknown> = Promise.resolve();
  private commandSource: ServerCommand["source"] | undefined;
  status: Status = "stopped";
  lastCommand: ServerCommand | undefined;

  constructor(private readonly deps: Deps) {
    this.output = vscode.window.createOutputChannel("figcheck");
    this.statusItem = vscode.window.createStatusBarItem("figcheck.status", vscode.StatusBarAlignment.Right, 100);
    this.statusItem.name = "figcheck";
    this.statusItem.command = COMMAND_SHOW_OUTPUT;
    this.disposables.push(this.output, this.statusItem);
  }

  /** Registers commands and listeners, then starts the server when figcheck.enable is on. */
  async activate(context: vscode.ExtensionContext): Promise<void> {
    this.disposables.push(
      vscode.commands.registerCommand(COMMAND_RESTART, () => this.restart()),
      vscode.commands.registerCommand(COMMAND_SHOW_OUTPUT, () => this.output.show(true)),
      vscode.workspace.onDidChangeConfiguration((e) => this.onDidChangeConfiguration(e)),
      this.deps.python.onDidChange(() => {
        // A new interpreter matters only when the command came from it (or nothing was found).
        if (this.commandSource !== "setting" && this.commandSource !== "path" && this.enabled()) {
          this.log("The selected Python interpreter changed; restarting the server.");
          void this.restart();
        }
      }),
    );
    context.subscriptions.push(this);
    this.statusItem.show();
    if (this.enabled()) await this.start();
    else this.setStatus("disabled");
  }

  enabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>("enable", true) !== false;
  }

  serverSettings(scope?: vscode.Uri): ServerSettings {
    const config = vscode.workspace.getConfiguration(SECTION, scope);
    const { settings, problems } = toServerSettings((key) => config.get(key));
    for (const p of problems) this.log(`Ignored setting: ${p}`);
    return settings;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      if (this.enabled()) await this.doStart();
      else this.setStatus("disabled");
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${line}`);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private workspaceFolder(): string | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  }

  async resolve(): Promise<Resolution> {
    const folderUri = vscode.workspace.workspaceFolders?.[0]?.uri;
    const config = vscode.workspace.getConfiguration(SECTION, folderUri);
    const configuredPath = config.get<unknown>("path");
    const empty = configuredPath === undefined || configuredPath === null || configuredPath === "" || (Array.isArray(configuredPath) && configuredPath.length === 0);
    const interpreter = empty ? await this.deps.python.interpreter(folderUri) : undefined;
    return resolveServerCommand({
      configuredPath,
      interpreter,
      probeInterpreter: (i) => this.deps.probeInterpreter(i),
      which: (name) => this.deps.which(name),
      workspaceFolder: this.workspaceFolder(),
      homeDir: os.homedir(),
      platform: process.platform,
    });
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    this.setStatus("starting");
    const resolution = await this.resolve();
    if (isNotFound(resolution)) {
      this.commandSource = undefined;
      this.log(`${resolution.error} Install it with: ${resolution.installCommand} ${INSTALL_NOTE}`);
      this.setStatus("error", `${resolution.error}\nInstall it with: ${resolution.installCommand}`);
      void this.showError(`${resolution.error} Install it with \`${resolution.installCommand}\` ${INSTALL_NOTE}, or set "figcheck.path".`);
      return;
    }
    this.lastCommand = resolution;
    this.commandSource = resolution.source;
    this.log(`Starting the server (from ${resolution.source}): ${describe(resolution)}`);
    const client = this.deps.createClient({
      server: resolution,
      cwd: this.workspaceFolder(),
      initializationOptions: this.serverSettings(),
      outputChannel: this.output,
      settingsFor: (scope) => this.serverSettings(scope),
    });
    this.client = client;
    this.clientSubscription = client.onDidChangeRunning?.((running) => {
      if (this.client !== client) return;
      if (running) this.setStatus("running");
      else if (this.status === "running") this.setStatus("stopped", "The figcheck server stopped. Run \"figcheck: Restart Server\".");
    });
    try {
      await client.start();
      this.setStatus("running");
    } catch (e) {
      const message = (e as Error)?.message ?? String(e);
      this.log(`The server failed to start: ${message}`);
      this.client = undefined;
      this.clientSubscription?.dispose();
      this.clientSubscription = undefined;
      try {
        await client.stop(2000);
      } catch {
        // Already gone.
      }
      this.setStatus("error", `The server failed to start: ${message}`);
      void this.showError(`figcheck: the server (${describe(resolution)}) failed to start: ${message}`);
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.clientSubscription?.dispose();
    this.clientSubscription = undefined;
    if (client) {
      this.log("Stopping the server.");
      try {
        await client.stop(2000);
      } catch (e) {
        this.log(`Stopping the server failed: ${(e as Error)?.message ?? e}`);
      }
    }
    this.setStatus("stopped");
  }

  private onDidChangeConfiguration(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration(SECTION)) return;
    if (changeNeedsRestart((section) => e.affectsConfiguration(section))) {
      this.log("figcheck.enable or figcheck.path changed; restarting the server.");
      void this.restart();
      return;
    }
    const client = this.client;
    if (client && this.status === "running") {
      // Push the new settings; a server that pulls (workspace/configuration) re-reads them on this too.
      void client
        .sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: this.serverSettings() } })
        .catch((err) => this.log(`Could not send the new settings: ${(err as Error)?.message ?? err}`));
    }
  }

  private setStatus(status: Status, detail?: string): void {
    this.status = status;
    const item = this.statusItem;
    const icon = { starting: "$(sync~spin)", running: "$(check)", stopped: "$(debug-stop)", disabled: "$(circle-slash)", error: "$(error)" }[status];
    item.text = `${icon} figcheck`;
    const where = this.lastCommand ? `\n${describe(this.lastCommand)}` : "";
    item.tooltip = detail ?? `figcheck: ${status}${status === "running" ? where : ""}`;
    item.backgroundColor = status === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }

  private async showError(message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, "Open Settings", "Show Output");
    if (choice === "Open Settings") await vscode.commands.executeCommand("workbench.action.openSettings", "figcheck.path");
    else if (choice === "Show Output") this.output.show(true);
  }
}
