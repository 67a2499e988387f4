// The real client: vscode-languageclient over stdio. Loaded lazily by extension.ts so the tests can
// run the glue without it; esbuild bundles it into dist/extension.js.

import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions, State } from "vscode-languageclient/node";
import { ClientLike, ClientOptions, LANGUAGES, SECTION } from "./controller";

export function documentSelector(): { scheme: string; language: string }[] {
  return LANGUAGES.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
}

export function createLanguageClient(o: ClientOptions): ClientLike {
  const executable = {
    command: o.server.command,
    args: o.server.args,
    options: { cwd: o.cwd, env: { ...process.env, PYTHONUNBUFFERED: "1", PYTHONIOENCODING: "utf-8" } },
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: o.outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: o.initializationOptions,
    middleware: {
      workspace: {
        // Answer for the "figcheck" section with the server's keys only (no enable/path/trace).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) =>
            item.section === SECTION ? o.settingsFor(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : result[i],
          );
        },
      },
    },
  };
  const client = new LanguageClient(SECTION, "figcheck", serverOptions, clientOptions);
  return {
    start: () => client.start(),
    stop: (timeoutMs) => client.stop(timeoutMs),
    sendNotification: (method, params) => client.sendNotification(method, params),
    onDidChangeRunning: (listener) =>
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) listener(true);
        else if (e.newState === State.Stopped) listener(false);
      }),
  };
}
