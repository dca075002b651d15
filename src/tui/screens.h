#ifndef TSUNAGU_TUI_SCREENS_H
#define TSUNAGU_TUI_SCREENS_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/record.h"

/*
 * Full-screen and modal screens, and the editing steps that panes and
 * detail views share.  Every step that writes is one transaction
 * (store_begin ... store_commit, rolled back on failure) and reports its
 * outcome on the status line.
 */
struct tui;

/* help.c: the key list generated from the action table. */
void help_show(struct tui *t);
/* The same with the form's keys first (F1 in a form). */
void help_show_form(struct tui *t);
/* conflicts.c: the open conflicts of merges; keep or take each. */
void conflicts_show(struct tui *t);
/* syncrun.c: S, sync through the folder of the settings (sync_dir). */
void sync_run(struct tui *t);
/* deleted.c: the deleted records; Enter restores one with its links. */
void deleted_show(struct tui *t);
/* duplicates.c: likely duplicate parties; fold one into the other. */
void duplicates_show(struct tui *t);
/* cmdline.c: the `:` command line (import / export / merge). */
void cmdline_run(struct tui *t);
/* cmdline.c: may an output file go to `path`?  True when it does not
 * exist, is not a plain file, is a database (the writer refuses those
 * itself), *force is set, or the user agrees to replace it (then *force
 * is set). */
bool cmdline_overwrite_ok(struct tui *t, const char *path, bool *force);
/* matrix.c: X, the department matrix (categories × departments) of the
 * selected area (its entries and the city-wide ones) or of all; Enter
 * opens a cell (matrixcell.c) to add, edit and delete its entries. */
void matrix_show(struct tui *t);
/* reports.c: R, the reports menu: kind, area or task, period; proposes
 * ~/AREA_KIND_DATE.html, writes it and says where. */
/* The reports menu; with `task_id` (the card under the cursor) the
 * 支援経過記録 of that task is offered first. */
void reports_run(struct tui *t, const char *task_id);
/* firstrun.c: asks name and role, saves the config; the name, or NULL
 * when the user gave up. */
char *firstrun_ask(struct tui *t);
/* history.c: the change history of one row in the pager. */
void history_show(struct tui *t, const char *entity, const char *id, const char *title);
/* detail.c: the detail view of one row until q/Esc. */
void detail_run(struct tui *t, const char *entity, const char *id);

/* form.c: the add (id NULL) or edit form of `entity`.  `preset` values
 * are filled in and their fields hidden (a log entry's task); `init`
 * values are shown as starting values of a new row.  True when saved;
 * out_id (may be NULL) gets the row's id. */
struct form_values {
	const struct field_value *v;
	size_t n;
};
bool form_run(struct tui *t, const char *entity, const char *id,
	      struct form_values preset, struct form_values init, uuid_str out_id);

/* editor.c: runs $VISUAL, else $EDITOR, else sensible-editor (else
 * nano, else vi) on a 0600 temp
 * file holding `text`; *out gets the new text (caller frees).  False
 * (and a message) if the editor could not run. */
bool editor_edit(struct tui *t, const char *text, char **out);

/* ops_undo.c: u undoes this user's last action, U (^R) redoes the last
 * undo; the result on the status line, fields left listed in a pager. */
void ops_undo(struct tui *t, bool redo);

/* ops.c: shared editing steps. */
bool ops_delete(struct tui *t, const char *entity, const char *id, const char *title);
/* Adds a log entry to a task, a party or an area (one of them), dated
 * `date` (NULL: today); out_id (may be NULL) gets the new entry's id. */
bool ops_add_log(struct tui *t, const char *task_id, const char *party_id,
		 const char *area_id, const char *date, uuid_str out_id);
/* E: edits a long-text field of the row in $EDITOR (asks which one when
 * the entity has several); `field` NULL picks. */
bool ops_edit_longtext(struct tui *t, const char *entity, const char *id, const char *field);
/* Moves a task to the next (dir 1) or previous (dir -1) board column. */
bool ops_move_task(struct tui *t, const char *id, const char *status, int dir);
/* Asks for a party (search as you type) and links it to the task. */
bool ops_link_party(struct tui *t, const char *task_id);
/* Removes one party from the task (asks first). */
bool ops_unlink_party(struct tui *t, const char *task_id, const char *party_id,
		      const char *name);
/* The actions on one task that the board and Mine share: open, edit,
 * delete, log, long text, link a party.  True when the task changed. */
bool ops_task_action(struct tui *t, enum tui_action a, const char *id, const char *title);
/* Adds a membership for party `id` (person or organisation). */
bool ops_add_membership(struct tui *t, const char *party_id);
/* Whether party `id` is a group (kind org): 1; a person: 0; -1 when it
 * cannot be read (the error shown when `say`). */
int ops_party_is_group(struct tui *t, const char *id, bool say);
/* Sets one field of one row (one transaction); reports errors. */
bool ops_set_field(struct tui *t, const char *entity, const char *id, const char *field,
		   const char *value);
/* Picks a party by searching the store; new string (id) or NULL. */
char *ops_pick_party(struct tui *t, const char *title, const char *kind);

/* karte.c: K, the 地域カルテ of area `area_id`: sections with their items;
 * a adds to the section under the cursor, e / d edit and delete, - / +
 * move an item within its section. */
void karte_show(struct tui *t, const char *area_id);
/* heatmap.c: A, the aging rate of each district of `area_id` (NULL:
 * every area, grouped) as bars with the city average marked. */
void heatmap_show(struct tui *t, const char *area_id);
/* Area work (issue 9, B).  events.c: v, the events of the selected area
 * (or all), newest first; Enter opens one, a adds, e edits, W enters the
 * attendance by generation. */
void events_show(struct tui *t);
/* An event as questions name it: its title and date (「諏訪 防災 (2027-02-18)」). */
void events_name(const struct record *rec, char *out, size_t size);
/* events.c: asks the four generations' counts of event `id` and writes
 * them as attendance rows in one action; true when saved. */
bool events_attendance(struct tui *t, const char *id);
/* generations.c: W, participation by generation over a period against
 * the one before; h/l move the period. */
void generations_show(struct tui *t);
/* surveys.c: Q, the surveys of all groups by area; Enter opens one. */
void surveys_show(struct tui *t);
/* surveys.c: adds a survey (アンケート / ヒアリング) of group `party_id`. */
bool surveys_add(struct tui *t, const char *party_id);
/* coverage.c: T, staff, coordinator pairs and areas without staff. */
void coverage_show(struct tui *t);
/* Links party `pid` (a full id) to the task: the same one action as p. */
bool ops_link_party_id(struct tui *t, const char *task_id, const char *pid);

/* The board's columns, in order (task_status codes). */
extern const char *const tui_board_status[4];

/* issue 9, helper C.  suggest.c: s, who could help with a task (the
 * parties whose できること meet its ニーズ), Enter links one; for a party,
 * the open tasks that need what it offers. */
void suggest_for_task(struct tui *t, const char *task_id);
void suggest_for_party(struct tui *t, const char *party_id);
/* keyload.c: w, persons by current roles (兼務) with terms ending soon. */
void keyload_show(struct tui *t);
/* requests.c: o, open 地域要望 by department, oldest asked first. */
void requests_show(struct tui *t);
/* requests.c: O, moves a 地域要望 task to its next request state (asks
 * for the answer on the way to 回答済); true when it changed. */
bool requests_next(struct tui *t, const char *task_id);
#endif
