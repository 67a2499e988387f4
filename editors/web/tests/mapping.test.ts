import assert from "node:assert/strict";
import { test } from "node:test";

import { ChangeSet, EditorState, Text } from "@codemirror/state";

import {
  editsFor, languageForFile, offsetAt, positionAt, problemLabel, toChanges, toContentChanges, toMarks,
  type LspDiagnostic,
} from "../src/mapping.ts";

const doc = (s: string) => Text.of(s.split("\n"));
const URI = "playground:///document";

// Apply LSP incremental changes in order to a string, the way the server does (UTF-16 units).
function applyLsp(text: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): string {
  for (const c of changes) {
    const d = doc(text);
    text = text.slice(0, offsetAt(d, c.range.start)) + c.text + text.slice(offsetAt(d, c.range.end));
  }
  return text;
}

test("positions are line start plus UTF-16 character, after astral characters too", () => {
  const d = doc("ab\n🙂 12 km\nend");
  assert.equal(offsetAt(d, { line: 1, character: 0 }), 3);
  // 🙂 is two UTF-16 units: "12" starts at character 3 of line 1.
  assert.equal(d.sliceString(offsetAt(d, { line: 1, character: 3 }), offsetAt(d, { line: 1, character: 8 })), "12 km");
  assert.deepEqual(positionAt(d, d.toString().indexOf("12")), { line: 1, character: 3 });
  for (let offset = 0; offset <= d.length; offset++) {
    if (offset === 4) continue; // inside the surrogate pair: not a position a change can start at
    assert.equal(offsetAt(d, positionAt(d, offset)), offset, `round trip at ${offset}`);
  }
});

test("a position inside a surrogate pair snaps to the start of the character", () => {
  const d = doc("x🙂y");
  assert.equal(offsetAt(d, { line: 0, character: 2 }), 1);
  assert.equal(offsetAt(d, { line: 0, character: 3 }), 3);
});

test("positions out of range are clamped, never thrown", () => {
  const d = doc("one\ntwo");
  assert.equal(offsetAt(d, { line: 0, character: 99 }), 3);
  assert.equal(offsetAt(d, { line: 7, character: 0 }), d.length);
  assert.equal(offsetAt(d, { line: -1, character: 5 }), 0);
  assert.equal(offsetAt(d, { line: 1, character: -4 }), 4);
  assert.deepEqual(positionAt(d, 500), { line: 1, character: 3 });
});

test("diagnostics become marks with severity, code, name, related places and fix", () => {
  const text = "🙂 It is 12 kilometres (15 miles).\nSecond 12 km line.";
  const d = doc(text);
  const from = text.indexOf("15 miles");
  const diag: LspDiagnostic = {
    range: { start: positionAt(d, from), end: positionAt(d, from + 8) },
    message: "12 kilometres is about 7.5 miles",
    severity: 2,
    code: "FC101",
    source: "figcheck",
    relatedInformation: [
      { location: { uri: URI, range: { start: { line: 1, character: 7 }, end: { line: 1, character: 12 } } }, message: "here" },
      { location: { uri: "file:///elsewhere.md", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: "there" },
    ],
    data: { name: "conversion-mismatch", version: 3, fix: { message: "Replace", applicability: "unsafe", edits: [] } },
  };
  const [mark] = toMarks(d, URI, [diag, { ...diag, severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } } }]).slice(1);
  assert.equal(d.sliceString(mark.from, mark.to), "15 miles");
  assert.equal(mark.severity, "warning");
  assert.equal(mark.line, 1);
  assert.equal(problemLabel(mark), "FC101 conversion-mismatch — 12 kilometres is about 7.5 miles");
  assert.equal(d.sliceString(mark.related[0].from, mark.related[0].to), "12 km");
  assert.equal(mark.related[0].line, 2);
  assert.equal(mark.related[1].external, true);
  assert.equal(mark.fix?.applicability, "unsafe");
  const first = toMarks(d, URI, [{ ...diag, severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } } }])[0];
  assert.equal(first.severity, "error");
  assert.equal(d.sliceString(first.from, first.to), "🙂");
});

test("marks are in document order and reversed ranges are put right", () => {
  const d = doc("aaaa bbbb cccc");
  const at = (s: number, e: number): LspDiagnostic => ({
    range: { start: { line: 0, character: s }, end: { line: 0, character: e } }, message: `${s}`, severity: 4,
  });
  const marks = toMarks(d, URI, [at(10, 14), at(9, 5), at(0, 4)]);
  assert.deepEqual(marks.map((m) => [m.from, m.to]), [[0, 4], [5, 9], [10, 14]]);
  assert.equal(marks[0].severity, "hint");
  assert.equal(problemLabel(marks[0]), "0");
});

test("a transaction's changes, sent last first, rebuild the new document on the server", () => {
  const start = "🙂 one\ntwo 😀 three\nfour";
  const state = EditorState.create({ doc: start });
  const tr = state.update({
    changes: [
      { from: 0, to: 2, insert: "A" },               // replaces the astral character
      { from: start.indexOf("two"), to: start.indexOf("two") + 3, insert: "2\n2" },
      { from: start.length, insert: " 🎉" },
    ],
  });
  const lsp = toContentChanges(state.doc, tr.changes);
  assert.equal(lsp.length, 3);
  assert.equal(applyLsp(start, lsp), tr.state.doc.toString());
});

test("changes from a composed change set keep working (typing several keys at once)", () => {
  let state = EditorState.create({ doc: "12 km" });
  const before = state.doc;
  let changes = ChangeSet.empty(before.length);
  for (const key of ["x", "🙂", "y"]) {
    const tr = state.update({ changes: { from: 0, insert: key } });
    changes = changes.compose(tr.changes);
    state = tr.state;
  }
  assert.equal(applyLsp(before.toString(), toContentChanges(before, changes)), state.doc.toString());
});

test("text edits become sorted editor changes; stale versioned edits are refused", () => {
  const d = doc("a 🙂 12 miles\nb");
  const edits = [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: "B" },
    { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 13 } }, newText: "kilometres" },
  ];
  const changes = toChanges(d, edits);
  assert.deepEqual(changes.map((c) => c.from), [8, 14]);
  const state = EditorState.create({ doc: d }).update({ changes }).state;
  assert.equal(state.doc.toString(), "a 🙂 12 kilometres\nB");
  const versioned = { documentChanges: [{ textDocument: { uri: URI, version: 4 }, edits }] };
  assert.deepEqual(editsFor(versioned, URI, 4), { edits });
  assert.ok("error" in editsFor(versioned, URI, 5));
  assert.deepEqual(editsFor({ changes: { [URI]: edits } }, URI, 9), { edits });
  assert.deepEqual(editsFor({ changes: { "file:///other": edits } }, URI, 9), { edits: [] });
});

test("a file's extension picks the format", () => {
  assert.equal(languageForFile("draft.MD"), "markdown");
  assert.equal(languageForFile("paper.tex"), "latex");
  assert.equal(languageForFile("notes.rst"), "restructuredtext");
  assert.equal(languageForFile("page.htm"), "html");
  assert.equal(languageForFile("story.txt"), "plaintext");
  assert.equal(languageForFile("README"), null);
  assert.equal(languageForFile("data.csv"), null);
});
