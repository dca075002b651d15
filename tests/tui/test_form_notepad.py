"""Multi-line fields behave like a notepad (issue 12 item 2): Enter in
内容 adds a line and every line stays on screen; the form says how to
save and how to leave; text typed where nothing can be typed is refused
with a message naming it, never dropped silently; Ctrl-E opens $VISUAL,
else $EDITOR, else sensible-editor."""
import os
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TASK = "桜ヶ丘の見守り活動"
LINES = ["自宅を訪問しました。", "娘さんと見守りについて相談。", "来週また電話する。"]


def task_id(t):
    return [r for r in t.cli_json("list", "tasks") if r["title"] == TASK][0]["id"]


def open_log_form(t):
    t.send("m")
    t.wait_for("私の担当課題", TASK)
    t.send("n")
    t.wait_for("経過記録を追加")
    # the form starts on 内容, past the optional 関係者 and the day's date
    t.wait_for("Enter で改行")


def help_says(t):
    """? tells how long text works, how to save and leave, and which editor."""
    t.send("?")
    t.wait_for("ヘルプ")
    for _ in range(6):
        t.send("NPage")
    t.wait_for("複数行の欄では改行", "Ctrl-S F10", "$VISUAL", "sensible-editor")
    t.send("q")
    t.wait_for("全エリア")


def three_lines(t):
    """A three-line note typed in the log form is saved whole."""
    open_log_form(t)
    s = t.screen()
    for hint in ("Ctrl-S/F10", "保存", "Esc", "閉じる"):
        if hint not in s:
            fail("the form does not say how to save and leave (%r)" % hint, s)
    for i, line in enumerate(LINES):
        t.type(line)
        if i + 1 < len(LINES):
            t.send("Enter")
    s = t.wait_for(*LINES)
    rows = s.split("\n")
    at = [next((k for k, r in enumerate(rows) if line in r), -1) for line in LINES]
    if at != sorted(at) or len(set(at)) != 3:
        fail("the three lines are not shown one under another: %s" % at, s)
    if "保存しました" in s:
        fail("Enter in 内容 saved the form", s)
    t.send("C-s")
    t.wait_for("保存しました")
    shown = t.cli("show", "task", task_id(t))
    if "↵".join(LINES) not in shown:
        fail("the note was not saved whole:\n%s" % shown)
    # the task's page shows the note's lines one under another, indented
    t.send("Enter")
    s = t.wait_for("課題・取組: " + TASK, *LINES)
    rows = s.split("\n")
    at = [next(k for k, r in enumerate(rows) if line in r) for line in LINES]
    if at != [at[0], at[0] + 1, at[0] + 2]:
        fail("the note's lines are not on consecutive lines of the page", s)
    cols = {rows[k].index(line) for k, line in zip(at, LINES)}
    if len(cols) != 1 or cols.pop() < 4:
        fail("the note's lines are not indented alike under their heading", s)
    t.send("q")
    t.wait_for("私の担当課題")
    t.send("m")
    t.wait_for("全エリア")


def typed_after_enter(t):
    """Enter on the one-line 件名 moves on to 状態, a pick row: what is typed
    there is refused with a message that quotes it.  On the main screen, a
    character no key uses is refused aloud too."""
    t.send("Tab", "Tab")
    t.wait_for("課題ボード")
    t.type("ほ")
    t.wait_for("「ほ」のキーはここでは使えません")
    t.send("a")
    t.wait_for("課題・取組を追加")
    t.type("防災訓練")
    t.send("Enter")
    t.type("の準備")
    s = t.wait_for("「の準備」は入りません", "「状態」は一覧から選ぶ項目")
    if "防災訓練" not in s:
        fail("the title typed before Enter is not shown", s)
    # a long text typed there: the advice stays whole at 80 columns
    t.type("について地域の皆さんと相談する")
    s = t.wait_for("について地域の皆さん")
    if "(Enter で開く)" not in s:
        fail("a long refused text cut the advice off", s)
    # on the buttons, too (past every field: 状態 .. 優先度, きっかけ, つなぎ先,
    # 要望の状況 .. 部局の回答, 関係者 ..)
    for _ in range(20):
        t.send("Tab")
    t.type("メモ")
    t.wait_for("「メモ」は入りません", "ボタン")
    t.send("C-s")
    t.wait_for("保存しました")
    titles = [r["title"] for r in t.cli_json("list", "tasks")]
    if "防災訓練" not in titles:
        fail("the task typed in the form was not saved: %s" % titles)


def write_script(path, line):
    with open(path, "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\nprintf '%%s\\n' '%s' >> \"$1\"\n" % line)
    os.chmod(path, stat.S_IRWXU)


def editor_choice(env, added):
    """Ctrl-E in 内容: the editor chosen appends its line to the note."""
    with Tui(env=env) as t:
        t.cli("init")
        t.cli("add", "task", "--title", TASK, "--assignee", "山田花子")
        t.start()
        t.wait_for("全エリア")
        open_log_form(t)
        t.type(LINES[0])
        t.send("C-e")
        t.wait_for(LINES[0], added)
        t.send("C-s")
        t.wait_for("保存しました")
        shown = t.cli("show", "task", task_id(t))
        if LINES[0] + "↵" + added not in shown:
            fail("the editor's line was not saved after the typed one:\n%s" % shown)


def main():
    with Tui() as t:
        t.cli("init")
        t.cli("add", "task", "--title", TASK, "--assignee", "山田花子")
        t.start()
        t.wait_for("全エリア")
        help_says(t)
        three_lines(t)
        typed_after_enter(t)
    with Tui() as scratch:
        bindir = os.path.join(scratch.tmp, "bin")
        os.makedirs(bindir)
        visual = os.path.join(scratch.tmp, "visual.sh")
        editor = os.path.join(scratch.tmp, "editor.sh")
        write_script(visual, "VISUAL で追記")
        write_script(editor, "EDITOR で追記")
        write_script(os.path.join(bindir, "sensible-editor"), "sensible-editor で追記")
        path = bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin")
        editor_choice({"VISUAL": visual, "EDITOR": editor, "PATH": path}, "VISUAL で追記")
        editor_choice({"EDITOR": editor, "PATH": path}, "EDITOR で追記")
        editor_choice({"PATH": path}, "sensible-editor で追記")
    print("ok: notes take many lines, typed text is never lost, the editor is chosen in order")


if __name__ == "__main__":
    main()
