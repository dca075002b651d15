"""Fewer keys (issue 12, item 4): from the main screen, find a group by
its よみ in the directory, open it, go to its task, add a log entry and move
the task to another column in at most 15 keys beyond the typed text, each
key shown on the bottom line of the screen where it is pressed.

In the group's page Tab goes from section to section (not through every
member row), j steps over the blank line and the heading between two
sections, and `a` in the task's page is on its key bar."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402
from test_newuser import STATUSES, pick_group  # noqa: E402

LOG = "民生委員と訪問日程を調整した"
MAX_KEYS = 15
# tmux key -> how the key bar names it
NAMES = {"Tab": "Tab", "Enter": "Enter", "Down": "↓", "Up": "↑", "C-s": "^S"}


def bar_keys(screen):
    """Keys named on the bottom line: "H/L 移動" gives H and L, "↑↓ 項目"
    gives ↑ and ↓, "/ 検索" gives /."""
    lines = [l for l in screen.split("\n") if l.strip()]
    keys = set()
    for item in re.split(r"\s{2,}", lines[-1].strip()):
        head = item.split(" ")[0]
        if head == "/":
            keys.add("/")
        elif set(head) <= set("↑↓←→"):
            keys.update(head)
        else:
            for k in head.split("/"):        # "Ctrl-S/F10" names ^S and F10
                keys.add("^" + k[5:] if k.startswith("Ctrl-") else k)
    return keys


class Walk:
    def __init__(self, t):
        self.t = t
        self.count = 0

    def press(self, key):
        """Presses a key after checking that the screen shows it."""
        s = self.t.screen()
        name = NAMES.get(key, key)
        if name not in bar_keys(s):
            fail("key %s is not shown on the screen where it is pressed" % name, s)
        self.count += 1
        self.t.send(key)


def headings_skipped(t, group, members):
    """Tab to the first member, j once per member: the cursor is on the
    first of the group's areas (past the blank line and the heading), so
    Enter opens that area."""
    areas = [a for a in (group.get("areas") or "").split("、") if a]
    if not areas:
        fail("the group chosen has no area: %r" % group)
    t.start()
    t.settle("全エリア")
    t.send("Tab", "/")
    t.type(group["kana"])
    t.settle("検索:" + group["kana"][:4], group["name"][:6])
    t.send("Enter")
    t.settle(group["name"][:6])
    t.send("Enter")
    t.settle("関係者・団体: " + group["name"], "役職・所属")
    t.send("Tab", *(["j"] * len(members)))
    t.send("Enter")
    t.wait_until("an area of the group opened",
                 lambda s: any(s.split("\n")[0].strip() == "エリア: " + a for a in areas))
    t.send("q", "q", "q")
    if t.wait_exit() != 0:
        fail("exit status not 0", t.screen())


def main():
    with Tui() as t:
        t.cli("init", "--demo")
        group, members, _ = pick_group(t)
        headings_skipped(t, group, members)
    with Tui() as t:
        t.cli("init", "--demo")
        group, members, task = pick_group(t)
        title, status = task[2], task[1]
        last = status == STATUSES[-1]
        dest = STATUSES[STATUSES.index(status) + (-1 if last else 1)]
        t.start()
        t.settle("全エリア")
        w = Walk(t)
        w.press("Tab")                       # to the directory
        t.wait_for("[関係者・団体")
        w.press("/")
        t.wait_for("検索:")
        t.type(group["kana"])
        t.wait_for("検索:" + group["kana"][:4])
        t.settle(group["name"][:6])
        w.press("Enter")                     # ends the search
        t.settle(group["name"][:6])
        w.press("Enter")                     # opens the group
        t.settle("関係者・団体: " + group["name"], "役職・所属")
        # Tab: 役職・所属 (however many members), エリア, 課題・取組
        for _ in range(3):
            w.press("Tab")
        s = t.settle("[%s] %s" % (status, title))
        w.press("Enter")
        s = t.settle("課題・取組: " + title, "状態: " + status)
        w.press("a")
        s = t.settle("経過記録を追加", "内容")
        lines = s.split("\n")
        first = next(i for i, l in enumerate(lines) if "経過記録を追加" in l and "┌" in l) + 2
        body = next(i for i, l in enumerate(lines) if re.search(r"│ ?\*?内容", l))
        if body - first < 1:                 # rows before 内容, where it starts
            fail("no rows above 内容", s)
        t.type(LOG)
        s = t.wait_for(LOG)
        if LOG not in s.split("\n")[body]:
            fail("the log text did not go into 内容", s)
        w.press("C-s")
        t.settle("課題・取組: " + title, LOG)
        w.press("H" if last else "L")
        t.wait_for("「%s」へ移しました" % dest)
        if w.count > MAX_KEYS:
            fail("the walkthrough took %d keys (at most %d)" % (w.count, MAX_KEYS))
        t.send("q", "q", "q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())
        task_rows = [r for r in t.cli_json("list", "tasks") if r.get("title") == title]
        if not any(r.get("status") == dest for r in task_rows):
            fail("the task was not moved to %s: %r" % (dest, task_rows))
        print("ok: %d keys" % w.count)


if __name__ == "__main__":
    main()
