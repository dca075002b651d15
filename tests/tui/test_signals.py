"""The text handed to $EDITOR lives in a private folder (0700) that is
removed when the program is stopped by SIGTERM while the editor is open
(issue 14 item 6): the editor here notes where the file is, then sends
SIGTERM to tsunagu, as a shutdown or a closed session would."""
import os
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TASK = "見守り活動の立ち上げ"
BODY = "自宅を訪問。見守りについて相談。"


def write_editor(tmp, record):
    """An $EDITOR that writes down its file and the folder's mode, then
    stops tsunagu (found by walking up from its own parent)."""
    path = os.path.join(tmp, "killing-editor")
    with open(path, "w", encoding="utf-8") as f:
        f.write("""#!/bin/sh
printf '%%s\\n' "$1" > %(rec)s
stat -c %%a "$(dirname "$1")" >> %(rec)s
p=$PPID
while [ "$p" -gt 1 ] && [ "$(cat /proc/$p/comm)" != tsunagu ]; do
    p=$(cut -d' ' -f4 /proc/$p/stat)
done
kill -TERM "$p"
sleep 5
""" % {"rec": record})
    os.chmod(path, stat.S_IRWXU)
    return path


def main():
    with Tui() as t:
        record = os.path.join(t.tmp, "editor-saw")
        t.env["EDITOR"] = write_editor(t.tmp, record)
        t.env.pop("VISUAL", None)
        t.env["TMPDIR"] = t.tmp
        t.cli("init")
        t.cli("add", "task", "--title", TASK, "--body", BODY, "--assignee", "山田花子")
        t.start()
        t.wait_for("全エリア")
        t.send("m")
        t.wait_for("私の担当課題", TASK)
        t.send("E")
        deadline = time.time() + 10
        while time.time() < deadline:
            if os.path.exists(record) and len(open(record).read().split()) >= 2:
                break
            time.sleep(0.05)
        else:
            fail("the editor was not started")
        time.sleep(0.5)
        path, mode = open(record, encoding="utf-8").read().split()[:2]
        if mode != "700":
            fail("the editor's folder has mode %s, not 700" % mode)
        deadline = time.time() + 10
        while time.time() < deadline and os.path.exists(os.path.dirname(path)):
            time.sleep(0.05)
        if os.path.exists(path):
            fail("the text of the case is still on disk after SIGTERM: %s" % path)
        if os.path.exists(os.path.dirname(path)):
            fail("the private folder is still there after SIGTERM")
        left = [n for n in os.listdir(t.tmp) if n.startswith((".tsunagu-", "tsunagu-"))]
        if left:
            fail("temporary files left: %s" % left)
    print("ok: the editor's file is removed on SIGTERM")


if __name__ == "__main__":
    main()
