#!/usr/bin/env bash
# Installs what the editor plugins' tests need, from scratch, then runs the VS Code extension's
# tests and packages it. Idempotent and non-interactive; called by .ci/run with CI=true.
#
#   bash editors/ci.sh
#
# - Neovim (Debian package) when `nvim` is missing; tests/test_nvim.py (run by pytest, not here)
#   needs it.
# - editors/vscode: npm ci (npm install when there is no lock file), npm test, npm run package.
set -euo pipefail

export CI="${CI:-true}"
export DEBIAN_FRONTEND=noninteractive
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
started=$SECONDS

section() { printf '\n== editors/ci.sh: %s (%ds)\n' "$1" "$((SECONDS - started))"; }

section "Neovim"
if command -v nvim >/dev/null 2>&1; then
  echo "nvim present: $(nvim --version | head -n 1)"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
      echo "editors/ci.sh: nvim is missing and this user cannot install packages (not root, no sudo)" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends neovim
  echo "installed: $(nvim --version | head -n 1)"
fi

section "Node"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "editors/ci.sh: node and npm are required (Node 20 or later)" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "editors/ci.sh: Node 20 or later is required, found $(node --version)" >&2
  exit 1
fi
echo "node $(node --version), npm $(npm --version)"

cd "$here/vscode"

section "npm install"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

section "npm test (typecheck, unit tests, glue tests on the fake vscode API, .vsix checks)"
npm test

section "npm run package"
rm -f figcheck.vsix
npm run package
test -s figcheck.vsix
echo "packaged: $here/vscode/figcheck.vsix ($(wc -c < figcheck.vsix) bytes)"

section "done"
