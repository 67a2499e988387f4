// The interpreter selected in the Python extension (ms-python.python), when that extension is installed.
// Only the few members of its public API that figcheck uses are typed here.

import * as vscode from "vscode";

interface PythonApi {
  ready?: Promise<void>;
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string } | undefined;
    resolveEnvironment(env: { path: string } | string): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
  settings?: {
    getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] };
    onDidChangeExecutionDetails?: vscode.Event<unknown>;
  };
}

export interface PythonLookup {
  /** The interpreter as a command (usually one path), or undefined when none is selected or known. */
  interpreter(resource?: vscode.Uri): Promise<string[] | undefined>;
  /** Fires when the user selects another interpreter. */
  onDidChange(listener: () => void): vscode.Disposable;
}

export const PYTHON_EXTENSION_ID = "ms-python.python";

async function api(): Promise<PythonApi | undefined> {
  const ext = vscode.extensions.getExtension<PythonApi>(PYTHON_EXTENSION_ID);
  if (!ext) return undefined;
  try {
    const exported = ext.isActive ? ext.exports : await ext.activate();
    if (exported?.ready) await exported.ready;
    return exported;
  } catch {
    return undefined;
  }
}

export function pythonExtensionLookup(log: (line: string) => void): PythonLookup {
  return {
    async interpreter(resource) {
      const python = await api();
      if (!python) return undefined;
      try {
        const envs = python.environments;
        if (envs) {
          const active = envs.getActiveEnvironmentPath(resource);
          if (active) {
            const resolved = await envs.resolveEnvironment(active);
            const exe = resolved?.executable?.uri?.fsPath;
            if (exe) return [exe];
          }
        }
        const cmd = python.settings?.getExecutionDetails?.(resource)?.execCommand;
        if (cmd && cmd.length > 0) return cmd;
      } catch (e) {
        log(`Could not ask the Python extension for its interpreter: ${(e as Error).message}`);
      }
      return undefined;
    },
    onDidChange(listener) {
      let sub: vscode.Disposable | undefined;
      let disposed = false;
      void api().then((python) => {
        const event = python?.environments?.onDidChangeActiveEnvironmentPath ?? python?.settings?.onDidChangeExecutionDetails;
        if (event && !disposed) sub = event(() => listener());
      });
      return new vscode.Disposable(() => {
        disposed = true;
        sub?.dispose();
      });
    },
  };
}
