-- Plugin checks that need no server (run by tests/test_nvim.py after minimal_init.lua).
local function say(msg)
  io.stdout:write(msg .. "\n")
end

local function run()
  local fc = require("figcheck")
  local work = vim.fn.tempname()
  vim.fn.mkdir(work .. "/proj/docs/deep", "p")
  vim.fn.writefile({ "[tool.figcheck]" }, work .. "/proj/pyproject.toml")
  vim.fn.mkdir(work .. "/loose", "p")

  -- Root detection.
  local root = fc.find_root(work .. "/proj/docs/deep/a.md")
  assert(root == vim.fn.resolve(work .. "/proj") or root == work .. "/proj", "find_root: " .. tostring(root))
  local loose = fc.find_root(work .. "/loose/b.md")
  assert(loose == work .. "/loose", "find_root without a marker: " .. tostring(loose))
  say("ok: root detection")

  -- Commands exist.
  assert(vim.fn.exists(":FigcheckRestart") == 2, ":FigcheckRestart missing")
  assert(vim.fn.exists(":FigcheckInfo") == 2, ":FigcheckInfo missing")

  -- Command resolution.
  fc.setup({ cmd = "/opt/figcheck/bin/figcheck", autostart = false, legacy = true })
  assert(vim.deep_equal(fc.resolve_cmd(), { "/opt/figcheck/bin/figcheck", "server" }), vim.inspect(fc.resolve_cmd()))
  say("ok: commands and cmd resolution")

  -- A missing server: one clear error naming the install command, and :FigcheckInfo says so.
  local messages = {}
  vim.notify = function(msg, level)
    table.insert(messages, { msg = msg, level = level })
  end
  fc.setup({ cmd = { work .. "/no-such-figcheck", "server" }, legacy = true })
  vim.cmd("edit " .. vim.fn.fnameescape(work .. "/proj/docs/deep/a.md"))
  vim.cmd("edit " .. vim.fn.fnameescape(work .. "/loose/c.rst"))
  assert(vim.bo.filetype == "rst", "filetype of .rst: " .. vim.bo.filetype)
  local errors = vim.tbl_filter(function(m) return m.level == vim.log.levels.ERROR end, messages)
  assert(#errors == 1, "expected one error message, got " .. vim.inspect(messages))
  assert(errors[1].msg:find("pip install -e /path/to/figcheck", 1, true), errors[1].msg)
  local info = table.concat(fc.info_lines(), "\n")
  assert(info:find("NOT EXECUTABLE", 1, true), info)
  assert(info:find("clients: none running", 1, true), info)
  say("ok: a missing server is reported once, with the install command")

  -- Settings: empty tables go out as JSON objects, not lists.
  fc.setup({ cmd = { "figcheck", "server" }, autostart = false, legacy = true, settings = { severity = {}, select = { "FC2" } } })
  -- The encoder the LSP client uses (vim.json on 0.7+), without spaces.
  local encode = (vim.json and vim.json.encode) or vim.fn.json_encode
  local encoded = encode({ settings = { figcheck = fc._server_settings() } }):gsub("%s", "")
  assert(encoded:find('"severity":{}', 1, true), encoded)
  assert(encoded:find('"select":["FC2"]', 1, true), encoded)
  fc.setup({ cmd = { "figcheck", "server" }, autostart = false, legacy = true, settings = {} })
  assert(encode(fc._server_settings()) == "{}", encode(fc._server_settings()))
  say("ok: settings encode as JSON objects")
end

local ok, err = xpcall(run, debug.traceback)
if ok then
  say("PASS: figcheck Neovim plugin basics")
  vim.cmd("qall!")
else
  io.stderr:write("FAIL: " .. tostring(err) .. "\n")
  vim.cmd("cquit 1")
end
