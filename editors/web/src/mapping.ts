// LSP ↔ editor: positions, diagnostics, edits. Pure functions over @codemirror/state's Text, so
// the node test runner checks them without a browser.
//
// CodeMirror offsets and LSP "utf-16" characters count the same thing (UTF-16 code units of a
// JavaScript string), so a position is its line's start plus the character. What needs care:
// clamping what the protocol allows to be out of range, never landing inside a surrogate pair
// (an astral character such as an emoji is two units), and sending a transaction's changes
// in an order in which each range is still valid.

import type { ChangeSet, Text } from "@codemirror/state";

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }
export interface Location { uri: string; range: Range }
export interface RelatedInformation { location: Location; message: string }
export interface Fix {
  message: string;
  applicability: "safe" | "unsafe";
  edits: { range: Range; newText: string }[];
}
export interface LspDiagnostic {
  range: Range;
  message: string;
  severity?: 1 | 2 | 3 | 4;
  code?: string | number;
  source?: string;
  relatedInformation?: RelatedInformation[];
  data?: { name?: string; version?: number | null; fix?: Fix | null } | null;
}
export interface ContentChange { range: Range; text: string }
export interface Change { from: number; to: number; insert: string }

export type Severity = "error" | "warning" | "info" | "hint";
const SEVERITY: Record<number, Severity> = { 1: "error", 2: "warning", 3: "info", 4: "hint" };
export const SEVERITY_WORD: Record<Severity, string> = {
  error: "error", warning: "warning", info: "information", hint: "hint",
};

/** A mark in the editor: a document span, with what the problems panel and the gutter show. */
export interface Mark {
  from: number;
  to: number;
  severity: Severity;
  code: string;
  name: string;
  message: string;
  line: number; // 1-based, of `from`
  related: { from: number; to: number; line: number; message: string; external: boolean }[];
  fix: Fix | null;
  lsp: LspDiagnostic;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The document offset of an LSP position (UTF-16), clamped into the document and never
 * between the two halves of a surrogate pair. */
export function offsetAt(doc: Text, pos: Position): number {
  if (!Number.isFinite(pos.line) || pos.line < 0) return 0;
  if (pos.line >= doc.lines) return doc.length;
  const line = doc.line(pos.line + 1);
  const character = Math.max(0, Math.min(Number.isFinite(pos.character) ? Math.floor(pos.character) : 0, line.length));
  const offset = line.from + character;
  if (character > 0 && character < line.length &&
      isLowSurrogate(line.text.charCodeAt(character)) && isHighSurrogate(line.text.charCodeAt(character - 1))) {
    return offset - 1;
  }
  return offset;
}

/** The LSP position (UTF-16) of a document offset. */
export function positionAt(doc: Text, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, doc.length));
  const line = doc.lineAt(clamped);
  return { line: line.number - 1, character: clamped - line.from };
}

export function rangeAt(doc: Text, from: number, to: number): Range {
  return { start: positionAt(doc, from), end: positionAt(doc, to) };
}

/** The marks for a document's diagnostics, in document order. Related places in another
 * document (another uri) keep their message but have no span here. */
export function toMarks(doc: Text, uri: string, diagnostics: LspDiagnostic[]): Mark[] {
  const marks = diagnostics.map((d): Mark => {
    let from = offsetAt(doc, d.range.start);
    let to = offsetAt(doc, d.range.end);
    if (to < from) [from, to] = [to, from];
    return {
      from,
      to,
      severity: SEVERITY[d.severity ?? 2] ?? "warning",
      code: d.code === undefined ? "" : String(d.code),
      name: d.data?.name ?? "",
      message: d.message,
      line: doc.lineAt(from).number,
      related: (d.relatedInformation ?? []).map((r) => {
        const here = r.location.uri === uri;
        const rFrom = here ? offsetAt(doc, r.location.range.start) : 0;
        const rTo = here ? Math.max(rFrom, offsetAt(doc, r.location.range.end)) : 0;
        return { from: rFrom, to: rTo, line: here ? doc.lineAt(rFrom).number : 0, message: r.message, external: !here };
      }),
      fix: d.data?.fix ?? null,
      lsp: d,
    };
  });
  return marks.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** "FC202 unit-mixup — message", as the problems panel lists a diagnostic. */
export function problemLabel(mark: Mark): string {
  const head = [mark.code, mark.name].filter(Boolean).join(" ");
  return head ? `${head} — ${mark.message}` : mark.message;
}

/** A transaction's changes as LSP incremental changes: last first, so that every range is in
 * the coordinates of the document as it is when that change is applied. */
export function toContentChanges(before: Text, changes: ChangeSet): ContentChange[] {
  const out: ContentChange[] = [];
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    out.push({ range: rangeAt(before, fromA, toA), text: inserted.toString() });
  });
  return out.reverse();
}

/** LSP text edits (all against the same document version, non-overlapping, as the protocol
 * requires) as editor changes, in document order. */
export function toChanges(doc: Text, edits: TextEdit[]): Change[] {
  return edits
    .map((e) => {
      const from = offsetAt(doc, e.range.start);
      const to = Math.max(from, offsetAt(doc, e.range.end));
      return { from, to, insert: e.newText };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}

/** The edits a WorkspaceEdit makes to `uri`, or an error when it was made for another version
 * of the document (the document changed since: applying it would corrupt the text). */
export function editsFor(edit: WorkspaceEdit, uri: string, version: number): { edits: TextEdit[] } | { error: string } {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (change.textDocument.uri !== uri) continue;
    if (change.textDocument.version !== null && change.textDocument.version !== version) {
      return { error: "The document changed since this fix was offered; try again." };
    }
    edits.push(...change.edits);
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return { edits };
}

/** The format selector's language ids, and the format a file's extension means. */
export const LANGUAGES: { id: string; label: string; extension: string }[] = [
  { id: "plaintext", label: "Plain text", extension: ".txt" },
  { id: "markdown", label: "Markdown", extension: ".md" },
  { id: "latex", label: "LaTeX", extension: ".tex" },
  { id: "restructuredtext", label: "reStructuredText", extension: ".rst" },
  { id: "html", label: "HTML", extension: ".html" },
];
const BY_EXTENSION: Record<string, string> = {
  txt: "plaintext", text: "plaintext", md: "markdown", markdown: "markdown", mdown: "markdown",
  tex: "latex", latex: "latex", rst: "restructuredtext", rest: "restructuredtext",
  html: "html", htm: "html", xhtml: "html",
};

export function languageForFile(name: string): string | null {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? null : BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}
