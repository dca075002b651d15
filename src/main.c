/* tsunagu: the full-screen program without arguments, else a subcommand. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/cli.h"
#include "tsunagu/config.h"
#include "tsunagu/tmpfiles.h"
#include "tsunagu/tui.h"

int main(int argc, char **argv)
{
	struct cli_globals g = {0};
	setlocale(LC_ALL, "");
	int rc = cli_globals_parse(&argc, argv, &g);
	if (rc < 0) {
		bool demo = argc == 2 && strcmp(argv[1], "--demo") == 0;
		if (demo && !g.db_given) {
			free(g.db_path);
			g.db_path = config_demo_db_path();
		}
		if (argc < 2 || demo) {
			struct tui_options opt = {.db_path = g.db_path, .author = g.author,
						   .date_style = g.date_style, .demo = demo,
						   .notice = g.config_warning,
						   .timing = g.timing_path};
			rc = tui_main(&opt);
		} else {
			tmpfiles_guard_signals();
			rc = cli_run(&g, argc - 1, argv + 1);
		}
	}
	cli_globals_free(&g);
	return rc;
}
