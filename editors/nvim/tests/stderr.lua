-- A server that fails at start: the plugin's message and :FigcheckInfo show the last lines it
-- wrote on stderr (read back from the LSP log), not just its exit code. Run by tests/test_nvim.py.
local function say(msg)
  io.stdout:write(msg .. "\n")
end

local function run()
  local fc = require("figcheck")
  local python = os.getenv("FIGCHECK_PYTHON")
  assert(python and python ~= "", "FIGCHECK_PYTHON is not set")
  local messages = {}
  vim.notify = function(msg, level)
    table.insert(messages, { msg = msg, level = level })
  end
  -- What `python3 -m figcheck server` prints when a dependency is missing, then exit 2.
  local failing = "import sys; sys.stderr.write('Traceback (most recent call last):\\n  File \"x\"\\n"
    .. "ModuleNotFoundError: No module named \\'pygls\\'\\n'); sys.exit(2)"
  fc.setup({ cmd = { python, "-c", failing }, legacy = true })
  local work = vim.fn.tempname()
  vim.fn.mkdir(work, "p")
  vim.cmd("edit " .. vim.fn.fnameescape(work .. "/a.md"))
  local exited = vim.wait(15000, function()
    return fc.last_exit ~= nil
  end, 50)
  assert(exited, "no exit recorded; messages: " .. vim.inspect(messages))
  local warned = vim.tbl_filter(function(m) return m.msg:find("exited with code 2", 1, true) end, messages)
  assert(#warned == 1, vim.inspect(messages))
  assert(warned[1].msg:find("No module named 'pygls'", 1, true), warned[1].msg)
  local info = table.concat(fc.info_lines(), "\n")
  assert(info:find("last server exit: code 2", 1, true), info)
  assert(info:find("stderr: ModuleNotFoundError: No module named 'pygls'", 1, true), info)
  say("ok: the server's stderr is in the message and in :FigcheckInfo")

  -- A relative program path is taken from the current directory (the server runs elsewhere).
  fc.setup({ cmd = { "./bin/figcheck", "server" }, autostart = false, legacy = true })
  assert(fc.resolve_cmd()[1] == vim.fn.getcwd() .. "/bin/figcheck", vim.inspect(fc.resolve_cmd()))
  fc.setup({ cmd = { "figcheck", "server" }, autostart = false, legacy = true })
  assert(fc.resolve_cmd()[1] == "figcheck", vim.inspect(fc.resolve_cmd()))
  say("ok: a relative program path is made absolute")
end

local ok, err = xpcall(run, debug.traceback)
if ok then
  say("PASS: figcheck Neovim plugin stderr")
  vim.cmd("qall!")
else
  say("FAIL: " .. tostring(err))
  vim.cmd("cquit 1")
end
