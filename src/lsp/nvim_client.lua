-- Drives `shipshape lsp` from Neovim's built-in LSP client (Neovim 0.7 APIs), headless. Run by
-- src/lsp/nvim_test.cc: nvim --headless -n -i NONE -u NONE -c 'luafile src/lsp/nvim_client.lua'
-- with SHIPSHAPE_BIN (the binary) and SHIPSHAPE_WORKDIR (a directory holding a Dockerfile and a
-- compose.yaml). Prints "PASS" and quits 0, or prints "FAIL: why" and quits 1.
local bin = assert(os.getenv('SHIPSHAPE_BIN'), 'SHIPSHAPE_BIN unset')
local dir = assert(os.getenv('SHIPSHAPE_WORKDIR'), 'SHIPSHAPE_WORKDIR unset')

local function say(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

local function codes_of(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out[d.code or ''] = d
  end
  return out
end

local function wait_for(what, pred)
  if not vim.wait(15000, pred, 20) then error('timed out waiting for ' .. what) end
end

-- Asks for the code actions on `line` (0-based) and applies the first one that `pick` accepts.
local function apply_action(buf, client, line, pick)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = {} },
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  assert(res and res[client], 'no codeAction response')
  for _, action in ipairs(res[client].result or {}) do
    if pick(action) then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      return action.title
    end
  end
  error('no matching code action on line ' .. line)
end

local function open(name, client)
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.lsp.buf_attach_client(buf, client), 'attach failed for ' .. name)
  return buf
end

local function run()
  local client = vim.lsp.start_client({ name = 'shipshape', cmd = { bin, 'lsp' }, root_dir = dir })
  assert(client, 'start_client failed')

  -- Dockerfile: line 2 is `RUN apt-get update && apt-get install curl`.
  local df = open('Dockerfile', client)
  wait_for('Dockerfile diagnostics', function() return codes_of(df)['DF040'] ~= nil end)
  local d = codes_of(df)['DF040']
  assert(d.lnum == 1, 'DF040 on line ' .. d.lnum)
  assert(d.source == 'shipshape', 'source ' .. tostring(d.source))
  local title = apply_action(df, client, 1, function(a)
    return a.isPreferred and a.diagnostics and a.diagnostics[1].code == 'DF040'
  end)
  say('applied: ' .. title)
  local line = vim.api.nvim_buf_get_lines(df, 1, 2, true)[1]
  assert(line:find('apt%-get install %-y') or line:find('apt%-get %-y install'),
         'Dockerfile line 2 after the fix: ' .. line)
  -- The edit reached the server as an incremental didChange: DF040 disappears.
  wait_for('DF040 to go', function() return codes_of(df)['DF040'] == nil end)
  assert(codes_of(df)['DF042'], 'DF042 should remain')

  -- Compose file: a privileged service with no restart policy.
  local compose = open('compose.yaml', client)
  wait_for('compose diagnostics', function() return codes_of(compose)['DC040'] ~= nil end)
  assert(codes_of(compose)['DC020'], 'DC020 missing')
  title = apply_action(compose, client, 1, function(a)
    return a.isPreferred and a.diagnostics and a.diagnostics[1].code == 'DC040'
  end)
  say('applied: ' .. title)
  local text = table.concat(vim.api.nvim_buf_get_lines(compose, 0, -1, true), '\n')
  assert(text:find('restart: unless%-stopped'), 'compose after the fix:\n' .. text)
  wait_for('DC040 to go', function() return codes_of(compose)['DC040'] == nil end)

  -- "ignore on this line" on the privileged line.
  local privileged = nil
  for i, l in ipairs(vim.api.nvim_buf_get_lines(compose, 0, -1, true)) do
    if l:find('privileged:') then privileged = i - 1 end
  end
  assert(privileged, 'privileged line gone:\n' .. text)
  title = apply_action(compose, client, privileged, function(a) return a.title == 'Ignore DC020 on this line' end)
  say('applied: ' .. title)
  wait_for('DC020 to go', function() return codes_of(compose)['DC020'] == nil end)
  text = table.concat(vim.api.nvim_buf_get_lines(compose, 0, -1, true), '\n')
  assert(text:find('# shipshape ignore=DC020'), 'compose after ignore:\n' .. text)

  vim.lsp.stop_client(client)
end

local ok, err = pcall(run)
if ok then
  say('PASS')
  vim.cmd('qall!')
else
  say('FAIL: ' .. tostring(err))
  vim.cmd('cquit! 1')
end
