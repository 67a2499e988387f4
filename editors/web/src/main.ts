// The playground page: a CodeMirror 6 editor for prose, talking LSP to `figcheck playground`
// over a WebSocket (/lsp on the page's own host). Everything the page shows about figures comes
// from the language server; this file only wires the protocol to the editor and the panel.

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { lintGutter, linter, lintKeymap, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Annotation, EditorState, type Text } from "@codemirror/state";
import {
  drawSelection, EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers, type Tooltip,
} from "@codemirror/view";

import { Connection } from "./lsp.ts";
import {
  editsFor, LANGUAGES, languageForFile, offsetAt, positionAt, problemLabel, SEVERITY_WORD, toChanges,
  toContentChanges, toMarks, type LspDiagnostic, type Mark, type Range, type WorkspaceEdit,
} from "./mapping.ts";

const URI = "playground:///document";
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const FIX_ALL_KIND = "source.fixAll.figcheck";

interface CodeAction { title: string; kind?: string; isPreferred?: boolean; diagnostics?: LspDiagnostic[]; edit?: WorkspaceEdit }
interface Hover { contents: { kind: string; value: string } | string; range?: Range }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusEl = $<HTMLElement>("status");
const connectionEl = $<HTMLElement>("connection");
const listEl = $<HTMLOListElement>("problem-list");
const countEl = $<HTMLElement>("problem-count");
const readingEl = $<HTMLElement>("reading");
const formatEl = $<HTMLSelectElement>("format");
const fileEl = $<HTMLInputElement>("file");

let conn: Connection | null = null;
let opened = false; // the server has the document open
let version = 1;
let languageId = "plaintext";
let fileName = "untitled.txt";
let marks: Mark[] = [];
let actionsFor = new Map<Mark, CodeAction[]>();
let retryDelay = 500;

const programmatic = Annotation.define<boolean>(); // a whole-document load: sent by didOpen

// --- the editor --------------------------------------------------------------------------
const view = new EditorView({
  parent: $("editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-label": "Document to check", spellcheck: "true", lang: "en" }),
      keymap.of([
        { key: "Alt-h", run: () => { void showReadingAtCursor(); return true; } },
        ...lintKeymap, ...defaultKeymap, ...historyKeymap,
      ]),
      linter(null, { tooltipFilter: () => [] }), // the server's hover says it all, once
      lintGutter(),
      hoverTooltip(hoverAt, { hoverTime: 250 }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        readingEl.hidden = true; // it described the text as it was
        const moved = update.changes;
        for (const m of marks) {
          m.from = moved.mapPos(m.from, 1);
          m.to = Math.max(m.from, moved.mapPos(m.to, -1));
          for (const r of m.related) if (!r.external) { r.from = moved.mapPos(r.from, 1); r.to = moved.mapPos(r.to, -1); }
        }
        if (update.transactions.some((tr) => tr.annotation(programmatic))) return;
        version += 1;
        document.body.dataset.version = String(version);
        if (conn?.open && opened) {
          conn.notify("textDocument/didChange", {
            textDocument: { uri: URI, version },
            contentChanges: toContentChanges(update.startState.doc, update.changes),
          });
        }
      }),
      EditorView.domEventHandlers({
        drop(event) {
          const file = event.dataTransfer?.files?.[0];
          if (!file) return false;
          event.preventDefault();
          void openFile(file);
          return true;
        },
      }),
    ],
  }),
});

// --- the connection ----------------------------------------------------------------------
function wsUrl(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/lsp`;
}

async function connect(): Promise<void> {
  setConnection("connecting", "Connecting to figcheck…");
  try {
    conn = await Connection.open(wsUrl(), { onNotification, onClose: disconnected });
    await conn.request("initialize", {
      processId: null,
      clientInfo: { name: "figcheck playground" },
      rootUri: null,
      capabilities: {
        general: { positionEncodings: ["utf-16"] },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ["plaintext"] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } },
            isPreferredSupport: true, dataSupport: true,
          },
        },
        workspace: { workspaceEdit: { documentChanges: true } },
      },
    });
    conn.notify("initialized", {});
    retryDelay = 500;
    setConnection("connected", "Connected to figcheck");
    openDocument();
  } catch {
    disconnected();
  }
}

function disconnected(): void {
  conn = null;
  opened = false;
  setConnection("disconnected", `Not connected to figcheck; retrying in ${Math.round(retryDelay / 1000) || 1} s…`);
  setTimeout(connect, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 5000);
}

function setConnection(state: string, text: string): void {
  connectionEl.dataset.state = state;
  connectionEl.textContent = text;
}

function openDocument(): void {
  if (!conn?.open) return;
  if (opened) conn.notify("textDocument/didClose", { textDocument: { uri: URI } });
  version += 1;
  document.body.dataset.version = String(version);
  conn.notify("textDocument/didOpen", {
    textDocument: { uri: URI, languageId, version, text: view.state.doc.toString() },
  });
  opened = true;
}

function onNotification(method: string, params: unknown): void {
  if (method === "textDocument/publishDiagnostics") {
    const p = params as { uri: string; version?: number; diagnostics: LspDiagnostic[] };
    if (p.uri !== URI || (p.version !== undefined && p.version !== version)) return; // stale
    showDiagnostics(p.diagnostics);
  } else if (method === "window/showMessage") {
    announce((params as { message: string }).message);
  }
}

// --- diagnostics -------------------------------------------------------------------------
function showDiagnostics(diagnostics: LspDiagnostic[]): void {
  const doc = view.state.doc;
  marks = toMarks(doc, URI, diagnostics);
  actionsFor = new Map();
  const cm: Diagnostic[] = marks.map((m) => ({
    from: m.from, to: m.to, severity: m.severity, source: "figcheck", message: problemLabel(m),
  }));
  view.dispatch(setDiagnostics(view.state, cm));
  renderPanel();
  document.body.dataset.checked = String(version);
  if (marks.length) void fetchActions(version);
}

async function fetchActions(forVersion: number): Promise<void> {
  if (!conn?.open) return;
  const doc = view.state.doc;
  const actions = await conn.request<CodeAction[] | null>("textDocument/codeAction", {
    textDocument: { uri: URI },
    range: { start: positionAt(doc, 0), end: positionAt(doc, doc.length) },
    context: { diagnostics: marks.map((m) => m.lsp), only: ["quickfix"] },
  }).catch(() => null);
  if (forVersion !== version || !actions) return;
  const key = (d: LspDiagnostic) => JSON.stringify([d.range, d.code, d.message]);
  const byKey = new Map(marks.map((m) => [key(m.lsp), m]));
  for (const action of actions) {
    const mark = action.diagnostics?.[0] && byKey.get(key(action.diagnostics[0]));
    if (!mark || !action.edit) continue;
    actionsFor.set(mark, [...(actionsFor.get(mark) ?? []), action]);
  }
  renderPanel();
}

function renderPanel(): void {
  const focusedKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
  listEl.replaceChildren();
  countEl.textContent = String(marks.length);
  if (!marks.length) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = view.state.doc.length ? "No problems found." : "Type or paste some prose, or load the example.";
    listEl.append(li);
  }
  marks.forEach((mark, i) => {
    const li = document.createElement("li");
    li.className = `problem sev-${mark.severity}`;
    li.dataset.code = mark.code;
    const go = button("problem-goto", `p${i}`, () => select(mark.from, mark.to));
    go.append(span("sev", SEVERITY_WORD[mark.severity]), " ", span("where", `line ${mark.line}`), " ",
      span("label", problemLabel(mark)));
    li.append(go);
    if (mark.related.length) {
      const ul = document.createElement("ul");
      ul.className = "related";
      ul.setAttribute("aria-label", `Related places for ${mark.code} on line ${mark.line}`);
      mark.related.forEach((r, j) => {
        const item = document.createElement("li");
        const quoted = r.external ? "" : ` “${view.state.doc.sliceString(r.from, r.to)}”`;
        const text = `${r.external ? "another document" : `line ${r.line}`}${quoted}: ${r.message}`;
        if (r.external) item.textContent = text;
        else item.append(button("related-goto", `p${i}r${j}`, () => select(r.from, r.to), text));
        ul.append(item);
      });
      li.append(ul);
    }
    const actions = actionsFor.get(mark) ?? [];
    if (actions.length) {
      const group = document.createElement("div");
      group.className = "fixes";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", `Fixes for ${mark.code} on line ${mark.line}`);
      actions.forEach((action, j) => {
        const isFix = mark.fix !== null && action.title === mark.fix.message;
        const kind = isFix ? (mark.fix!.applicability === "safe" ? "safe" : "unsafe") : "suppress";
        const label = isFix ? `Fix (${kind}): ${action.title}` : action.title;
        const b = button(`fix fix-${kind}`, `p${i}a${j}`, () => applyEdit(action.edit!, action.title), label);
        b.dataset.applicability = kind;
        group.append(b);
      });
      li.append(group);
    }
    listEl.append(li);
  });
  const counts = marks.reduce((acc, m) => acc.set(m.severity, (acc.get(m.severity) ?? 0) + 1), new Map<string, number>());
  const summary = [...counts].map(([s, n]) => `${n} ${SEVERITY_WORD[s as Mark["severity"]]}${n === 1 ? "" : "s"}`).join(", ");
  statusEl.textContent = marks.length ? `${marks.length} problem${marks.length === 1 ? "" : "s"}: ${summary}` : "No problems";
  ($("fix-all") as HTMLButtonElement).disabled = !marks.some((m) => m.fix?.applicability === "safe");
  if (focusedKey) (listEl.querySelector(`[data-key="${focusedKey}"]`) as HTMLElement | null)?.focus();
}

function button(className: string, key: string, onClick: () => void, text?: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.dataset.key = key;
  if (text !== undefined) b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  return s;
}

function select(from: number, to: number): void {
  view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
  view.focus();
}

function announce(text: string): void {
  statusEl.textContent = text;
}

// --- fixes -------------------------------------------------------------------------------
function applyEdit(edit: WorkspaceEdit, title: string): void {
  const found = editsFor(edit, URI, version);
  if ("error" in found) return announce(found.error);
  view.dispatch({ changes: toChanges(view.state.doc, found.edits), userEvent: "input.fix" });
  announce(`Applied: ${title}`);
  $("problems-title").focus();
}

async function fixAllSafe(): Promise<void> {
  if (!conn?.open) return announce("Not connected to figcheck.");
  const doc = view.state.doc;
  const actions = await conn.request<CodeAction[] | null>("textDocument/codeAction", {
    textDocument: { uri: URI },
    range: { start: positionAt(doc, 0), end: positionAt(doc, doc.length) },
    context: { diagnostics: marks.map((m) => m.lsp), only: [FIX_ALL_KIND] },
  });
  const action = (actions ?? []).find((a) => a.kind === FIX_ALL_KIND && a.edit);
  if (!action) return announce("No safe fixes to apply.");
  applyEdit(action.edit!, "all safe fixes");
}

// --- hover, and the same for the keyboard (Alt-h) ----------------------------------------
async function hoverRequest(pos: number): Promise<{ text: string; from: number; to: number } | null> {
  if (!conn?.open || !opened) return null;
  const asked = version;
  const doc = view.state.doc;
  const hover = await conn.request<Hover | null>("textDocument/hover", {
    textDocument: { uri: URI }, position: positionAt(doc, pos),
  }).catch(() => null);
  if (!hover || asked !== version) return null;
  const text = typeof hover.contents === "string" ? hover.contents : hover.contents.value;
  const from = hover.range ? offsetAt(doc, hover.range.start) : pos;
  const to = hover.range ? offsetAt(doc, hover.range.end) : pos;
  return { text, from, to };
}

async function hoverAt(_view: EditorView, pos: number): Promise<Tooltip | null> {
  const found = await hoverRequest(pos);
  if (!found) return null;
  return {
    pos: found.from, end: found.to, above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "cm-figcheck-hover";
      dom.setAttribute("role", "tooltip");
      dom.textContent = found.text;
      return { dom };
    },
  };
}

async function showReadingAtCursor(): Promise<void> {
  const found = await hoverRequest(view.state.selection.main.head);
  readingEl.textContent = found ? found.text : "No figure at the cursor.";
  readingEl.hidden = false;
}

// --- loading text: example, file picker, drag and drop --------------------------------------
function load(text: string, language: string, name: string): void {
  languageId = language;
  formatEl.value = language;
  fileName = name;
  $("file-name").textContent = name;
  marks = [];
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    annotations: programmatic.of(true),
  });
  view.dispatch(setDiagnostics(view.state, []));
  renderPanel();
  openDocument();
}

async function openFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) return announce(`${file.name} is larger than 8 MB; not opened.`);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return announce(`Cannot read ${file.name}.`);
  }
  load(text, languageForFile(file.name) ?? languageId, file.name);
  announce(`Opened ${file.name}.`);
}

async function loadExample(): Promise<void> {
  try {
    const response = await fetch("example.txt");
    if (!response.ok) throw new Error(String(response.status));
    load(await response.text(), "plaintext", "kharkiv-counteroffensive-2022.txt");
    announce("Loaded the example article.");
  } catch {
    announce("The example article could not be loaded.");
  }
}

// --- reports -----------------------------------------------------------------------------
async function download(format: "json" | "markdown"): Promise<void> {
  if (!conn?.open || !opened) return announce("Not connected to figcheck.");
  const path = fileName;
  try {
    const report = await conn.request<{ content: string; mimeType: string; filename: string }>(
      "figcheck/report", { textDocument: { uri: URI }, format, path });
    const url = URL.createObjectURL(new Blob([report.content], { type: report.mimeType }));
    const a = document.createElement("a");
    a.href = url;
    a.download = report.filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(`Downloaded ${report.filename}.`);
  } catch (error) {
    announce(`The report could not be made: ${(error as Error).message}`);
  }
}

// --- controls ----------------------------------------------------------------------------
for (const { id, label } of LANGUAGES) formatEl.append(new Option(label, id));
formatEl.value = languageId;
formatEl.addEventListener("change", () => {
  languageId = formatEl.value;
  const ext = LANGUAGES.find((l) => l.id === languageId)?.extension ?? ".txt";
  fileName = fileName.replace(/\.[^.]*$/, "") + ext;
  $("file-name").textContent = fileName;
  marks = [];
  view.dispatch(setDiagnostics(view.state, []));
  renderPanel();
  openDocument();
  announce(`Reading the document as ${formatEl.selectedOptions[0].text}.`);
});
$("open").addEventListener("click", () => fileEl.click());
fileEl.addEventListener("change", () => {
  const file = fileEl.files?.[0];
  if (file) void openFile(file);
  fileEl.value = "";
});
$("example").addEventListener("click", () => void loadExample());
$("fix-all").addEventListener("click", () => void fixAllSafe());
$("report-json").addEventListener("click", () => void download("json"));
$("report-md").addEventListener("click", () => void download("markdown"));
document.addEventListener("dragover", (e) => {
  if (e.dataTransfer?.types.includes("Files")) {
    e.preventDefault();
    document.body.classList.add("dragging");
  }
});
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", (e) => {
  document.body.classList.remove("dragging");
  const file = e.dataTransfer?.files?.[0];
  if (!file || e.defaultPrevented) return; // a drop on the editor was handled there
  e.preventDefault();
  void openFile(file);
});

document.body.dataset.version = String(version);
renderPanel();
void connect();

// For the end-to-end test and anyone curious: the editor and the document's state.
(window as unknown as { figcheckPlayground: object }).figcheckPlayground = {
  view, get version() { return version; }, get marks() { return marks; }, doc: (): Text => view.state.doc,
};
