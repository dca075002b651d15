"""Width (issue 12, item 8).  At 80×24 every pane's key bar fits: it shows
all the pane's keys, or a page key (`.`) whose pages together show them
all; board cards show at least ten columns of their titles.  At 200×50
columns share the width by their content: a long よみ is shown whole
when the row has room for it."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, width  # noqa: E402
from test_fewkeys import bar_keys  # noqa: E402

USER = "山田花子"
GROUP = "愛宕コミュニティセンター運営協議会"
GROUP_KANA = "あたごこみゅにてぃせんたーうんえいきょうぎかい"
PERSON = "清水由美"
# one task per board column, titles longer than a narrow column
TASKS = [("未着手", "落合の高齢者見守り体制づくり"), ("対応中", "豊ヶ丘の地域カルテ更新"),
         ("保留", "聖ヶ丘自治会の役員改選支援"), ("完了", "鶴牧の防災訓練の振り返り")]

# keys each key bar must offer (on one of its pages)
PANES = {
    "areas": {"Enter", "Tab", "n", "m", ":", "c", "?", "q"},
    "directory": {"Enter", "a", "e", "d", "/", "f", "n", "r", "?", "q"},
    "board": {"Enter", "a", "e", "H", "L", "n", "p", "/", "d", "?", "q"},
    "mine": {"Enter", "e", "H", "L", "n", "m", "?", "q"},
    "task page": {"Tab", "Enter", "e", "a", "n", "H", "L", "p", "d", "E", "i", "?", "q"},
    "party page": {"Tab", "Enter", "e", "d", "n", "r", "E", "i", "?", "q"},
}


def setup(t):
    t.cli("init")
    t.cli("add", "party", "--name", GROUP, "--kind", "org", "--kana", GROUP_KANA,
          "--areas", "諏訪")
    t.cli("add", "party", "--name", PERSON, "--kind", "person", "--kana", "しみずゆみ",
          "--areas", "諏訪")
    for status, title in TASKS:
        t.cli("add", "task", "--title", title, "--status", status, "--area", "諏訪",
              "--assignee", USER, "--due", "2030-04-01")


def bottom(screen):
    return [l for l in screen.split("\n") if l.strip()][-1]


def check_bar(t, pane):
    """The pages of the key bar together offer the pane's keys, each page
    within 80 columns and none cut."""
    seen, pages = set(), []
    s = t.settle()
    while True:
        line = bottom(s)
        if width(line) > 80 or line.rstrip().endswith("…"):
            fail("%s: key bar does not fit 80 columns: %r" % (pane, line), s)
        if line in pages:
            break
        pages.append(line)
        seen |= bar_keys(s)
        if "." not in bar_keys(s):
            break
        t.send(".")
        t.wait_until("%s: next page of keys" % pane, lambda x: bottom(x) != line)
        s = t.settle()  # the whole bar drawn, not half of it
    missing = PANES[pane] - seen
    if missing:
        fail("%s: keys never shown on the bottom line: %s (pages %r)"
             % (pane, " ".join(sorted(missing)), pages), s)


def check_cards(s):
    """Each card title shows at least ten columns of its text."""
    board = s.split("\n")
    start = next(i for i, l in enumerate(board) if "未着手" in l and "完了" in l)
    text = "\n".join(board[start:])
    for _, title in TASKS:
        head = ""
        for ch in title:
            if width(head + ch) > 10:
                break
            head += ch
        if head not in text:
            fail("board card shows less than 10 columns of %r" % title, s)


def narrow():
    with Tui(cols=80, rows=24, user=USER) as t:
        setup(t)
        t.start()
        s = t.settle("全エリア", "未着手 1")
        check_cards(s)
        check_bar(t, "areas")
        t.send("Tab")
        t.settle("[関係者・団体")
        check_bar(t, "directory")
        t.send("Tab")
        s = t.settle("[課題ボード")
        check_cards(s)
        check_bar(t, "board")
        t.send("Enter")
        t.settle("課題・取組: " + TASKS[0][1])
        check_bar(t, "task page")
        t.send("q")
        t.settle("[課題ボード")
        t.send("m")
        t.settle("私の担当課題")
        check_bar(t, "mine")
        t.send("q")
        t.settle("[課題ボード")
        t.send("BTab")
        t.settle("[関係者・団体")
        t.send("Enter")
        t.settle("関係者・団体: ")
        check_bar(t, "party page")
        t.send("q", "q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())


def wide():
    with Tui(cols=200, rows=50, user=USER) as t:
        setup(t)
        t.start()
        t.settle("全エリア")
        t.send("Tab")
        s = t.settle("[関係者・団体")
        rows = [l for l in s.split("\n") if GROUP in l and "│" in l.split(GROUP)[0]]
        if not rows or GROUP_KANA not in rows[0]:
            fail("よみ cut although the row has room", s)
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())


def main():
    narrow()
    wide()
    print("ok")


if __name__ == "__main__":
    main()
