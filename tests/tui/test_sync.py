"""Sync in the app (issue 8): S, on the key bar and in help, syncs through
the folder of the settings (sync_dir).  Without one it says which setting to
write and where; with one it brings in a record another copy wrote into the
folder, says so on the status line with the number of new conflicts, and
leaves the app's own change file (0600) in the folder."""
import os
import shutil
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

NAME = "永山見守りネット"


def main():
    with Tui(cols=140, rows=30) as t:
        t.cli("init")
        pid = t.cli("add", "party", "--name", "鈴木一郎", "--kind", "person",
                    "--phone", "042-000-0000").strip()
        folder = os.path.join(t.tmp, "共有")
        os.makedirs(folder)
        other = os.path.join(t.tmp, "other.db")
        shutil.copy(t.db, other)  # a copy: a replica of its own
        env = dict(t.env, TSUNAGU_USER="佐藤 花子")
        for args in (["add", "party", "--name", NAME, "--kind", "org"],
                     ["edit", "party", pid, "--phone", "042-111-1111"],
                     ["sync", folder]):
            subprocess.run([t.bin] + args + ["-d", other], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        t.cli("edit", "party", pid, "--phone", "042-222-2222")

        t.start()
        find_hint(t, "S 同期", "全エリア")  # the key is on the key bar
        t.send("S")
        s = t.wait_for("同期フォルダが決まっていません", "sync_dir=")
        conf = os.path.join(t.env["XDG_CONFIG_HOME"], "tsunagu", "config")
        if conf not in s.replace("\n", ""):
            fail("the settings file is not named", s)

        os.makedirs(os.path.dirname(conf), exist_ok=True)
        with open(conf, "w", encoding="utf-8") as f:
            f.write("sync_dir=%s\n" % folder)
        t.send("S")
        t.wait_for("同期しました", "受信 2 件", "新しい競合 1 件")
        t.send("Tab")
        t.wait_for(NAME)
        own = [n for n in os.listdir(folder) if n.endswith(".tsunagu-changes")]
        if len(own) != 2:
            fail("want two change files in the folder, got %r" % own)
        for n in own:
            if stat.S_IMODE(os.stat(os.path.join(folder, n)).st_mode) != 0o600:
                fail("change file %s is not 0600" % n)
        t.send("S")
        t.wait_for("同期済みです")
        t.send("?")
        t.wait_for("ヘルプ")
        t.send("Space")
        t.wait_for("共有フォルダ (設定 sync_dir)")
        t.send("q")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status")
        out = t.cli("show", "party", pid)
        if "042-222-2222" not in out:  # the later edit wins
            fail("the later phone is not current:\n" + out)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
