// VS Code settings (figcheck.*) → the settings the figcheck server takes under its "figcheck" section.
// No `vscode` import here: the glue passes a getter, so this module is tested on its own.

/** Keys the server understands (camelCase, as in initializationOptions and workspace/configuration). */
export interface ServerSettings {
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  severity?: Record<string, Severity>;
  inlayHints?: boolean;
  maxFileSize?: number;
  tolerance?: number;
}

export type Severity = "error" | "warning" | "information" | "hint";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "information", "hint"];

/** Settings that only the editor uses; never sent to the server. */
export const CLIENT_ONLY_KEYS = ["enable", "path", "trace"] as const;

/** Settings whose change needs a new server process rather than a didChangeConfiguration. */
export const RESTART_KEYS = ["figcheck.enable", "figcheck.path"] as const;

export interface Converted {
  settings: ServerSettings;
  /** One line per value that was dropped, for the output channel. */
  problems: string[];
}

/** `get(key)` returns the value of `figcheck.<key>` (undefined when unset). */
export type SettingGetter = (key: string) => unknown;

const SELECTOR = /^(ALL|FC[0-9]{0,3})$/i;
const CODE = /^FC[0-9]{3}$/i;

export function toServerSettings(get: SettingGetter): Converted {
  const problems: string[] = [];
  const settings: ServerSettings = {};

  for (const key of ["select", "extendSelect", "ignore"] as const) {
    const list = selectorList(get(key), key, problems);
    // An empty `select` means "not set" (the defaults or the project's config file decide);
    // sending [] would switch every rule off.
    if (list !== undefined && list.length > 0) settings[key] = list;
  }

  const severity = get("severity");
  if (severity !== undefined && severity !== null) {
    if (!isPlainObject(severity)) {
      problems.push(`figcheck.severity must be an object of rule code → severity, not ${typeName(severity)}`);
    } else {
      const table: Record<string, Severity> = {};
      for (const [code, level] of Object.entries(severity)) {
        if (!CODE.test(code)) {
          problems.push(`figcheck.severity: '${code}' is not a rule code like FC202`);
        } else if (!SEVERITIES.includes(level as Severity)) {
          problems.push(`figcheck.severity.${code}: '${String(level)}' is not one of ${SEVERITIES.join(", ")}`);
        } else {
          table[code.toUpperCase()] = level as Severity;
        }
      }
      if (Object.keys(table).length > 0) settings.severity = table;
    }
  }

  const inlay = get("inlayHints");
  if (inlay !== undefined && inlay !== null) {
    if (typeof inlay === "boolean") settings.inlayHints = inlay;
    else problems.push(`figcheck.inlayHints must be true or false, not ${typeName(inlay)}`);
  }

  const maxSize = get("maxFileSize");
  if (maxSize !== undefined && maxSize !== null) {
    if (typeof maxSize === "number" && Number.isInteger(maxSize) && maxSize >= 1 && maxSize <= 2 ** 31) {
      settings.maxFileSize = maxSize;
    } else {
      problems.push(`figcheck.maxFileSize must be a whole number from 1 to 2147483648, not ${JSON.stringify(maxSize)}`);
    }
  }

  const tolerance = get("tolerance");
  if (tolerance !== undefined && tolerance !== null) {
    if (typeof tolerance === "number" && Number.isFinite(tolerance) && tolerance >= 0 && tolerance <= 0.5) {
      settings.tolerance = tolerance;
    } else {
      problems.push(`figcheck.tolerance must be a number from 0 to 0.5 (0.02 is 2 %), not ${JSON.stringify(tolerance)}`);
    }
  }

  return { settings, problems };
}

/** True when a configuration change touching `affects(section)` needs a restart of the server. */
export function changeNeedsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_KEYS.some((key) => affects(key));
}

function selectorList(value: unknown, key: string, problems: string[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === "string" ? [value] : value;
  if (!Array.isArray(items)) {
    problems.push(`figcheck.${key} must be a list of rule codes, not ${typeName(value)}`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === "string" && SELECTOR.test(item.trim())) {
      const code = item.trim().toUpperCase();
      if (!out.includes(code)) out.push(code);
    } else {
      problems.push(`figcheck.${key}: ${JSON.stringify(item)} is not a rule code or prefix like FC2 or ALL`);
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}
