/* util.h: what the language server's files share.  The server is a client
 * of pregon.h: memory and file reading come from the clients' common code
 * (cli/common.h), not from the library's internals. */
#ifndef PREGON_LSP_UTIL_H
#define PREGON_LSP_UTIL_H

#include <libintl.h>

#include "../cli/common.h"

/* Messages in Spanish (the msgids), translated by pregon's catalogue. */
#define _(s) dgettext("pregon", s)
#define N_(s) (s)

#endif
