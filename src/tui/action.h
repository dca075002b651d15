#ifndef TSUNAGU_TUI_ACTION_H
#define TSUNAGU_TUI_ACTION_H
#include <stdbool.h>
#include <stddef.h>

/*
 * Every action of the full-screen program, listed once (tig's request.h
 * idea).  From this list come the enum, the bottom-line hints, and the help
 * screen; the default keys are the table tui_default_keys[] in action.c,
 * so help can never disagree with what the keys do.
 *
 * Columns: id, short label for the bottom line, the label on a screen
 * opened from the main one (a sub-screen, a record page) when it differs
 * there (NULL: the same), help text.  q quits the program only from the
 * main screen; everywhere else it goes back, and its label says so.
 */
#define TUI_ACTION_LIST(_) \
	_(NONE,        "",              NULL,   "") \
	_(NEXT_PANE,   "次へ",          NULL,   "次の枠へ移る (詳細画面では次の見出しの項目へ)") \
	_(PREV_PANE,   "前へ",          NULL,   "前の枠へ移る (詳細画面では前の見出しの項目へ)") \
	_(DOWN,        "下",            NULL,   "一行下へ (詳細画面では見出しを飛ばす)") \
	_(UP,          "上",            NULL,   "一行上へ (詳細画面では見出しを飛ばす)") \
	_(PAGE_DOWN,   "次頁",          NULL,   "一画面下へ") \
	_(PAGE_UP,     "前頁",          NULL,   "一画面上へ") \
	_(TOP,         "先頭",          NULL,   "先頭へ") \
	_(BOTTOM,      "末尾",          NULL,   "末尾へ") \
	_(LEFT,        "左列",          NULL,   "左の列へ (ボード・一覧表)。世代別では前の期間へ") \
	_(RIGHT,       "右列",          NULL,   "右の列へ (ボード・一覧表)。世代別では次の期間へ") \
	_(OPEN,        "開く",          NULL,   "詳細を開く (エリアは選択して他の枠を絞る)") \
	_(ADD,         "追加",          NULL,   "追加する (詳細画面では経過記録を追加する)") \
	_(EDIT,        "編集",          NULL,   "編集する") \
	_(DELETE,      "削除",          NULL,   "削除する (確認あり)") \
	_(SEARCH,      "検索",          NULL,   "検索 (入力するたびに結果が変わる。空で解除)") \
	_(FILTER,      "絞込",          NULL,   "団体種別・世代・できることで絞り込む") \
	_(CARD_LEFT,   "左へ",          NULL,   "カードを左の状態へ移す (未着手←対応中←保留←完了)") \
	_(CARD_RIGHT,  "右へ",          NULL,   "カードを右の状態へ移す (未着手→対応中→保留→完了)") \
	_(LOG,         "記録",          NULL,   "経過記録を追加する") \
	_(LONGTEXT,    "長文",          NULL,   "長い文章 (備考・内容) を外部エディタ ($VISUAL・$EDITOR) で編集する") \
	_(LINK,        "つなぐ",        NULL,   "課題に関係者をつなぐ") \
	_(MEMBER,      "役職",          NULL,   "役職・所属を追加する") \
	_(HISTORY,     "履歴",          NULL,   "変更履歴 (いつ・だれが・どの項目を) を見る") \
	_(MINE,        "私の課題",      NULL,   "自分が担当する課題 (期限切れが先頭) を開く・閉じる") \
	_(COMMAND,     "コマンド",      NULL,   "コマンド行 (import / export / merge)") \
	_(CONFLICTS,   "競合",          NULL,   "マージで残らなかった値 (競合) を見て、どちらを残すか選ぶ") \
	_(SYNC,        "同期",          NULL,   "共有フォルダ (設定 sync_dir) でほかのコピーと変更をやり取りする (tsunagu sync)") \
	_(DELETED,     "削除済み",      NULL,   "削除した記録を見て、所属・つながりごと元に戻す") \
	_(UNDO,        "取消",          NULL,   "自分が最後に行った操作を取り消す (繰り返すとさらに前へ。後から他の人が変えた項目はそのまま)") \
	_(REDO,        "やり直し",      NULL,   "取り消した操作をやり直す") \
	_(DUPLICATES,  "重複",          NULL,   "同じ人・団体らしい関係者の組を見て、一つにまとめる (所属・課題・記録も移る)") \
	_(REPORTS,     "レポート",      NULL,   "レポート (地域カルテ・支援経過記録 など) を印刷用 HTML・Excel CSV で作る") \
	_(KARTE,       "カルテ",        NULL,   "選んだエリアの地域カルテ (基礎データ・地域資源・拠点・施設・課題・地域ビジョン・地域計画) を開く") \
	_(HEATMAP,     "高齢化率",      NULL,   "町丁目ごとの高齢化率を棒の長さと数字で見る (市平均の位置つき。エリアを選んでいなければ全エリア)") \
	_(ITEM_EARLIER, "前へ移す",      NULL,   "カルテの項目を同じ見出しの中で一つ前へ移す") \
	_(ITEM_LATER,  "後へ移す",      NULL,   "カルテの項目を同じ見出しの中で一つ後へ移す") \
	_(RATE_ORDER,  "並び順",        NULL,   "高齢化率の高い順と町丁目の順を切り替える") \
	_(ALL_AREAS,   "全エリア",      NULL,   "選んだエリアだけと全エリア (エリアごと) を切り替える") \
	_(EVENTS,      "行事",          NULL,   "行事 (エリアミーティング・ワークショップ・講座・報告会) の一覧。エリアを選んでいればそのエリアの行事を新しい順に (Enter で詳細、a で追加、e で編集)") \
	_(GENERATIONS, "世代別",        NULL,   "世代別の参加 (子ども・若者・現役・子育て・シニア) を期間で集計し、前の期間と比べる (h/l で期間を前後に移す)。行事の一覧と詳細画面では、その行事の世代別参加者数を入力する") \
	_(SURVEYS,     "アンケート",    NULL,   "アンケート・ヒアリングの一覧 (エリア別。a で追加)。団体の詳細画面では、その団体のアンケート・ヒアリングを追加する") \
	_(STAFF,       "職員体制",      NULL,   "職員 (任用・職位・所属・担当エリア)、コーディネーターの組、エリアサポーター・コーディネーターのいないエリアを見る") \
	_(SUGGEST,     "候補",          NULL,   "課題のニーズに合うできることを持つ関係者の候補を開き、Enter でつなぐ (関係者では、できることに合う未完了の課題)") \
	_(LOAD,        "兼務",          NULL,   "いまの役職 (兼務) の多い人から順に、役職と任期を見る (90日以内に終わる任期に印)") \
	_(REQUESTS,    "要望",          NULL,   "回答待ちの地域要望を部局別に、照会の古い順に待ち日数とともに見る") \
	_(REQUEST_NEXT, "要望を進める",  NULL,   "地域要望を次の状況へ進める (受付→部局照会中→回答済→地域へ報告済)") \
	_(MATRIX,      "一覧表",        NULL,   "一覧表 (カテゴリー×庁内部局): 区分ごとの件数と重複?・空白の印。Enter で欄の記入を追加・編集") \
	_(REDRAW,      "再描画",        NULL,   "画面を描き直す") \
	_(MORE_KEYS,   "他のキー",      NULL,   "最下行に入りきらないキーの案内を切り替える") \
	_(HELP,        "ヘルプ",        NULL,   "このヘルプを開く") \
	_(QUIT,        "終了",          "戻る", "戻る・終了する")

enum tui_action {
#define TUI_ACTION_ENUM(id, label, sub_label, help) ACT_##id,
	TUI_ACTION_LIST(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
	ACT_COUNT
};

/*
 * A key is an int: a typed character is its code point; a curses function
 * key is its KEY_ code negated (so KEY_ codes cannot collide with
 * characters such as U+0102).
 */
#define TUI_FKEY(k) (-(k))
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_ESC 27

struct tui_keybind {
	int key;
	enum tui_action action;
};

extern const struct tui_keybind tui_default_keys[];

/* A key as a command reads it: with the Japanese input method on, j is
 * typed as ｊ (U+FF4A) and Space as U+3000; a command key means the same
 * either way (text typed into a field keeps what was typed). */
int tui_key_plain(int key);
/* The action bound to `key` (or to its tui_key_plain), or ACT_NONE. */
enum tui_action tui_action_for_key(int key);
/* Where a key bar stands: the main screen, or a screen opened from it
 * (where q goes back). */
enum tui_screen { TUI_SCREEN_MAIN, TUI_SCREEN_SUB };
/* The short label of `a` on screen `where`. */
const char *tui_action_label(enum tui_action a, enum tui_screen where);
const char *tui_action_help(enum tui_action a);
/* Writes a short name of `key` ("a", "Tab", "↑", "F1", "^L") into buf. */
void tui_key_name(int key, char *buf, size_t n);
/* Names of all keys of action `a` joined by " " ("j ↓"). */
void tui_action_keys(enum tui_action a, char *buf, size_t n);
/* Which page of a key bar too long for the screen is shown; a new list
 * of hints starts at its first page. */
struct tui_hintbar {
	const enum tui_action *acts;
	int page;
};
/* The bottom-line hint line for `acts` (ACT_NONE terminated) in at most
 * `cols` columns: "a 追加  e 編集  / 検索  ? ヘルプ  q 終了" (q 戻る on a
 * screen opened from the main one: `where`).  When it does not fit it
 * shows page bar->page (bar may be NULL: the first) and the ACT_MORE_KEYS
 * key that turns the page.  New string. */
char *tui_hint_line(const enum tui_action *acts, enum tui_screen where, int cols,
		    struct tui_hintbar *bar);

#endif
