// Which command starts the figcheck language server. No `vscode` import: every look-up of the
// machine (PATH, the Python extension, probing an interpreter) is passed in, so this is tested alone.

import * as path from "path";

export interface ServerCommand {
  command: string;
  args: string[];
  /** Where the command came from, shown in the output channel and the status bar tooltip. */
  source: "setting" | "interpreter" | "path";
}

export interface NotFound {
  error: string;
  /** The command a user runs to install the server today (from a checkout), shown in the error message. */
  installCommand: string;
}

export type Resolution = ServerCommand | NotFound;

/** What `python -c PROBE_SCRIPT` tells about an interpreter (its exit code). */
export type ProbeResult = "figcheck" | "figcheck_lsp" | "missing";

export interface ResolveInputs {
  /** The value of `figcheck.path`: a string, a list (the whole command line) or nothing. */
  configuredPath: unknown;
  /** The interpreter selected in the Python extension, as its command (usually one path). */
  interpreter?: string[];
  /** Runs `interpreter -c PROBE_SCRIPT` and tells which module can start the server. */
  probeInterpreter?: (interpreter: string[]) => Promise<ProbeResult>;
  /** Finds an executable on PATH (undefined when there is none). */
  which: (name: string) => string | undefined;
  workspaceFolder?: string;
  homeDir?: string;
  platform?: NodeJS.Platform;
}

/**
 * Exits 0 when `python -m figcheck server` works in this interpreter, 3 when only the source
 * `python -m figcheck_lsp` does, 1 when neither is importable.
 */
export const PROBE_SCRIPT = [
  "import importlib.util as u, sys",
  "def has(m):",
  "    try:",
  "        return u.find_spec(m) is not None",
  "    except Exception:",
  "        return False",
  "sys.exit(0 if has('figcheck.__main__') else 3 if has('figcheck_lsp.__main__') and has('figcheck') else 1)",
].join("\n");

export function probeResultFromExitCode(code: number | null): ProbeResult {
  if (code === 0) return "figcheck";
  if (code === 3) return "figcheck_lsp";
  return "missing";
}

const PYTHON_NAME = /^python(\d+(\.\d+)*)?w?(\.exe)?$/i;

export function isPythonExecutable(file: string): boolean {
  return PYTHON_NAME.test(file.split(/[\\/]/).pop() ?? file);
}

/** Expands `~`, `${workspaceFolder}` and `${userHome}`; a relative path is taken from the workspace folder. */
export function expandPath(value: string, inputs: Pick<ResolveInputs, "workspaceFolder" | "homeDir">): string {
  let out = value.trim();
  if (inputs.homeDir) {
    out = out.replace(/\$\{userHome\}/g, inputs.homeDir);
    if (out === "~" || out.startsWith("~/") || out.startsWith("~\\")) out = inputs.homeDir + out.slice(1);
  }
  if (inputs.workspaceFolder) {
    out = out.replace(/\$\{workspaceFolder\}/g, inputs.workspaceFolder);
    const looksLikePath = out.includes("/") || out.includes("\\");
    if (looksLikePath && !path.isAbsolute(out) && !path.win32.isAbsolute(out)) out = path.join(inputs.workspaceFolder, out);
  }
  return out;
}

/** Where a user's figcheck checkout is, in the install command (the name is not on PyPI yet). */
export const CHECKOUT_PLACEHOLDER = "/path/to/figcheck";

/** The command that installs figcheck today: from a checkout of its repository. */
export function installCommand(interpreter?: string[]): string {
  const pip = interpreter && interpreter.length > 0 ? [...interpreter.map(quote), "-m", "pip"] : ["pip"];
  return [...pip, "install", "-e", CHECKOUT_PLACEHOLDER].join(" ");
}

/** What the error message adds after the install command. */
export const INSTALL_NOTE =
  `(${CHECKOUT_PLACEHOLDER}: a clone of figcheck's repository; "figcheck @ git+URL" installs from a git URL; ` +
  "once figcheck is published on PyPI, `pip install figcheck`)";

/** `figcheck.path` → a command, or undefined when the setting is empty; throws on a malformed value. */
export function commandFromSetting(value: unknown, inputs: Pick<ResolveInputs, "workspaceFolder" | "homeDir">): ServerCommand | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    if (value.trim() === "") return undefined;
    const exe = expandPath(value, inputs);
    const args = isPythonExecutable(exe) ? ["-m", "figcheck", "server"] : ["server"];
    return { command: exe, args, source: "setting" };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (!value.every((v) => typeof v === "string") || (value[0] as string).trim() === "") {
      throw new Error("figcheck.path must be a string or a list of strings whose first item is the program");
    }
    const [first, ...rest] = value as string[];
    return { command: expandPath(first, inputs), args: rest.map((a) => expandArg(a, inputs)), source: "setting" };
  }
  throw new Error(`figcheck.path must be a string or a list of strings, not ${typeof value}`);
}

export async function resolveServerCommand(inputs: ResolveInputs): Promise<Resolution> {
  let fromSetting: ServerCommand | undefined;
  try {
    fromSetting = commandFromSetting(inputs.configuredPath, inputs);
  } catch (e) {
    return { error: (e as Error).message, installCommand: installCommand(inputs.interpreter) };
  }
  if (fromSetting) return fromSetting;

  const interpreter = inputs.interpreter?.filter((part) => part !== "");
  if (interpreter && interpreter.length > 0 && inputs.probeInterpreter) {
    const found = await inputs.probeInterpreter(interpreter);
    const [command, ...pre] = interpreter;
    if (found === "figcheck") return { command, args: [...pre, "-m", "figcheck", "server"], source: "interpreter" };
    if (found === "figcheck_lsp") return { command, args: [...pre, "-m", "figcheck_lsp"], source: "interpreter" };
  }

  const onPath = inputs.which(inputs.platform === "win32" ? "figcheck.exe" : "figcheck") ?? inputs.which("figcheck");
  if (onPath) return { command: onPath, args: ["server"], source: "path" };

  const where = interpreter && interpreter.length > 0 ? ` in the selected interpreter (${interpreter.join(" ")}) nor` : "";
  return {
    error: `figcheck: the figcheck language server was not found${where} on PATH.`,
    installCommand: installCommand(interpreter),
  };
}

export function isNotFound(r: Resolution): r is NotFound {
  return (r as NotFound).error !== undefined;
}

/** A command line as one string for messages (not for a shell). */
export function describe(cmd: ServerCommand): string {
  return [cmd.command, ...cmd.args].map(quote).join(" ");
}

/** A `which` over a PATH string, with the file-system check passed in. */
export function whichIn(pathEnv: string | undefined, name: string, isExecutable: (file: string) => boolean, platform: NodeJS.Platform = process.platform, pathExt?: string): string | undefined {
  if (!pathEnv) return undefined;
  const sep = platform === "win32" ? ";" : ":";
  const exts = platform === "win32" ? ["", ...(pathExt ?? ".EXE;.CMD;.BAT").split(";").filter(Boolean)] : [""];
  const join = platform === "win32" ? path.win32.join : path.posix.join;
  for (const dir of pathEnv.split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function expandArg(arg: string, inputs: Pick<ResolveInputs, "workspaceFolder" | "homeDir">): string {
  let out = arg;
  if (inputs.workspaceFolder) out = out.replace(/\$\{workspaceFolder\}/g, inputs.workspaceFolder);
  if (inputs.homeDir) out = out.replace(/\$\{userHome\}/g, inputs.homeDir);
  return out;
}

function quote(s: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`;
}
