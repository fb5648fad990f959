/* comments.h: `pregon comments`, the moderation of the comments citizens
 * leave on the accounts (criteria XII and XIV of the norm). */
#ifndef PREGON_CLI_COMMENTS_H
#define PREGON_CLI_COMMENTS_H

/* Run `pregon comments [OPTIONS] [FILE|-]`; argv[0] is "comments".  Returns
 * the exit status: 0 nothing to block, 1 some comment to block, 2 bad usage
 * or input (nothing is printed then but the error). */
int pregon_cli_comments(int argc, char **argv);

#endif
