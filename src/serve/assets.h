/* assets.h: the page's files, embedded in the binary at build time by
 * scripts/embed-assets.sh from src/serve/ (the generated table lives in the
 * build tree).  Nothing is read from the file system at run time. */
#ifndef PREGON_SERVE_ASSETS_H
#define PREGON_SERVE_ASSETS_H

#include <stddef.h>

typedef struct {
	const char *name; /* the file's name: "page.html" */
	const unsigned char *data;
	size_t len;
} serve_asset;

/* Ends with an entry whose name is NULL. */
extern const serve_asset serve_assets[];

#endif
