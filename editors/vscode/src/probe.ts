// Runs an interpreter once to learn whether it can start the figcheck server. Node only, no `vscode`.

import { execFile } from "child_process";
import * as fs from "fs";
import { PROBE_SCRIPT, ProbeResult, probeResultFromExitCode, whichIn } from "./serverCommand";

export function probeInterpreter(interpreter: string[], timeoutMs = 15000): Promise<ProbeResult> {
  const [command, ...pre] = interpreter;
  return new Promise((resolve) => {
    execFile(command, [...pre, "-c", PROBE_SCRIPT], { timeout: timeoutMs, windowsHide: true }, (err) => {
      if (!err) return resolve("figcheck");
      const code = typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === "number" ? ((err as unknown as { code: number }).code) : null;
      resolve(probeResultFromExitCode(code));
    });
  });
}

export function isExecutableFile(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function which(name: string): string | undefined {
  return whichIn(process.env.PATH, name, isExecutableFile, process.platform, process.env.PATHEXT);
}
