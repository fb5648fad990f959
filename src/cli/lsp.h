/* lsp.h: the `pregon lsp` subcommand, a Language Server over stdio. */
#ifndef PREGON_CLI_LSP_H
#define PREGON_CLI_LSP_H

/* Run the server until the client sends `exit` or closes standard input.
 * argv[0] is "lsp".  Returns the process's exit status: 0 after
 * shutdown and exit, 1 when the client left without shutdown, 2 for a bad
 * command line. */
int pregon_cli_lsp(int argc, char **argv);

#endif
