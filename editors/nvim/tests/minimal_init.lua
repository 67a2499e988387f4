-- Minimal init for the headless tests (tests/test_nvim.py):
--   nvim --headless --clean -u editors/nvim/tests/minimal_init.lua -c "luafile editors/nvim/tests/e2e.lua"
-- FIGCHECK_PYTHON: the interpreter that has figcheck installed (default python3).
-- FIGCHECK_LEGACY=1 forces the start_client() path on Neovim 0.11+.
local here = debug.getinfo(1, "S").source:sub(2)
local plugin_dir = vim.fn.fnamemodify(here, ":p:h:h")
vim.opt.runtimepath:prepend(plugin_dir)
vim.opt.swapfile = false
vim.opt.shadafile = "NONE"

local python = os.getenv("FIGCHECK_PYTHON")
if python == nil or python == "" then
  python = "python3"
end

vim.cmd("runtime plugin/figcheck.lua")
require("figcheck").setup({
  cmd = { python, "-m", "figcheck_lsp" },
  legacy = os.getenv("FIGCHECK_LEGACY") == "1",
  settings = {},
})
