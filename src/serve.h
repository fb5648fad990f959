/* serve.h: `pregon serve`, the page for the people who write the posts
 * (serve.c).  Dispatched from main() when the first argument is "serve". */
#ifndef PREGON_SERVE_H
#define PREGON_SERVE_H

/* argv[0] is "serve"; the rest are its options.  Runs until SIGINT or
 * SIGTERM; returns the exit status (0, or 2 for a usage, configuration or
 * listening error). */
int pregon_cli_serve(int argc, char **argv);

#endif
