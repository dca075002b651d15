"""The department matrix (X, issue 9 part 5) at 80x24: the key is on the
Areas pane's key bar and in help; the grid shows categories down and
departments across with counts by state, 住まい has 取組中 in one
department only (no overlap mark) and 産業 none (「◇空白」); moving to
住まい × 高齢支援課 and adding a 取組中 entry there through the cell page
changes the count and marks 住まい 「◆重複?」; editing it there (e) and
deleting it (d, asked first) takes the mark away again; the CLI agrees."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402


def row_of(screen, label):
    rows = [l for l in screen.split("\n") if l.startswith(label)]
    if not rows:
        fail("no row for %s" % label, screen)
    return rows[0]


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        housing = t.cli("add", "department", "--name", "住宅課").strip()
        t.cli("add", "department", "--name", "高齢支援課")
        t.cli("add", "department", "--name", "子ども・若者政策課")
        t.cli("add", "matrix", "--category", "住まい", "--department_id", housing,
              "--state", "取組中", "--text", "空き家の活用相談")
        t.cli("add", "matrix", "--category", "住まい", "--department_id", housing,
              "--state", "課題", "--text", "相談窓口が分かりにくい")
        t.start()
        find_hint(t, "X 一覧表", "全エリア")  # on the Areas pane's key bar
        t.send("X")
        s = t.wait_for("一覧表 (カテゴリー×庁内部局)", "住宅課", "高齢支援課", "◇空白")
        home = row_of(s, "住まい")
        if "取1 課1" not in home:
            fail("住まい × 住宅課 does not count 取1 課1", s)
        if "重複" in home or "空白" in home:
            fail("住まい is marked though one department has 取組中", s)
        if "◇空白" not in row_of(s, "産業"):
            fail("産業 (no 取組中 anywhere) is not marked as a gap", s)

        t.send("j", "j", "l")                # 住まい × 高齢支援課
        t.wait_for("住まい × 高齢支援課: 記入なし")
        t.send("Enter")
        t.wait_for("一覧表: 住まい × 高齢支援課", "取組中 (0 件)", "a 追加")
        t.send("a")
        t.wait_for("一覧表を追加", "区分", "取組中")
        t.send("Tab", "Tab")                 # 区分 (取組中) → エリア → 内容
        t.type("サービス付き高齢者向け住宅の案内")
        t.send("C-s")
        t.wait_for("取組中 (1 件)", "サービス付き高齢者向け住宅の案内", "全市")
        t.send("q")
        s = t.wait_for("住まい × 高齢支援課: 取1", "◆ 取組中: 住宅課・高齢支援課")
        home = row_of(s, "住まい")
        if "◆重複?" not in home:
            fail("住まい is not marked as a possible overlap after the add", s)
        if home.count("取1") != 2:
            fail("the new count is not on the 住まい row", s)

        # edit the entry in its cell, then delete it: the mark goes away
        t.send("Enter")
        t.wait_for("一覧表: 住まい × 高齢支援課", "取組中 (1 件)")
        t.send("e")
        t.wait_for("一覧表を編集", "サービス付き高齢者向け住宅の案内")
        t.send("Tab", "Tab", "Tab", "Tab", "End")   # カテゴリー 部局 区分 エリア → 内容
        t.type("(相談会あり)")
        t.send("C-s")
        t.wait_for("サービス付き高齢者向け住宅の案内(相談会あり)", "取組中 (1 件)")
        t.send("d")
        t.wait_for("を削除しますか")
        t.send("y")
        t.wait_for("取組中 (0 件)")
        t.send("q")
        s = t.wait_for("住まい × 高齢支援課: 記入なし")
        if "重複" in row_of(s, "住まい"):
            fail("住まい still marked after the entry was deleted", s)

        t.send("?")
        s = t.wait_for("ヘルプ")
        for _ in range(6):
            if "一覧表 (カテゴリー×庁内部局)" in s:
                break
            t.send("Space")
            s = t.settle("ヘルプ")
        if "一覧表 (カテゴリー×庁内部局)" not in s:
            fail("help does not describe X", s)
        t.send("q")
        t.send("q")                          # leaves the matrix
        t.wait_for("一覧表 (カテゴリー×庁内部局)", gone=True)
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())

        out = t.cli_json("matrix")
        home = [c for c in out if c["category"] == "住まい"][0]
        if home["overlap"] or home["active_departments"] != 1:
            fail("matrix --format json still sees an overlap: %r" % home)
        gone = t.cli("deleted", "matrix")
        if "サービス付き高齢者向け住宅の案内(相談会あり)" not in gone:
            fail("the deleted entry (as edited) is not among the deleted records:\n" + gone)


if __name__ == "__main__":
    main()
