-- figcheck: user commands. The server starts once require("figcheck").setup({...}) is called.
if vim.g.loaded_figcheck then
  return
end
vim.g.loaded_figcheck = true

vim.api.nvim_create_user_command("FigcheckRestart", function()
  require("figcheck").restart()
end, { desc = "figcheck: restart the language server" })

vim.api.nvim_create_user_command("FigcheckInfo", function()
  require("figcheck").info()
end, { desc = "figcheck: show the server command, clients and this buffer's diagnostics" })
