"""Merging in the app: `:merge FILE` brings a laptop's copy in and says how
many conflicts it left; the conflicts screen (c, shown on the key bar and
in help) lists the phone both sides changed with both values; choosing the
other value makes it current, and the choice is seen from the CLI."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

NAME = "諏訪見守りネット"


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init")
        pid = t.cli("add", "party", "--name", NAME, "--kind", "org", "--phone",
                    "042-000-0000").strip()
        laptop = os.path.join(t.tmp, "laptop.db")
        shutil.copy(t.db, laptop)
        env = dict(t.env, TSUNAGU_USER="佐藤 花子", TSUNAGU_NOW="2026-11-20T09:00:00")
        subprocess.run([t.bin, "edit", "party", pid, "--phone", "042-111-1111", "-d", laptop],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        t.cli("edit", "party", pid, "--phone", "042-222-2222")

        t.start()
        find_hint(t, "c 競合", "全エリア")  # the conflicts key is on the key bar
        t.send(":")
        t.type("merge " + laptop)
        t.send("Enter")
        t.wait_for("マージしました", "競合 1 件")
        t.send("q")                      # close the summary
        t.wait_for("c で確認")

        t.send("c")
        s = t.wait_for("競合 1 件", NAME, "042-222-2222", "042-111-1111")
        t.send("Enter")
        t.wait_for("どちらの値を残しますか", "今の値を残す", "もう一方にする: 042-111-1111")
        t.send("Down")
        t.send("Enter")
        t.wait_for("もう一方の値にしました")

        out = t.cli("show", "party", pid)
        if "電話: 042-111-1111" not in out:
            fail("the chosen value is not current:\n" + out)
        if "未確認の競合はありません" not in subprocess.run(
                [t.bin, "conflicts", "-d", t.db], env=t.env, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, universal_newlines=True).stderr:
            fail("the conflict is still open")
        t.send("c")
        t.wait_for("未確認の競合はありません")
        t.send("?")
        t.wait_for("マージで残らなかった値")
        t.send("q")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
