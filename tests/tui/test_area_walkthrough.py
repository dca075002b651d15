"""Issue 9's "Done when", walked as a new user would at 80x24 on the demo
data (`tsunagu --demo`), each key found on the screen where it is pressed:
choose 諏訪中学区 in the area pane (whose key bar leads with the area's
views), read its カルテ and add a 地域資源 item, read its aging-rate
heatmap, record an エリアミーティング with attendance by generation and see
the area's generation summary grow by those counts, find who could help a
task needing 「見守り」 (the card's status line says s) and link the best
one, see the matrix's overlaps (◆重複?) and gaps (◇空白), move a 地域要望
to 部局照会中 and later record the department's answer (回答済).  After
each step the command line (--format json) on the same file agrees."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, select_area  # noqa: E402

TODAY = "2026-11-25"
AREA = "諏訪中学区"
RESOURCE = "諏訪の朝市"
RESOURCE_TEXT = "毎月第2土曜、商店会の駐車場で開く。"
MEETING = "諏訪エリアミーティング「冬の見守り」"
COUNTS = [("子ども", 12), ("若者", 8), ("現役・子育て", 20), ("シニア", 15)]
TASK = "諏訪 団地の見守り体制づくり"
REQUEST = "諏訪公園の草刈り要望を道路交通課へ"
ANSWER = "草刈りを来月の定期作業に加えます"


def bottom(s):
    """The key bar (the last line with text)."""
    return [l for l in s.split("\n") if l.strip()][-1]


def gen_totals(t):
    """Counts by generation for the area this fiscal year, by the CLI."""
    rows = t.cli_json("generations", "--area", AREA)
    return {r["generation"]: r["count"] for r in rows}


def karte(t):
    s = t.settle("エリア: " + AREA)
    if "K カルテ" not in bottom(s):
        fail("the area pane's first key bar page does not show K カルテ", s)
    t.send("K")
    s = t.settle("地域カルテ: " + AREA, "基礎データ", "地域資源", "高齢化率")
    t.send("Tab")                        # to the 地域資源 section
    t.settle("地域カルテ: " + AREA)
    if "a 追加" not in bottom(s):
        fail("the karte's key bar does not show a 追加", s)
    t.send("a")
    t.settle("地域カルテを追加", "地域資源")
    t.type(RESOURCE)                     # the form starts on 見出し
    t.send("Tab")
    t.type(RESOURCE_TEXT)
    t.send("C-s")
    s = t.settle("地域カルテ: " + AREA, "保存しました", RESOURCE)
    items = t.cli_json("karte", AREA)
    found = "%s" % items
    if RESOURCE not in found or RESOURCE_TEXT not in found:
        fail("karte --format json lacks the new 地域資源 item:\n" + found[:2000])
    # the heatmap from the karte
    find_hint(t, "A 高齢化率", "地域カルテ: " + AREA)
    t.send("A")
    s = t.settle("高齢化率: " + AREA, "市平均", "諏訪1丁目")
    if not re.search(r"諏訪1丁目\s+\d+\.\d%", s):
        fail("the heatmap shows no rate for 諏訪1丁目", s)
    heat = t.cli_json("heatmap", "--area", AREA)
    if not any("諏訪1丁目" in ("%s" % r) for r in heat):
        fail("heatmap --format json lacks 諏訪1丁目: %r" % heat[:3])
    t.send("q")
    t.settle("地域カルテ: " + AREA)
    t.send("q")
    t.settle("エリア: " + AREA)


def meeting(t):
    before = gen_totals(t)
    find_hint(t, "W 世代別", "エリア: " + AREA)
    t.send("W")
    s = t.settle("世代別の参加: " + AREA, "合計")
    t.send("q")
    find_hint(t, "v 行事", "エリア: " + AREA)
    t.send("v")
    s = t.settle("行事", AREA, "a 追加")
    t.send("a")
    t.settle("行事を追加", "名称")
    t.type(MEETING)
    t.send("Tab")                        # 種別: Enter opens its choices
    t.settle("種別", "Enter で選択")
    t.send("Enter")
    t.settle("エリアミーティング", "文字で絞込")
    t.type("エリア")
    t.send("Enter")
    s = t.settle("行事を追加", "エリアミーティング")
    t.send("C-s")
    for gen, n in COUNTS:                # the counts are asked one by one
        t.settle(gen + " の参加者数")
        t.type(str(n))
        t.send("Enter")
    total = sum(n for _, n in COUNTS)
    s = t.settle("世代別の参加者数を保存しました (合計 %d 人)" % total)
    row = [l for l in s.split("\n") if TODAY in l and "エリアミーティング" in l]
    if not row or not row[0].rstrip().endswith(str(total)):
        fail("the new meeting's row with its attendance is not in the list", s)
    t.send("q")
    t.settle("エリア: " + AREA)
    t.send("W")
    s = t.settle("世代別の参加: " + AREA, "合計")
    after = gen_totals(t)
    for gen, n in COUNTS:
        if after.get(gen) != before.get(gen, 0) + n:
            fail("generations --format json: %s went %r -> %r, not +%d"
                 % (gen, before.get(gen), after.get(gen), n))
        line = [l for l in s.split("\n") if l.strip().startswith(gen + " ")]
        if not line or line[0].split()[1] != str(after[gen]):
            fail("the summary's %s row does not show %d" % (gen, after[gen]), s)
    t.send("q")
    t.settle("エリア: " + AREA)


def helpers(t, task_id):
    want = t.cli_json("suggest", task_id)
    if not want:
        fail("suggest finds nobody for %s" % TASK)
    first = want[0]["name"]
    t.send("Tab", "Tab")
    t.settle("[課題ボード")
    t.send("/")
    t.type("団地の見守り")
    t.send("Enter")
    s = t.settle("検索:団地の見守り", "ニーズ 見守り (s で候補)")
    t.send("s")
    s = t.settle("候補: " + TASK, "(ニーズ: 見守り)", "p つなぐ")
    t.send("p")
    s = t.settle("をつなぎました")
    if "「%s」に「%s」をつなぎました" % (TASK, first) not in s:
        fail("linking from the suggestions did not link %s" % first, s)
    again = t.cli_json("suggest", task_id)
    if not [r for r in again if r["name"] == first and r.get("linked")]:
        fail("suggest --format json does not show %s as linked: %r" % (first, again[:3]))
    if first not in t.cli("show", "task", task_id):
        fail("the task does not list %s" % first)


def to_areas(t):
    """Tab round to the area pane, where the area's views are keyed."""
    s = t.settle("エリア: " + AREA)
    for _ in range(4):
        if "[エリア]" in s:
            return s
        t.send("Tab")
        s = t.settle("エリア: " + AREA)
    fail("Tab never reaches the area pane", s)


def matrix(t):
    to_areas(t)
    find_hint(t, "X 一覧表", "[エリア]")
    t.send("X")
    s = t.settle("一覧表", "◆重複?", "◇空白")
    if "取組中が2部局以上" not in s or "どの部局も取組中なし" not in s:
        fail("the matrix does not explain its marks", s)
    cells = t.cli_json("matrix", "--area", AREA)
    if not cells:
        fail("matrix --format json is empty for " + AREA)
    t.send("q")
    t.settle("[エリア]")


def request_state(t, rid):
    rows = t.cli_json("list", "requests", "--area", AREA)
    for r in rows:
        if r["id"] == rid:
            return r["state"]
    return None


def requests(t, rid):
    find_hint(t, "o 要望", "[エリア]")
    t.send("o")
    s = t.settle("回答待ちの地域要望", "O 要望を進める")
    lines = s.split("\n")
    head = [i for i, l in enumerate(lines) if l.strip().startswith("件名")]
    rows = []
    for l in lines[head[0] + 1:] if head else []:
        if not l.strip():
            break
        if not l.strip().startswith("■"):   # department headings are skipped
            rows.append(l)
    at = [i for i, l in enumerate(rows) if REQUEST in l and "受付" in l]
    if not at:
        fail("%s is not listed as 受付 under its department" % REQUEST, s)
    for _ in range(at[0]):               # the cursor starts on the first request
        t.send("j")
    t.send("O")
    s = t.settle("要望を「部局照会中」にしました")
    if request_state(t, rid) != "部局照会中":
        fail("list requests --format json: not 部局照会中 after O")
    t.send("O")                          # later: the department answered
    t.settle("部局の回答:")
    t.type(ANSWER)
    t.send("Enter")
    s = t.settle("要望を「回答済」にしました")
    if request_state(t, rid) != "回答済":
        fail("list requests --format json: not 回答済 after the answer")
    out = t.cli("show", "task", rid)
    if "部局の回答: " + ANSWER not in out:
        fail("the request does not keep the answer:\n" + out)
    t.send("q")
    t.settle("[エリア]")


def main():
    with Tui(cols=80, rows=24, env={"TSUNAGU_NOW": TODAY + "T09:00:00"}) as t:
        t.start("--demo")
        select_area(t, AREA)
        t.db = os.path.join(t.env["XDG_DATA_HOME"], "tsunagu", "demo.db")
        tasks = t.cli_json("list", "tasks", "--area", AREA)
        task = [r["id"] for r in tasks if r["title"] == TASK]
        req = [r["id"] for r in t.cli_json("list", "requests", "--area", AREA)
               if r["title"] == REQUEST and r["state"] == "受付"]
        if not task or "ニーズ: 見守り" not in t.cli("show", "task", task[0]):
            fail("the demo has no open task %s needing 見守り" % TASK)
        if len(req) != 1:
            fail("the demo has no single 受付 request %s" % REQUEST)
        karte(t)
        meeting(t)
        helpers(t, task[0])
        matrix(t)
        requests(t, req[0])
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())
    print("ok")


if __name__ == "__main__":
    main()
