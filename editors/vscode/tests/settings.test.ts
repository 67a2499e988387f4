import { strict as assert } from "node:assert";
import { test } from "node:test";
import { changeNeedsRestart, toServerSettings } from "../src/settings";

const from = (values: Record<string, unknown>) => toServerSettings((key) => values[key]);

test("defaults send nothing that would override the project's config file", () => {
  const { settings, problems } = from({ select: [], extendSelect: [], ignore: [], severity: {} });
  assert.deepEqual(settings, {});
  assert.deepEqual(problems, []);
});

test("every server key is carried over in the server's spelling", () => {
  const { settings, problems } = from({
    enable: true,
    path: ["/venv/bin/figcheck"],
    trace: { server: "verbose" },
    select: ["fc2", "FC101"],
    extendSelect: "FC3",
    ignore: ["FC201", "FC201"],
    severity: { fc202: "error", FC101: "hint" },
    inlayHints: true,
    maxFileSize: 2000,
    tolerance: 0.02,
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, {
    select: ["FC2", "FC101"],
    extendSelect: ["FC3"],
    ignore: ["FC201"],
    severity: { FC202: "error", FC101: "hint" },
    inlayHints: true,
    maxFileSize: 2000,
    tolerance: 0.02,
  });
  // Editor-only settings never reach the server (it rejects unknown keys).
  for (const key of ["enable", "path", "trace"]) assert.ok(!(key in settings), key);
});

test("bad values are dropped and reported, good ones kept", () => {
  const { settings, problems } = from({
    select: ["FC2", "E501", 7],
    severity: { FC202: "fatal", nope: "error", FC101: "warning" },
    inlayHints: "yes",
    maxFileSize: 1.5,
    tolerance: 0.9,
  });
  assert.deepEqual(settings, { select: ["FC2"], severity: { FC101: "warning" } });
  assert.equal(problems.length, 7, problems.join("\n"));
  assert.ok(problems.some((p) => p.includes("E501")));
  assert.ok(problems.some((p) => p.includes("fatal")));
  assert.ok(problems.some((p) => p.includes("tolerance")));
});

test("a wrongly typed list or table is reported", () => {
  const { settings, problems } = from({ ignore: { FC1: true }, severity: ["FC202"] });
  assert.deepEqual(settings, {});
  assert.equal(problems.length, 2);
});

test("only enable and path changes need a restart", () => {
  const affects = (changed: string) => (section: string) => changed === section || changed.startsWith(section + ".");
  assert.equal(changeNeedsRestart(affects("figcheck.path")), true);
  assert.equal(changeNeedsRestart(affects("figcheck.enable")), true);
  assert.equal(changeNeedsRestart(affects("figcheck.select")), false);
  assert.equal(changeNeedsRestart(affects("figcheck.trace.server")), false);
});
