// Entry point. `activate` takes optional overrides of its dependencies so the tests can drive the
// real activation path with a fake client; VS Code calls it with the context alone.

import * as vscode from "vscode";
import { Deps, FigcheckController } from "./controller";
import { probeInterpreter, which } from "./probe";
import { pythonExtensionLookup } from "./python";

let controller: FigcheckController | undefined;

export interface FigcheckApi {
  controller: FigcheckController;
}

export async function activate(context: vscode.ExtensionContext, overrides: Partial<Deps> = {}): Promise<FigcheckApi> {
  let logger: (line: string) => void = () => undefined;
  const deps: Deps = {
    // Required here, not imported at the top, so that loading this module does not load the client.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    createClient: overrides.createClient ?? ((options) => require("./languageClient").createLanguageClient(options)),
    python: overrides.python ?? pythonExtensionLookup((line) => logger(line)),
    probeInterpreter: overrides.probeInterpreter ?? ((interpreter) => probeInterpreter(interpreter)),
    which: overrides.which ?? which,
  };
  controller = new FigcheckController(deps);
  logger = (line) => controller?.log(line);
  await controller.activate(context);
  return { controller };
}

export async function deactivate(): Promise<void> {
  const c = controller;
  controller = undefined;
  await c?.dispose();
}
