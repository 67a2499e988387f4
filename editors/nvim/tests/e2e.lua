-- End-to-end test of the plugin against the real server; run by tests/test_nvim.py.
-- Exits 0 when every check passes, else prints "FAIL: ..." and quits with a non-zero code.
-- FIGCHECK_SEED: the Kharkiv seed article. FIGCHECK_WORKDIR: a scratch directory.

local TIMEOUT = tonumber(os.getenv("FIGCHECK_TIMEOUT_MS") or "") or 20000

local function say(msg)
  io.stdout:write(msg .. "\n")
  io.stdout:flush()
end

local Fail = {}

local function fail(msg)
  error(setmetatable({ msg = msg }, Fail), 0)
end

local function check(cond, msg)
  if not cond then
    fail(msg)
  end
end

local function read_file(path)
  local f = io.open(path, "rb")
  check(f ~= nil, "cannot read " .. tostring(path))
  local s = f:read("*a")
  f:close()
  return s
end

local function write_file(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function figcheck_diags(buf, code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "figcheck" and (code == nil or d.code == code) then
      table.insert(out, d)
    end
  end
  return out
end

local function client_for(buf)
  for _, c in ipairs(require("figcheck").clients()) do
    if vim.lsp.buf_is_attached(buf, c.id) and not c:is_stopped() then
      return c
    end
  end
  return nil
end

local function describe(diags)
  local parts = {}
  for _, d in ipairs(diags) do
    table.insert(parts, ("%s line %d: %s"):format(tostring(d.code), d.lnum + 1, d.message))
  end
  return #parts > 0 and table.concat(parts, "\n  ") or "(none)"
end

-- An LSP Diagnostic from a vim.diagnostic entry (cols are bytes; LSP wants the client's encoding).
local function to_lsp(buf, d, encoding)
  local function pos(lnum, col)
    local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ""
    local character = col
    if encoding ~= "utf-8" then
      local ok, utf32, utf16 = pcall(vim.str_utfindex, line, math.min(col, #line))
      if ok then
        character = encoding == "utf-32" and utf32 or utf16
      end
    end
    return { line = lnum, character = character }
  end
  local lsp = (d.user_data and d.user_data.lsp) or {}
  return {
    range = { start = pos(d.lnum, d.col), ["end"] = pos(d.end_lnum or d.lnum, d.end_col or d.col) },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code,
    codeDescription = lsp.codeDescription,
    tags = lsp.tags,
    data = lsp.data,
  }
end

local function edit_text(edit)
  local texts = {}
  for _, change in pairs(edit.changes or {}) do
    for _, e in ipairs(change) do
      table.insert(texts, e.newText)
    end
  end
  for _, dc in ipairs(edit.documentChanges or {}) do
    for _, e in ipairs(dc.edits or {}) do
      table.insert(texts, e.newText)
    end
  end
  return table.concat(texts, "\n")
end

local function run()
  local seed = os.getenv("FIGCHECK_SEED")
  local work = os.getenv("FIGCHECK_WORKDIR")
  check(seed and seed ~= "", "FIGCHECK_SEED is not set")
  check(work and work ~= "", "FIGCHECK_WORKDIR is not set")
  vim.fn.mkdir(work, "p")
  say(("Neovim %d.%d.%d, figcheck API: %s"):format(vim.version().major, vim.version().minor, vim.version().patch,
    require("figcheck").uses_lsp_config() and "vim.lsp.config" or "start_client"))

  -- 1. The seed article (plain text): two FC202 warnings on "almost a thousand square miles".
  local article = work .. "/kharkiv-counteroffensive-2022.txt"
  write_file(article, read_file(seed))
  vim.cmd("edit " .. vim.fn.fnameescape(article))
  local seed_buf = vim.api.nvim_get_current_buf()
  check(vim.bo[seed_buf].filetype == "text", "the seed article's filetype is '" .. vim.bo[seed_buf].filetype .. "', not 'text'")
  check(vim.wait(TIMEOUT, function() return client_for(seed_buf) ~= nil end, 50),
    "no figcheck client attached to the seed article within " .. TIMEOUT .. " ms (is the server installed? see the LSP log)")
  local got = vim.wait(TIMEOUT, function() return #figcheck_diags(seed_buf, "FC202") >= 2 end, 100)
  local fc202 = figcheck_diags(seed_buf, "FC202")
  check(got, ("expected two FC202 diagnostics on the seed article within %d ms; got:\n  %s"):format(TIMEOUT, describe(figcheck_diags(seed_buf))))
  check(#fc202 == 2, "expected exactly two FC202 diagnostics, got:\n  " .. describe(fc202))
  for _, d in ipairs(fc202) do
    local line = vim.api.nvim_buf_get_lines(seed_buf, d.lnum, d.lnum + 1, false)[1]
    check(line:find("almost a thousand square miles", 1, true) ~= nil,
      ("FC202 on line %d is not on 'almost a thousand square miles': %s"):format(d.lnum + 1, line))
    check(d.severity == vim.diagnostic.severity.WARN, "FC202 is not a warning: severity " .. tostring(d.severity))
  end
  say("ok: the seed article has two FC202 warnings on 'almost a thousand square miles'")

  -- 2. A wrong conversion (Markdown): FC101, its quick fix applied, then the warning is gone.
  local wrong = work .. "/embankment.md"
  local original = "The embankment runs for 12 kilometres (15 miles)."
  write_file(wrong, original .. "\n")
  vim.cmd("edit " .. vim.fn.fnameescape(wrong))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == "markdown", "embankment.md's filetype is '" .. vim.bo[buf].filetype .. "', not 'markdown'")
  check(vim.wait(TIMEOUT, function() return #figcheck_diags(buf, "FC101") >= 1 end, 100),
    "no FC101 diagnostic for the wrong conversion; got:\n  " .. describe(figcheck_diags(buf)))
  local diag = figcheck_diags(buf, "FC101")[1]
  local client = client_for(buf)
  check(client ~= nil, "no figcheck client attached to embankment.md")
  local encoding = client.offset_encoding or "utf-16"
  local lsp_diag = to_lsp(buf, diag, encoding)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag }, only = { "quickfix" } },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, TIMEOUT)
  check(responses ~= nil, "textDocument/codeAction failed: " .. tostring(err))
  local actions = {}
  for _, response in pairs(responses) do
    check(response.err == nil, "textDocument/codeAction error: " .. vim.inspect(response.err))
    for _, a in ipairs(response.result or {}) do
      table.insert(actions, a)
    end
  end
  check(#actions > 0, "the server offered no code action for FC101")
  -- The rule's fix: preferred, or else the first whose edit is not a suppression comment.
  local fix
  for _, a in ipairs(actions) do
    if a.isPreferred and a.edit then
      fix = a
      break
    end
  end
  if fix == nil then
    for _, a in ipairs(actions) do
      if a.edit and not edit_text(a.edit):find("figcheck:", 1, true) then
        fix = a
        break
      end
    end
  end
  local titles = vim.tbl_map(function(a) return a.title end, actions)
  check(fix ~= nil, "no quick fix (an edit that is not a suppression) among: " .. table.concat(titles, " | "))
  say("ok: code actions for FC101: " .. table.concat(titles, " | "))
  vim.lsp.util.apply_workspace_edit(fix.edit, encoding)
  local now = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  check(now ~= original, "applying '" .. fix.title .. "' did not change the text")
  check(now:find("12 kilometres", 1, true) ~= nil, "the fix lost the original figure: " .. now)
  say("ok: fix applied: " .. now)
  check(vim.wait(TIMEOUT, function() return #figcheck_diags(buf, "FC101") == 0 end, 100),
    "FC101 is still reported after the fix:\n  " .. describe(figcheck_diags(buf)))
  say("ok: FC101 is gone after the fix")

  -- 3. :FigcheckInfo and :FigcheckRestart.
  local info = table.concat(require("figcheck").info_lines(), "\n")
  check(info:find("client %d+: running") ~= nil, ":FigcheckInfo shows no running client:\n" .. info)
  vim.cmd("silent FigcheckInfo")
  local old_id = client.id
  vim.cmd("FigcheckRestart")
  check(vim.wait(TIMEOUT, function()
    local c = client_for(buf)
    return c ~= nil and c.id ~= old_id and c.initialized ~= false
  end, 50), ":FigcheckRestart did not attach a new client to the buffer")
  check(vim.lsp.get_client_by_id(old_id) == nil or vim.lsp.get_client_by_id(old_id):is_stopped(), "the old client still runs after :FigcheckRestart")
  -- The restarted server checks the seed article again.
  vim.cmd("buffer " .. seed_buf)
  check(vim.wait(TIMEOUT, function()
    local c = client_for(seed_buf)
    return c ~= nil and c.id ~= old_id and #figcheck_diags(seed_buf, "FC202") == 2
  end, 100), "after :FigcheckRestart the seed article's FC202 warnings did not come back")
  say("ok: :FigcheckInfo and :FigcheckRestart")

  -- 4. Settings reach the server: setup() again with a severity override restarts the server,
  --    and FC202 comes back as an error.
  local fc = require("figcheck")
  fc.setup(vim.tbl_extend("force", fc.config, { settings = { severity = { FC202 = "error" } } }))
  check(vim.wait(TIMEOUT, function()
    local ds = figcheck_diags(seed_buf, "FC202")
    return #ds == 2 and ds[1].severity == vim.diagnostic.severity.ERROR and ds[2].severity == vim.diagnostic.severity.ERROR
  end, 100), "settings.severity = { FC202 = 'error' } did not make FC202 an error:\n  " .. describe(figcheck_diags(seed_buf)))
  say("ok: settings.severity reaches the server")
end

local ok, e = xpcall(run, function(err)
  if getmetatable(err) == Fail then
    return err.msg
  end
  return debug.traceback(tostring(err), 2)
end)
if ok then
  say("PASS: figcheck Neovim end-to-end")
  vim.cmd("qall!")
else
  io.stderr:write("FAIL: " .. tostring(e) .. "\n")
  io.stderr:flush()
  vim.cmd("cquit 1")
end
