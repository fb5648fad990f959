-- neovim.lua: Neovim's own LSP client (Debian's neovim 0.7, headless) as
-- the editor of a post: start `pregon lsp`, open, change, save, apply the
-- quick fix of a suggestion, shut down.  The buffer is the post opened on
-- the command line (tests/lsp/run.sh makes it); its fifth line is
--   Hola 👋 vecinos: la atencion es gratuita en el kiosko del parque.
-- Env: LSP_CMD (the server's command line, words separated by spaces).
-- Prints one ok/FALLA line per step; exits 0 when every step passed.
local cmd = vim.split(assert(os.getenv('LSP_CMD'), 'falta LSP_CMD'), ' ', { trimempty = true })
local failed = false
local function out(s) io.stdout:write(s, '\n') end
local function check(ok, what)
  out((ok and 'ok    ' or 'FALLA ') .. what)
  failed = failed or not ok
end

local published = {}
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'
local id = vim.lsp.start_client({
  name = 'pregon', cmd = cmd, root_dir = vim.fn.getcwd(),
  handlers = { ['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
    table.insert(published, res)
    return vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, cfg)
  end },
})
check(id ~= nil, 'el servidor arranca')
local client = vim.lsp.get_client_by_id(id)
vim.lsp.buf_attach_client(bufnr, id)
check(vim.wait(10000, function() return client.initialized end, 10), 'initialize/initialized')
check(client.offset_encoding == 'utf-16', 'Neovim 0.7 habla UTF-16: ' .. tostring(client.offset_encoding))

-- The n-th publication's diagnostics with `code`, or nil after a long wait.
local function wait_for(n, code, step)
  local got = vim.wait(10000, function() return #published >= n end, 10)
  check(got, step .. ': llegan diagnósticos')
  for _, d in ipairs(got and published[n].diagnostics or {}) do
    if d.code == code then return d end
  end
  return nil
end

local line5 = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
local d = wait_for(1, 'estilo.ortografia-frecuente', 'didOpen')
-- UTF-16: the emoji counts 2, the accented letters 1 each
local _, col = vim.str_utfindex(line5, line5:find('atencion') - 1)
local got = d and (d.range.start.line .. ':' .. d.range.start.character) or 'nada'
check(got == '4:' .. col, 'didOpen: «atencion» en 4:' .. col .. ' (UTF-16, base 0): ' .. got)

vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { 'AGUA POTABLE SIN SERVICIO EN LA ZONA CENTRO' })
local caps = wait_for(2, 'estilo.mayusculas-sostenidas', 'didChange')
check(caps ~= nil and caps.range.start.line == 6, 'didChange: mayúsculas sostenidas en la línea nueva')

vim.cmd('silent write')
check(wait_for(3, 'estilo.ortografia-frecuente', 'didSave') ~= nil, 'didSave: se revisa de nuevo')

-- The diagnostic as Neovim sends it back, with the server's data.
local line_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, 4)
local target
for _, x in ipairs(line_diags) do
  if x.code == 'estilo.ortografia-frecuente' then target = x end
end
check(target ~= nil, 'Neovim guarda el diagnóstico de la línea')
local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr),
                 range = target and target.range, context = { diagnostics = { target } } }
local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
local fix
for _, r in pairs(res) do
  for _, a in ipairs(r.result or {}) do
    if a.title == 'Cambiar por «atención»' then fix = a end
  end
end
check(fix ~= nil and fix.edit ~= nil, 'codeAction: «Cambiar por «atención»»')
if fix then vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding) end
local after = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
check(after == 'Hola 👋 vecinos: la atención es gratuita en el kiosko del parque.',
      'el búfer queda corregido: ' .. after)
local clean = vim.wait(10000, function()
  local last = published[#published]
  if #published < 4 then return false end
  for _, x in ipairs(last.diagnostics) do
    if x.code == 'estilo.ortografia-frecuente' then return false end
  end
  return true
end, 10)
check(clean, 'tras la corrección el hallazgo desaparece')

client.stop()
check(vim.wait(10000, function() return client.is_stopped() end, 10), 'shutdown/exit')
vim.cmd(failed and 'cquit 1' or 'qall!')
