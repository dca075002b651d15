# roundtrip KIND FILE: the file's items imported into one new file, exported,
# and the export read into another new file twice: all new the first time,
# nothing added or changed the second.  Needs common.bash (run, expect_*).
roundtrip() {
	rm -f "$WORK/a.db" "$WORK/b.db"
	"$T" init -d "$WORK/a.db" >/dev/null 2>&1
	"$T" init -d "$WORK/b.db" >/dev/null 2>&1
	"$T" import "$1" "$2" -d "$WORK/a.db" >/dev/null
	"$T" export "$1" -o "$WORK/rt.out" --force -d "$WORK/a.db" >/dev/null
	run "$T" import "$1" "$WORK/rt.out" -d "$WORK/b.db"
	expect_out_has "更新 0 件、変更なし 0 件" "$(basename "$2"): all new in a fresh file"
	first=$(grep -o '新規 [0-9]* 件' <<<"$OUT")
	run "$T" import "$1" "$WORK/rt.out" -d "$WORK/b.db"
	expect_out_has "新規 0 件、更新 0 件、変更なし ${first#新規 }" "$(basename "$2"): nothing added the second time"
}
