// Makes `require("vscode")` load the fake (tests/fake-vscode.ts) in this test process.
// Import it before anything that imports "vscode".

import Module = require("module");
import * as path from "path";

const fakePath = path.join(__dirname, "fake-vscode.js");
const mod = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, ...rest: unknown[]): string {
  if (request === "vscode") return fakePath;
  return original.call(this, request, ...rest);
};
