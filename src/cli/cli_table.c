/* An aligned table for the area-work commands (generations, coverage):
 * columns padded by display width, cells made inert, no trailing blanks. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/textwidth.h"

void cli_table_print(FILE *f, int ncols, const char *const *headings, const char *const *cells,
		     size_t nrows, const bool *right)
{
	int *w = xcalloc((size_t)ncols, sizeof *w);
	size_t ncells = nrows * (size_t)ncols;
	char **shown = xcalloc(ncells + 1, sizeof *shown);
	for (int c = 0; c < ncols; c++)
		w[c] = text_width(headings[c]);
	for (size_t i = 0; i < ncells; i++) {
		shown[i] = text_sanitize(cells[i] ? cells[i] : "", 0);
		int tw = text_width(shown[i]), c = (int)(i % (size_t)ncols);
		if (tw > w[c])
			w[c] = tw;
	}
	for (size_t r = 0; r <= nrows; r++) {
		struct sbuf line = {0};
		for (int c = 0; c < ncols; c++) {
			const char *v = r == 0 ? headings[c] : shown[(r - 1) * (size_t)ncols + (size_t)c];
			char *cell = text_width_fit(v, w[c], right && right[c] ? TEXT_RIGHT : TEXT_LEFT);
			sbuf_addf(&line, "%s%s", c ? "  " : "", cell);
			free(cell);
		}
		while (line.len && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		fprintf(f, "%s\n", line.s ? line.s : "");
		sbuf_free(&line);
	}
	for (size_t i = 0; i < ncells; i++)
		free(shown[i]);
	free(shown);
	free(w);
}
