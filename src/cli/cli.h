/* cli.h: the subcommands of the pregon command (`pregon accounts`,
 * `pregon report`) and the --log hook of its check loop.  Clients of
 * pregon.h only. */
#ifndef PREGON_CLI_H
#define PREGON_CLI_H

#include "pregon.h"

/* `pregon accounts [FILE] [DIR...]`: argv[0] is "accounts".  Returns the
 * exit status (0, 1 findings, 2 trouble). */
int pregon_cli_accounts(int argc, char **argv);

/* `pregon report DIR [--from DATE] [--to DATE] [-o FILE]`: argv[0] is
 * "report".  Returns the exit status (0, or 2 on trouble). */
int pregon_cli_report(int argc, char **argv);

/* Append the report of one checked post to the activity log; a failure is
 * printed and returns -1 (exit status 2). */
int pregon_cli_log(const char *log_path, const pregon_report *report,
		   const pregon_check_options *opts);

#endif
