#ifndef TSUNAGU_TUI_STRINGS_H
#define TSUNAGU_TUI_STRINGS_H

/*
 * Every string the full-screen program shows, in one place, Japanese
 * first, so wording can be reviewed and changed together.  Action labels
 * and help lines live in the action table (action.h) next to their keys.
 */

#define S_APP_NAME        "つなぐ"
#define S_ALL_AREAS       "全エリア"
#define S_FILE            "ファイル"
#define S_USER            "利用者"
#define S_READONLY        "[読取専用]"

/* pane titles */
#define S_PANE_AREAS      "エリア"
#define S_PANE_DIRECTORY  "関係者・団体"
#define S_PANE_BOARD      "課題ボード"
#define S_PANE_MINE       "私の担当課題"

/* column headings */
#define S_COL_AREA        "エリア"
#define S_COL_KIND        "種別"
#define S_COL_POP         "人口"
#define S_COL_AGING       "高齢化"
#define S_COL_OPEN        "未完"
#define S_OPEN_TASKS      "未完了の課題"
#define S_COL_TYPE        "種別"
#define S_COL_NAME        "名称・氏名"
#define S_COL_KANA        "よみ"
#define S_COL_ROLES       "役職"
#define S_COL_WHO         "エリア・世代・役職"
#define S_COL_GEN         "世代"
#define S_MORE_ROLES      " 他%ld"   /* after the first role: how many more */
#define S_COL_KEY         "鍵"
#define S_COL_TITLE       "件名"
#define S_COL_STATUS      "状態"
#define S_COL_DUE         "期限"
#define S_COL_ASSIGNEE    "担当"
#define S_PERSON          "個人"
#define S_KEY_MARK        "＊"   /* fullwidth: two columns on every terminal */
#define S_OVERDUE_MARK    "!"
#define S_OVERDUE_TEXT    " (期限切れ)"

#define S_HINT_CARD_MOVE  "移動"   /* H and L as one bottom-line hint */
#define S_HINT_ADD_LOG    "記録"   /* a and n in a detail page: both add a log entry */

/* messages */
#define S_EMPTY           "(なし)"
#define S_NO_ROWS         "該当する行はありません"
#define S_SEARCH_PROMPT   "検索: "
#define S_PROMPT_RECALL   "(↑ で前回「%s」) "
#define S_SAVED_UNSEARCHED "保存しました。検索「%s」に合わないため、検索を解除して表示しています"
#define S_SAVED_UNLISTED  "保存しました。いまのエリア・絞り込みでは一覧に出ません"
#define S_SEARCH_ACTIVE   "検索"
#define S_FILTER_ACTIVE   "絞込"
#define S_SAVED           "保存しました"
#define S_DELETED         "削除しました"
#define S_CANCELLED       "取り消しました"
#define S_MOVED           "「%s」へ移しました"
#define S_NOT_MOVABLE     "これ以上移動できません"
#define S_CONFIRM_DELETE  "「%s」を削除しますか?"
#define S_CONFIRM_DISCARD "変更を破棄しますか?"
#define S_YES_NO          " (y はい / n いいえ)"
#define S_NOTHING_HERE    "ここでは使えません"
#define S_SELECT_FIRST    "行を選んでください"
#define S_READONLY_MSG    "読み取り専用で開いているため変更できません"
#define S_LOCALE_WARN     "UTF-8 の端末設定が見つかりません (LANG=C.UTF-8 などを設定してください)"
#define S_TOO_SMALL       "端末が小さすぎます (80×24 以上にしてください)"
#define S_KEY_UNUSED      "「%s」のキーはここでは使えません (? でキー一覧)"
#define S_QUIT_HOW        "終了するには q を押してください"
#define S_WELCOME         "ようこそ。? でヘルプ、q で終了します"
#define S_RESOLVE_FAIL    "見つかりません: %s"

/* filter menu */
#define S_FILTER_TITLE    "絞り込み"
#define S_FILTER_ORGTYPE  "団体種別で絞る"
#define S_FILTER_GEN      "世代で絞る"
#define S_FILTER_OFFER    "できることで絞る"
#define S_FILTER_CLEAR    "絞り込みを解除"
#define S_FILTER_OFFER_Q  "できること: "
#define S_FILTER_ALL      "(すべて)"

/* forms */
#define S_FORM_ADD        "%sを追加"
#define S_FORM_EDIT       "%sを編集"
#define S_FORM_FOR        " — %s「%s」"   /* the record a new entry belongs to */
#define S_FORM_HINT       "Tab 次の項目  Ctrl-S/F10 保存  Esc 閉じる  Ctrl-E エディタ  F1 ヘルプ"
#define S_FORM_TEXT_HINT  "Enter で改行、Tab で次の項目。Ctrl-S/F10 で保存、Esc で閉じる"
#define S_FORM_MORE_LINES "… (ほか %d 行)"
#define S_FORM_NO_TYPING_PICK   "「%s」は入りません: 「%s」は一覧から選ぶ項目です (Enter で開く)"
#define S_FORM_NO_TYPING_BUTTON "「%s」は入りません: ここはボタンです (↑ か Shift-Tab で項目へ戻る)"
#define S_FORM_SAVE       "[ 保存 Ctrl-S ]"
#define S_FORM_CANCEL     "[ 取消 Esc ]"
#define S_FORM_REQUIRED   "必須"
#define S_FORM_REQ_EMPTY  "「%s」は必須です"
#define S_FORM_MULTILINE  "(複数行)"
#define S_FORM_PICK       "(Enter で選択)"
#define S_FORM_DATE_HINT  "例 2025-04-01 / 令和7年4月1日 / R7.4.1"
#define S_FORM_AREA_HINT  "Enter でエリアの一覧 (Space で選ぶ・外す)。複数は「,」区切り"
#define S_FORM_SET_HINT   "複数は「,」で区切って入力"
#define S_BOOL_YES        "はい"
#define S_BOOL_NO         "いいえ"
#define S_PICK_NONE       "(空欄)"
#define S_PICK_HINT       "↑↓ 選択  Enter 決定  文字で絞込  Esc 取消"
#define S_PICK_MULTI_HINT "↑↓ 選択  Space 選ぶ・外す  Enter 閉じる  文字で絞込  Esc 取消"
#define S_PICK_ON         "[x] "
#define S_PICK_OFF        "[ ] "

/* first run */
#define S_FIRST_TITLE     "はじめに: 利用者の登録"
#define S_FIRST_TEXT      "変更履歴に記録する名前と役割を入力してください。"
#define S_FIRST_NAME      "氏名"
#define S_FIRST_ROLE      "役割"
#define S_ROLE_1          "エリアサポーター"
#define S_ROLE_2          "地域福祉コーディネーター"
#define S_ROLE_3          "専任組織"

/* detail views */
#define S_DETAIL_HINT_FMT "%s"
#define S_SEC_FIELDS      "基本情報"
#define S_SEC_DISTRICTS   "町丁目 (高齢化率)"
#define S_SEC_STAFF       "職員"
#define S_SEC_COUNTS      "件数"
#define S_SEC_TASKS       "課題・取組"
#define S_SEC_LOGS        "経過記録 (新しい順)"
#define S_SEC_PARTIES     "関係者・団体"
#define S_SEC_MEMBERS     "役職・所属"
#define S_SEC_AREAS       "エリア"
#define S_SEC_OFFERS      "できること"
#define S_COUNT_PARTIES   "関係者・団体 %ld 件、課題 %ld 件 (未完了 %ld 件)"
#define S_PICK_LONGTEXT   "編集する項目"
#define S_LINK_PARTY      "つなぐ関係者を選ぶ (文字で検索)"
#define S_PICK_ORG        "所属先の団体を選ぶ (文字で検索)"
#define S_PICK_PERSON     "個人を選ぶ (文字で検索)"
#define S_LINKED          "関係者をつなぎました"
#define S_UNLINK_CONFIRM  "「%s」とのつながりを外しますか?"
#define S_PICK_AREA       "エリアを選ぶ"
#define S_PICK_STATUS     "状態を選ぶ"

#define S_UPDATED_FMT     "  更新: %s %s"
#define S_DISTRICT_POP    "  人口 %s"
#define S_DISTRICT_65     "  65歳以上 %s"
#define S_DISTRICT_AGING  "  高齢化率 %s%%"
#define S_AREA_COUNTS     "  団体 %s  個人 %s  未完了の課題 %s  行事 %s"
#define S_MEMBER_FMT      "  %s  %s  %s〜%s"
#define S_ROWS_FMT        "%ld件"
#define S_COL_DUTY        "区分"
#define S_PICK_FILTER     "絞込:"
#define S_PARTY_ORG       "団体"   /* LIST_PARTIES "kind" column */
#define S_LOG_KIND_DEFAULT "メモ"
#define S_FIRST_HINT      "Enter 次へ  Esc 終了"
#define S_DEMO_MAKING     "デモ用の架空のデータを作っています…"
#define S_PAGER_HINT      "j 下  k 上  Space 次頁  q 閉じる"
#define S_HELP_KEYS       "キー"
#define S_HELP_FORM       "入力欄 (追加・編集の画面)\n" \
	"  Tab Shift-Tab   次の項目・前の項目へ (↑ ↓ でも移る)\n" \
	"  Enter           選択肢を開く・次の項目へ。内容・備考など\n" \
	"                  複数行の欄では改行 (メモ帳と同じ)\n" \
	"  BS              一文字消す\n" \
	"  Ctrl-S F10      保存\n" \
	"  Esc             閉じる (入力があれば破棄してよいか聞く)\n" \
	"  Ctrl-E F4       長い文章を外部エディタで編集: $VISUAL、\n" \
	"                  なければ $EDITOR、なければ sensible-editor\n" \
	"  文字が入らない場所 (選択肢・ボタン) で打った文字は入らず、\n" \
	"  そのことを画面上に表示します\n"

/* editor */
#define S_EDITOR_FAIL     "エディタを起動できません: %s"
#define S_EDITOR_SAME     "変更はありません"

/* command line */
#define S_CMD_PROMPT      "コマンド (空で Enter: メニュー): "
#define S_CMD_USAGE       "使い方: import KIND FILE [--encoding E] [--dry-run] / export KIND FILE [--force] / merge FILE [--dry-run]"
#define S_CMD_OVERWRITE   "「%s」は既にあります。上書きしますか"
#define S_CMD_UNKNOWN     "不明なコマンドです: %s"
#define S_CMD_PROGRESS    "処理中… %ld / %ld"
#define S_CMD_PROGRESS1   "処理中… %ld"
#define S_CMD_MENU        "コマンド"
#define S_CMD_MENU_IMPORT "取り込み (import)"
#define S_CMD_MENU_EXPORT "書き出し (export)"
#define S_CMD_MENU_KIND   "種類 (Enter で選ぶ)"
#define S_CMD_MENU_FILE   "ファイル名: "
#define S_CMD_MENU_SAVE   "保存先 (~ はホーム): "
/* label (cut to %.*s), today, extension: in the user's home */
#define S_CMD_DEFAULT_FILE "~/つなぐ_%.*s_%s.%s"
#define S_CMD_IMPORTED    "取り込みました: %s"
#define S_CMD_EXPORTED    "書き出しました: %s"
#define S_CMD_MENU_MERGE  "ほかのコピーとマージ (merge)"
/* reports menu (R) */
#define S_REP_KIND        "レポートの種類 (Enter で選ぶ)"
#define S_REP_AREA        "エリア"
#define S_REP_ALL_AREAS   "全エリア (1エリア1ページ)"
#define S_REP_TASK        "課題・取組 (入力で絞り込み)"
#define S_REP_NO_TASKS    "このエリアには課題・取組がありません"
#define S_REP_FROM        "期間の始め (例 2025-04-01、空で指定なし): "
#define S_REP_TO          "期間の終わり (例 2026-03-31、空で指定なし): "
#define S_REP_SAVE        "保存先 (~ はホーム、.html 印刷用 / .csv Excel / .md): "
/* the subject (area, task), the kind's file label, today: in the home */
#define S_REP_DEFAULT_FILE "~/%s_%s_%s.html"
#define S_REP_WRITTEN     "%sを書き出しました: %s (ブラウザで開いて印刷できます)"
#define S_REP_WRITTEN_CSV "%sを書き出しました: %s"
#define S_CMD_MERGED      "マージしました: 変更 %ld 件、新しい競合 %ld 件、未確認の競合 %ld 件 (c で確認)"
#define S_UNDONE          "取り消しました: %s"
#define S_REDONE          "やり直しました: %s"
#define S_UNDO_NOTHING    "元に戻す変更はありませんでした"
#define S_UNDO_SKIPPED    " — 他の人が後から変えた %zu 項目はそのままです"
#define S_UNDO_SKIP_TITLE "そのままにした項目 (後から他の人が変えています)"
#define S_UNDO_SKIP_LINE  "%s「%s」の%s: 今は「%s」(%s)\n"
#define S_UNDO_SKIP_GONE  "%s「%s」: その後削除されています (%s)\n"
#define S_CMD_MERGE_NONE  "マージ: 取り込む変更はありません"
#define S_CMD_MERGING     "マージしています…"
#define S_CMD_MERGE_DRY   "マージ (試行・変更なし): 変更 %ld 件、競合 %ld 件"
#define S_CMD_MERGE_KIND  "%s: 追加 %ld、変更 %ld、削除 %ld"
/* key S: sync through the shared folder (syncrun.c) */
#define S_SYNC_RUNNING    "同期しています…"
#define S_SYNC_DONE       "同期しました: 受信 %ld 件、送信 %ld 件、新しい競合 %ld 件、未確認の競合 %ld 件 (c で確認)"
#define S_SYNC_NONE       "同期済みです: やり取りする新しい変更はありませんでした"
#define S_SYNC_PROBLEMS   " — 読めない変更ファイル %ld 件などがあります"
#define S_SYNC_SKIPPED    "読み飛ばしました: %s: %s"
#define S_SYNC_NOT_SENT   "自分の変更ファイル %s を書けませんでした (%s)。受信だけ行いました"
#define S_SYNC_NO_DIR     "同期フォルダが決まっていません。設定ファイル %s に sync_dir=フォルダ の行を書いてください"

/* conflicts (conflicts.c) */
#define S_CONFLICTS_OPEN  "マージで残らなかった値 (競合) が %ld 件あります。c で確認できます"
#define S_CONFLICTS_NONE  "未確認の競合はありません"
#define S_CONFLICTS_TITLE "競合 %ld 件 — Enter で選ぶ (Esc で閉じる)"
#define S_CONFLICT_ROW    "「%s」%s: %s ⇔ %s"
#define S_CONFLICT_WHICH  "どちらの値を残しますか"
#define S_CONFLICT_KEEP   "今の値を残す: %s (%s %s)"
#define S_CONFLICT_TAKE   "もう一方にする: %s (%s %s)"
#define S_CONFLICT_ALL    "すべて確認済みにする (今の値を残す)"
#define S_CONFLICT_KEPT   "今の値を残しました"
#define S_CONFLICT_TAKEN  "もう一方の値にしました"
#define S_CONFLICT_ALLDONE "競合 %ld 件を確認済みにしました"
/* deleted.c and ops_delete: deleted records and restore */
#define S_CONFIRM_DELETE_LINKS "「%s」を削除します。%sも外れます。よろしいですか?"
#define S_DELETED_LINKS   "削除しました。%sも外れました (D 削除済みから元に戻せます)"
#define S_DELETED_NONE    "削除された記録はありません"
#define S_DELETED_TITLE   "削除された記録 %ld 件 — Enter で元に戻す (文字を打つと絞り込み・Esc で閉じる)"
#define S_DELETED_ROW     "%s  %s「%s」  %s"
#define S_DELETED_ROW_LINKS "  (%sも)"
#define S_RESTORE_CONFIRM "元に戻しますか: %s"
#define S_RESTORED        "%s を元に戻しました"
#define S_RESTORED_LINKS  "%s を元に戻しました (%sも)"
#define S_RESTORED_SKIPPED "%s を元に戻しました。相手が削除されているつながり %ld 件は戻せませんでした"
#define S_DUPS_NONE       "重複の疑いのある関係者はいません"
#define S_DUPS_TITLE      "重複の疑い %ld 組 (◎ 電話かメールが同じ / ○ 名前が同じ) — Enter で選ぶ (Esc で閉じる)"
#define S_DUP_ROW         "%s %s (%s) ⇔ %s (%s): %s"
#define S_DUP_WHICH       "どちらを残しますか (もう一方の所属・課題・経過記録は残す方に移ります)"
#define S_DUP_KEEP        "%s (%s) を残し、%s (%s) をまとめる"
#define S_DUP_APART       "別の人・団体なので、そのままにする"
#define S_DUP_FOLDED      "%s を %s にまとめました (付け替えた記録 %ld 件)"

/* history */
#define S_HISTORY_TITLE   "変更履歴: %s (q で閉じる)"
#define S_HISTORY_NONE    "履歴はありません"
#define S_HISTORY_EMPTY   "(空)"

/* help */
#define S_HELP_TITLE      "ヘルプ — キー一覧 (q または Esc で閉じる)"
#define S_HELP_CMDS       "コマンド (: で入力。空のまま Enter でメニュー)"
#define S_HELP_CMD1       "import KIND FILE    取り込み (parties tasks districts facilities vcard ical)"
#define S_HELP_CMD2       "export KIND FILE    書き出し (parties tasks events vcard ical karte matrix)"
#define S_HELP_CMD3       "merge FILE          ほかのコピー (持ち出したノートの .db) とマージ"

/* department matrix (一覧表, key X) */
#define S_MATRIX_TITLE    "一覧表 (カテゴリー×庁内部局) — %s"
#define S_MATRIX_SCOPE_ALL  "全エリア"
#define S_MATRIX_SCOPE_AREA "%s と全市共通"
#define S_MATRIX_CAT      "カテゴリー"
#define S_MATRIX_MARK     "印"
#define S_MATRIX_OVERLAP  "◆重複?"
#define S_MATRIX_GAP      "◇空白"
#define S_MATRIX_EMPTY    "・"
#define S_MATRIX_LEGEND   "件数: 取 取組中  検 検討中  既 既往データ  課 課題  意 意見・考え方"
#define S_MATRIX_LEGEND2  "◆重複? 取組中が2部局以上 (重複・類似の可能性)  ◇空白 どの部局も取組中なし"
#define S_MATRIX_CELLINFO "%s × %s: %s"
#define S_MATRIX_NONE_HERE "記入なし"
#define S_MATRIX_ACTIVE_IN "  ◆ 取組中: %s"
#define S_MATRIX_NODEPTS  "庁内部局がまだありません — a で部局を追加します"
#define S_MATRIX_CELL_TITLE "一覧表: %s × %s (%s)"
#define S_MATRIX_STATE_HEAD "%s (%d 件)"
#define S_MATRIX_CITYWIDE "全市"
#define S_MATRIX_CELL_EMPTY "  (記入なし — a で追加)"
#define S_MATRIX_ADDED    "一覧表に追加しました"

#endif
