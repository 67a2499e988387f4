-- figcheck for Neovim: starts the figcheck language server for prose buffers.
--
--   require("figcheck").setup({
--     cmd = { "figcheck", "server" },          -- default; or { "/venv/bin/python", "-m", "figcheck", "server" }
--     settings = { select = { "FC2" }, severity = { FC202 = "error" } },
--   })
--
-- Neovim 0.11+: registered with vim.lsp.config()/vim.lsp.enable(). Older (0.7–0.10): a FileType
-- autocommand calls vim.lsp.start_client() once per project root and attaches buffers to it.

local M = {}

M.version = "0.1.0"

local NAME = "figcheck"

-- Neovim's names for the file types the VS Code extension handles (markdown, plaintext, latex,
-- restructuredtext, html).
M.default_filetypes = { "markdown", "text", "tex", "plaintex", "rst", "html" }

local defaults = {
  -- The server command; nil: `figcheck server` if `figcheck` is on PATH, else `python3 -m figcheck server`.
  cmd = nil,
  filetypes = M.default_filetypes,
  -- Files that mark a project root (searched upwards from the buffer's file).
  root_markers = { "pyproject.toml", "figcheck.toml", ".git" },
  -- The server's settings (sent as settings.figcheck, in workspace/configuration answers, and as
  -- initializationOptions): select, extendSelect, ignore, severity, inlayHints, maxFileSize, tolerance.
  settings = {},
  -- initializationOptions; nil: the same table as `settings`.
  init_options = nil,
  on_attach = nil,
  capabilities = nil,
  -- Force the start_client() path even on 0.11+ (mostly for tests).
  legacy = false,
  -- Start the server automatically for the file types above.
  autostart = true,
}

M.config = vim.deepcopy(defaults)

-- root_dir → client id, for the start_client() path.
local clients_by_root = {}
local warned_missing = false
local augroup = nil

local uv = vim.uv or vim.loop

-- Client methods: `client.stop(force)` on 0.7–0.10, `client:stop(force)` from 0.11 (the dot
-- form is deprecated there). `is_stopped` ignores its arguments on old versions, so `:` works.
local has_011 = vim.fn.has("nvim-0.11") == 1

local function is_stopped(client)
  return client:is_stopped()
end

local function stop_client(client, force)
  if has_011 then
    client:stop(force)
  else
    client.stop(force)
  end
end

local function buffers_of(client)
  if client.attached_buffers then
    local out = {}
    for buf, attached in pairs(client.attached_buffers) do
      if attached then
        table.insert(out, buf)
      end
    end
    table.sort(out)
    return out
  end
  return vim.lsp.get_buffers_by_client_id(client.id)
end

local function log_path()
  local ok, log = pcall(require, "vim.lsp.log")
  if ok and log.get_filename then
    return log.get_filename()
  end
  return vim.lsp.get_log_path()
end

-- The server's standard error: Neovim's LSP client writes each chunk to the LSP log as
--   [ERROR][date] …rpc.lua:N	"rpc"	"<program>"	"stderr"	"<chunk, escaped as by vim.inspect>"
-- (the program is a list on newer versions). The plugin reads it back after the server exits,
-- so that the cause (a missing module, a bad option) is shown instead of just an exit code.
local STDERR_LINES = 5
local STDERR_WINDOW = 256 * 1024 -- bytes of the log read, from its end
M.last_exit = nil -- { code = n, stderr = { lines } } of the last server that failed

local ESCAPES = { a = "\a", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", v = "\v" }

local function unescape(s)
  local out, i = {}, 1
  while i <= #s do
    local c = s:sub(i, i)
    if c == "\\" and i < #s then
      local digits = s:match("^%d%d?%d?", i + 1)
      if digits then
        table.insert(out, string.char(tonumber(digits) % 256))
        i = i + 1 + #digits
      else
        local e = s:sub(i + 1, i + 1)
        table.insert(out, ESCAPES[e] or e)
        i = i + 2
      end
    else
      table.insert(out, c)
      i = i + 1
    end
  end
  return table.concat(out)
end

local function log_size()
  local st = uv.fs_stat(log_path())
  return st and st.size or 0
end

--- The last lines `program` wrote on stderr, from the LSP log after byte `from` (for tests too).
function M.stderr_tail(program, from, log_file)
  log_file = log_file or log_path()
  local f = io.open(log_file, "rb")
  if f == nil then
    return {}
  end
  local size = f:seek("end")
  local start = math.max(from or 0, size - STDERR_WINDOW)
  if start > size then
    start = 0 -- the log was rotated or truncated
  end
  f:seek("set", start)
  local text = f:read("*a") or ""
  f:close()
  local quoted = vim.inspect(program)
  local chunks = {}
  for line in text:gmatch("[^\n]+") do
    local at = line:find('"stderr"', 1, true)
    if at and line:find(quoted, 1, true) then
      local rest = vim.trim(line:sub(at + #'"stderr"'))
      local q = rest:sub(1, 1)
      if (q == '"' or q == "'") and rest:sub(-1) == q then
        table.insert(chunks, unescape(rest:sub(2, -2)))
      end
    end
  end
  local lines = {}
  for _, l in ipairs(vim.split(table.concat(chunks), "\n", { plain = true })) do
    if vim.trim(l) ~= "" then
      table.insert(lines, (l:gsub("%s+$", "")))
    end
  end
  return vim.list_slice(lines, math.max(1, #lines - STDERR_LINES + 1), #lines)
end

local function notify(msg, level)
  vim.notify("figcheck: " .. msg, level or vim.log.levels.INFO)
end

local function is_file(path)
  local st = path and uv.fs_stat(path)
  return st ~= nil
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ":h")
end

--- Whether the modern API (vim.lsp.config + vim.lsp.enable, Neovim 0.11+) is used.
function M.uses_lsp_config()
  return not M.config.legacy and type(vim.lsp.config) ~= "nil" and type(vim.lsp.enable) == "function"
end

local function is_absolute(path)
  return path:sub(1, 1) == "/" or path:match("^%a:[/\\]") ~= nil or path:sub(1, 2) == "\\\\"
end

-- A program given by a relative path (".venv/bin/python") is taken from the current directory
-- now: the server runs in the project root, where the same relative path means nothing.
local function absolute_program(cmd)
  local program = cmd[1]
  if type(program) ~= "string" or is_absolute(program) or not program:find("[/\\]") then
    return cmd
  end
  local out = vim.deepcopy(cmd)
  out[1] = vim.fn.simplify(vim.fn.fnamemodify(program, ":p"))
  return out
end

--- The command that starts the server.
function M.resolve_cmd()
  local cmd = M.config.cmd
  if type(cmd) == "string" then
    return absolute_program({ cmd, "server" })
  end
  if type(cmd) == "table" and #cmd > 0 then
    return absolute_program(cmd)
  end
  if vim.fn.executable("figcheck") == 1 then
    return { "figcheck", "server" }
  end
  for _, py in ipairs({ "python3", "python" }) do
    if vim.fn.executable(py) == 1 then
      return { py, "-m", "figcheck", "server" }
    end
  end
  return { "figcheck", "server" }
end

--- The project root for a file: the nearest directory upwards holding one of the root markers,
--- else the file's directory (else the current directory for unnamed buffers).
function M.find_root(path)
  if path == nil or path == "" then
    return uv.cwd()
  end
  path = vim.fn.fnamemodify(path, ":p")
  local dir = vim.fn.isdirectory(path) == 1 and path or dirname(path)
  dir = dir:gsub("/$", "")
  local start = dir
  while dir and dir ~= "" do
    for _, marker in ipairs(M.config.root_markers) do
      if is_file(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = dirname(dir)
    if parent == dir then
      break
    end
    dir = parent
  end
  return start ~= "" and start or uv.cwd()
end

-- Tables that must reach the server as JSON objects even when empty (an empty Lua table encodes
-- as a JSON list, which the server rejects).
local DICT_KEYS = { severity = true, perFileIgnores = true, currencyRates = true }

local function as_object(t)
  if type(t) ~= "table" then
    return t
  end
  local out = {}
  for k, v in pairs(t) do
    out[k] = (DICT_KEYS[k] and type(v) == "table") and as_object(v) or vim.deepcopy(v)
  end
  if next(out) == nil then
    return vim.empty_dict()
  end
  return out
end

local function server_settings()
  return as_object(M.config.settings or {})
end

-- For tests and :FigcheckInfo.
M._server_settings = function()
  return server_settings()
end

local function init_options()
  if M.config.init_options ~= nil then
    return as_object(M.config.init_options)
  end
  return server_settings()
end

local function get_client(id)
  return id and vim.lsp.get_client_by_id(id) or nil
end

--- All running figcheck clients (any Neovim version).
function M.clients()
  local all
  if vim.lsp.get_clients then
    all = vim.lsp.get_clients({ name = NAME })
  else
    all = vim.lsp.get_active_clients()
  end
  local out = {}
  for _, client in ipairs(all) do
    if client.name == NAME then
      table.insert(out, client)
    end
  end
  return out
end

local function on_exit_handler(cmd, from)
  return function(code, signal, client_id)
    for r, id in pairs(clients_by_root) do
      if id == client_id then
        clients_by_root[r] = nil
      end
    end
    if code ~= 0 and signal ~= 15 then
      -- Let the last chunks of stderr reach the log before reading it.
      vim.defer_fn(function()
        local stderr = M.stderr_tail(cmd[1], from)
        M.last_exit = { code = code, stderr = stderr, cmd = cmd }
        local cause = #stderr > 0 and (": " .. table.concat(stderr, " | ")) or ""
        notify(("the server exited with code %d%s (run :FigcheckInfo, then :FigcheckRestart)"):format(code, cause),
          vim.log.levels.WARN)
      end, 200)
    end
  end
end

local function client_config(root)
  local cmd = M.resolve_cmd()
  return {
    name = NAME,
    cmd = cmd,
    cmd_cwd = root,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = { figcheck = server_settings() },
    init_options = init_options(),
    capabilities = M.config.capabilities,
    on_attach = M.config.on_attach,
    flags = { debounce_text_changes = 150 },
    on_exit = on_exit_handler(cmd, log_size()),
  }
end

local function check_executable(cmd)
  if vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    notify(
      ("cannot start the server: '%s' is not executable. Install figcheck from a checkout of its "
        .. "repository with `pip install -e /path/to/figcheck` (once it is on PyPI: `pip install figcheck`), "
        .. "or pass cmd = {...} to require('figcheck').setup()"):format(cmd[1]),
      vim.log.levels.ERROR
    )
  end
  return false
end

--- Attaches a buffer to the figcheck client of its project root, starting one if needed
--- (the start_client() path; on 0.11+ vim.lsp.enable() does this).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return nil
  end
  local bt = vim.bo[bufnr].buftype
  if bt ~= "" and bt ~= "acwrite" then
    return nil
  end
  local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
  local id = clients_by_root[root]
  local client = get_client(id)
  if client == nil or is_stopped(client) then
    local config = client_config(root)
    if not check_executable(config.cmd) then
      return nil
    end
    if vim.lsp.start then
      -- 0.8+: start() attaches the buffer and reuses a client with the same name and root.
      id = vim.lsp.start(config, { bufnr = bufnr })
    else
      id = vim.lsp.start_client(config)
    end
    if id == nil then
      notify("could not start the server: " .. table.concat(config.cmd, " "), vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local function lsp_config_table()
  local cmd = M.resolve_cmd()
  return {
    cmd = cmd,
    filetypes = M.config.filetypes,
    root_markers = M.config.root_markers,
    settings = { figcheck = server_settings() },
    init_options = init_options(),
    capabilities = M.config.capabilities,
    on_attach = M.config.on_attach,
    on_exit = on_exit_handler(cmd, log_size()),
  }
end

--- Configures the plugin. Safe to call again with new options (running servers are restarted).
function M.setup(opts)
  opts = opts or {}
  local running = #M.clients() > 0
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts)
  -- Lists replace, not merge.
  for _, key in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts[key] ~= nil then
      M.config[key] = opts[key]
    end
  end
  if opts.settings ~= nil then
    M.config.settings = opts.settings
  end

  augroup = vim.api.nvim_create_augroup("figcheck", { clear = true })
  if M.uses_lsp_config() then
    vim.lsp.config(NAME, lsp_config_table())
    if M.config.autostart then
      vim.lsp.enable(NAME)
    end
  elseif M.config.autostart then
    vim.api.nvim_create_autocmd("FileType", {
      group = augroup,
      pattern = M.config.filetypes,
      desc = "figcheck: attach the language server",
      callback = function(args)
        M.attach(args.buf)
      end,
    })
    -- Buffers already open when setup() runs.
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
        M.attach(buf)
      end
    end
  end
  if running then
    M.restart()
  end
  return M
end

local function wait_stopped(clients, timeout_ms)
  vim.wait(timeout_ms, function()
    for _, c in ipairs(clients) do
      if not is_stopped(c) then
        return false
      end
    end
    return true
  end, 50)
end

--- Stops every figcheck client and starts them again for the buffers they served.
function M.restart()
  local clients = M.clients()
  local buffers = {}
  for _, client in ipairs(clients) do
    for _, buf in ipairs(buffers_of(client)) do
      buffers[buf] = true
    end
    stop_client(client)
  end
  clients_by_root = {}
  wait_stopped(clients, 3000)
  for _, client in ipairs(clients) do
    if not is_stopped(client) then
      stop_client(client, true)
    end
  end
  warned_missing = false
  if next(buffers) == nil then
    -- Nothing was running (e.g. the server was missing): attach the current buffer if it qualifies.
    local cur = vim.api.nvim_get_current_buf()
    if vim.tbl_contains(M.config.filetypes, vim.bo[cur].filetype) then
      buffers[cur] = true
    end
  end
  for buf in pairs(buffers) do
    if vim.api.nvim_buf_is_valid(buf) then
      if M.uses_lsp_config() then
        local config = vim.tbl_extend("force", lsp_config_table(), {
          name = NAME,
          root_dir = M.find_root(vim.api.nvim_buf_get_name(buf)),
        })
        config.filetypes = nil
        config.root_markers = nil
        vim.lsp.start(config, { bufnr = buf })
      else
        M.attach(buf)
      end
    end
  end
  notify(("restarted (%d buffer%s)"):format(vim.tbl_count(buffers), vim.tbl_count(buffers) == 1 and "" or "s"))
end

--- Text for :FigcheckInfo.
function M.info_lines()
  local lines = {}
  local function add(fmt, ...)
    table.insert(lines, select("#", ...) > 0 and fmt:format(...) or fmt)
  end
  local cmd = M.resolve_cmd()
  add("figcheck.nvim %s on Neovim %s", M.version, tostring(vim.version().major .. "." .. vim.version().minor .. "." .. vim.version().patch))
  add("API: %s", M.uses_lsp_config() and "vim.lsp.config/vim.lsp.enable" or "vim.lsp.start_client (FileType autocommand)")
  add("command: %s%s", table.concat(cmd, " "), vim.fn.executable(cmd[1]) == 1 and "" or "   (NOT EXECUTABLE: pip install -e /path/to/figcheck)")
  add("file types: %s", table.concat(M.config.filetypes, ", "))
  add("root markers: %s", table.concat(M.config.root_markers, ", "))
  add("settings: %s", vim.inspect(M.config.settings, { newline = " ", indent = "" }))
  local clients = M.clients()
  if #clients == 0 then
    add("clients: none running")
  end
  for _, client in ipairs(clients) do
    local bufs = buffers_of(client)
    add(
      "client %d: %s, root %s, offset encoding %s, buffers %s",
      client.id,
      is_stopped(client) and "stopped" or "running",
      tostring(client.config.root_dir),
      tostring(client.offset_encoding),
      table.concat(vim.tbl_map(tostring, bufs), " ")
    )
  end
  local buf = vim.api.nvim_get_current_buf()
  local counts = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == NAME then
      local code = tostring(d.code)
      counts[code] = (counts[code] or 0) + 1
    end
  end
  local parts = {}
  for code, n in pairs(counts) do
    table.insert(parts, ("%s×%d"):format(code, n))
  end
  table.sort(parts)
  add("this buffer (%d, filetype %s): %s", buf, vim.bo[buf].filetype, #parts > 0 and table.concat(parts, ", ") or "no figcheck diagnostics")
  if M.last_exit then
    add("last server exit: code %d (%s)", M.last_exit.code, table.concat(M.last_exit.cmd, " "))
    if #M.last_exit.stderr == 0 then
      add("  (nothing on its stderr in the log)")
    end
    for _, l in ipairs(M.last_exit.stderr) do
      add("  stderr: %s", l)
    end
  end
  add("log: %s", log_path())
  return lines
end

function M.info()
  vim.api.nvim_echo({ { table.concat(M.info_lines(), "\n") } }, true, {})
end

return M
