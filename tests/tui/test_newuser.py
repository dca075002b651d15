"""As a new user would (issue 3, "done when"): on the demo file, find a
group by typing part of its よみ in half-width katakana, open it, see its
members, open one of its tasks, add a log entry, move the task, quit,
reopen: everything is there.

The group is chosen from the demo data through the CLI (one with members
and a task), so the test follows changes to the demo generator."""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

LOG = "理事会で地域カルテの案を説明した"
STATUSES = ["未着手", "対応中", "保留", "完了"]


def halfwidth_katakana(s):
    """ひらがな/カタカナ -> ﾊﾝｶｸ (what a user types on an old keyboard)."""
    table = {}
    for cp in range(0xFF61, 0xFFA0):
        table[unicodedata.normalize("NFKC", chr(cp))] = chr(cp)
    out = []
    for ch in s:
        if "\u3041" <= ch <= "\u3096":
            ch = chr(ord(ch) + 0x60)          # hiragana -> katakana
        for part in unicodedata.normalize("NFD", ch):
            if part == "\u3099":
                out.append("\uFF9E")
            elif part == "\u309A":
                out.append("\uFF9F")
            else:
                out.append(table.get(part, part))
    return "".join(out)


def sections(text):
    """`show` output: {heading: [lines]} for the "■ heading" blocks."""
    out, cur = {}, None
    for line in text.split("\n"):
        if line.startswith("■ "):
            cur = line[2:].strip()
            out[cur] = []
        elif cur and line.startswith("  ") and line.strip():
            out[cur].append([f for f in line.strip().split("  ") if f])
    return out


def pick_group(t):
    for p in t.cli_json("list", "parties"):
        if p.get("kind") != "団体" or not p.get("kana"):
            continue
        sec = sections(t.cli("show", "party", p["id"]))
        members = [s for h, v in sec.items() if "役職" in h for s in v]
        tasks = [s for h, v in sec.items() if "課題" in h for s in v]
        if members and tasks and len(tasks[0]) >= 3 and tasks[0][1] in STATUSES:
            return p, members, tasks[0]
    fail("no group with members and a task in the demo data")


def open_group(t, group, kana, members, areas):
    t.send("Tab", "/")
    t.type(kana)
    t.wait_for(group["name"][:6])            # the pane may cut long names
    t.send("Enter", "Enter")
    t.wait_for("関係者・団体: " + group["name"], "役職・所属", members[0][1])
    # Tab jumps from section to section: members, areas, then tasks
    t.send("Tab", "Tab", "Tab")


def main():
    with Tui() as t:
        t.cli("init", "--demo")
        group, members, task = pick_group(t)
        title, status = task[2], task[1]
        areas = len([a for a in (group.get("areas") or "").split("、") if a])
        dest = STATUSES[STATUSES.index(status) + 1] if status in STATUSES[:2] \
            else STATUSES[STATUSES.index(status) - 1]
        key = "L" if status in STATUSES[:2] else "H"
        # all of its よみ, so that the group itself comes first
        kana = halfwidth_katakana(group["kana"])

        t.start()
        t.wait_for("全エリア")
        open_group(t, group, kana, members, areas)
        t.send("Enter")
        t.wait_for("課題・取組: " + title, "状態: " + status)
        t.send("n")
        t.wait_for("経過記録を追加")
        t.type(LOG)                               # the form starts on 内容
        t.send("C-s")
        t.wait_for(LOG)
        t.send(key)
        t.wait_for("「%s」へ移しました" % dest)
        t.send("g")                               # back to the top
        t.wait_for("状態: " + dest)
        t.send("q")
        t.wait_for("関係者・団体: " + group["name"])
        t.send("q")
        t.wait_for("課題ボード")
        t.send("q")
        t.wait_exit()

        # reopen: the same path shows the log entry and the new status
        t.tmux("kill-server")
        t.started = False
        t.start()
        t.wait_for("全エリア")
        open_group(t, group, kana, members, areas)
        t.wait_for("[%s] %s" % (dest, title))
        t.send("Enter")
        t.wait_for("状態: " + dest)
        t.send("G")                               # the log is at the bottom
        t.wait_for(LOG, "山田花子")
        t.send("q", "q", "q")
        t.wait_exit()
    print("ok")


if __name__ == "__main__":
    main()
