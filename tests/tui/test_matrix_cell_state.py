"""In a cell of the department matrix (X, Enter) every empty state says
「記入なし — a で追加」; a on that line under 既往データ (or 課題) starts
the form with that state, not with 取組中: before, the record went under
取組中, marking the category 「◆重複?」 for a mere past record.  A on an
entry likewise takes the state of its heading; on the grid a still starts
with 取組中."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok  # noqa: E402


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        housing = t.cli("add", "department", "--name", "住宅課").strip()
        t.cli("add", "matrix", "--category", "健康・福祉", "--department_id", housing,
              "--state", "課題", "--text", "相談窓口が分かりにくい")
        t.start()
        find_hint(t, "X 一覧表", "全エリア")
        t.send("X")
        t.settle("一覧表 (カテゴリー×庁内部局)", "健康・福祉 × 住宅課: 課1")
        t.send("Enter")
        t.settle("一覧表: 健康・福祉 × 住宅課", "既往データ (0 件)")
        t.send("j", "j")                      # 取組中's line, 検討中's -> 既往データ's
        t.send("a")
        s = t.settle("一覧表を追加", "区分")
        if "区分   既往データ" not in s:
            fail("a under 既往データ does not start with 既往データ", s)
        t.send("Tab", "Tab")                  # 区分 -> エリア -> 内容
        t.type("平成30年度の高齢者実態調査")
        t.send("C-s")
        s = t.settle("既往データ (1 件)", "平成30年度の高齢者実態調査")
        if "取組中 (0 件)" not in s:
            fail("the past record went under 取組中", s)
        t.send("G")                           # the 課題 entry, then 意見・考え方's line
        t.send("k")
        t.send("a")
        s = t.settle("一覧表を追加", "区分")
        if "区分   課題" not in s:
            fail("a on a 課題 entry does not start with 課題", s)
        t.send("Escape")
        t.settle("健康・福祉 × 住宅課")
        t.send("q")
        t.settle("健康・福祉 × 住宅課: 既1 課1")
        t.send("a")
        s = t.settle("一覧表を追加", "区分")
        if "区分   取組中" not in s:
            fail("a on the grid does not start with 取組中", s)
        t.send("Escape")
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()
