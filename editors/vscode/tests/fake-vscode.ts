// A small fake of the `vscode` module: just what the extension's glue touches, plus helpers for the
// tests to set settings, fire events and read what the extension showed. register-vscode.ts makes
// `require("vscode")` resolve here.

type Listener<T> = (e: T) => unknown;

export class Disposable {
  private done = false;
  constructor(private readonly fn: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    if (this.done) return;
    this.done = true;
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  get size(): number {
    return this.listeners.size;
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(p: string): Uri {
    return new Uri("file", p);
  }
  static parse(s: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/)?(.*)$/i.exec(s);
    return m ? new Uri(m[1], decodeURIComponent(m[2])) : new Uri("file", s);
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export interface FakeOutputChannel {
  name: string;
  lines: string[];
  shown: number;
  appendLine(line: string): void;
  append(text: string): void;
  clear(): void;
  replace(text: string): void;
  show(preserveFocus?: boolean): void;
  hide(): void;
  dispose(): void;
}

export interface FakeStatusBarItem {
  id: string;
  alignment: StatusBarAlignment;
  priority?: number;
  name?: string;
  text: string;
  tooltip?: string;
  command?: string;
  backgroundColor?: ThemeColor;
  visible: boolean;
  disposed: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

/** Everything the tests inspect or drive. `reset()` between tests. */
export const state = {
  settings: {} as Record<string, unknown>,
  outputChannels: [] as FakeOutputChannel[],
  statusItems: [] as FakeStatusBarItem[],
  errors: [] as { message: string; items: string[] }[],
  /** The button the next error messages "click" (undefined: dismissed). */
  errorReply: undefined as string | undefined,
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as { command: string; args: unknown[] }[],
  extensionsById: new Map<string, unknown>(),
  configChange: new EventEmitter<{ affectsConfiguration(section: string, scope?: unknown): boolean }>(),
  workspaceFolders: undefined as { uri: Uri; name: string; index: number }[] | undefined,
};

export function reset(): void {
  state.settings = {};
  state.outputChannels = [];
  state.statusItems = [];
  state.errors = [];
  state.errorReply = undefined;
  state.commands = new Map();
  state.executed = [];
  state.extensionsById = new Map();
  state.configChange = new EventEmitter();
  state.workspaceFolders = undefined;
}

/** Sets `figcheck.*`-style keys (full names) and fires onDidChangeConfiguration for them. */
export function changeSettings(changes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete state.settings[key];
    else state.settings[key] = value;
  }
  const keys = Object.keys(changes);
  state.configChange.fire({
    affectsConfiguration: (section: string) => keys.some((k) => k === section || k.startsWith(section + ".") || section.startsWith(k + ".")),
  });
}

export const window = {
  createOutputChannel(name: string): FakeOutputChannel {
    const channel: FakeOutputChannel = {
      name,
      lines: [],
      shown: 0,
      appendLine(line) {
        this.lines.push(line);
      },
      append(text) {
        this.lines.push(text);
      },
      clear() {
        this.lines = [];
      },
      replace(text) {
        this.lines = [text];
      },
      show() {
        this.shown++;
      },
      hide() {},
      dispose() {},
    };
    state.outputChannels.push(channel);
    return channel;
  },
  createStatusBarItem(id: string, alignment: StatusBarAlignment, priority?: number): FakeStatusBarItem {
    const item: FakeStatusBarItem = {
      id,
      alignment,
      priority,
      text: "",
      visible: false,
      disposed: false,
      show() {
        this.visible = true;
      },
      hide() {
        this.visible = false;
      },
      dispose() {
        this.disposed = true;
        this.visible = false;
      },
    };
    state.statusItems.push(item);
    return item;
  },
  showErrorMessage(message: string, ...items: string[]): Promise<string | undefined> {
    state.errors.push({ message, items });
    return Promise.resolve(state.errorReply);
  },
  showInformationMessage(): Promise<undefined> {
    return Promise.resolve(undefined);
  },
  showWarningMessage(): Promise<undefined> {
    return Promise.resolve(undefined);
  },
};

export const workspace = {
  getConfiguration(section?: string) {
    const prefix = section ? section + "." : "";
    return {
      get<T>(key: string, defaultValue?: T): T | undefined {
        const full = prefix + key;
        if (full in state.settings) return state.settings[full] as T;
        // Nested objects, as VS Code returns for `get("trace")`.
        const nested: Record<string, unknown> = {};
        let found = false;
        for (const [k, v] of Object.entries(state.settings)) {
          if (k.startsWith(full + ".")) {
            nested[k.slice(full.length + 1)] = v;
            found = true;
          }
        }
        return found ? (nested as T) : defaultValue;
      },
      has(key: string): boolean {
        return prefix + key in state.settings;
      },
      update(): Promise<void> {
        return Promise.resolve();
      },
    };
  },
  onDidChangeConfiguration(listener: Listener<{ affectsConfiguration(section: string): boolean }>): Disposable {
    return state.configChange.event(listener);
  },
  get workspaceFolders() {
    return state.workspaceFolders;
  },
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown): Disposable {
    if (state.commands.has(id)) throw new Error(`command '${id}' already exists`);
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
  executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    state.executed.push({ command: id, args });
    const fn = state.commands.get(id);
    return Promise.resolve(fn ? fn(...args) : undefined);
  },
};

export const extensions = {
  getExtension(id: string): unknown {
    return state.extensionsById.get(id);
  },
};
