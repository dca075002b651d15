"""Checks data/name_variants.tsv against Unicode's Unihan data: every pair
must be related there, by a variant field (kZVariant, kSemanticVariant,
kTraditionalVariant ...), by a variant they share, by kJinmeiyoKanji (the
人名用漢字 form of a 常用漢字), or by the same EACC position (EACC puts the
Japanese form of a character at the same place in another plane).
Prints each pair that is not, and exits 1 if there is one."""
import bz2
import re
import sys

UNIHAN = "/usr/share/unicode"


def fields(name):
    with bz2.open(f"{UNIHAN}/{name}.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            yield int(cp[2:], 16), field, value


def main(tsv):
    related, jinmeiyo, eacc = {}, {}, {}
    for cp, _field, value in fields("Unihan_Variants"):
        for other in re.findall(r"U\+([0-9A-F]+)", value):
            o = int(other, 16)
            related.setdefault(cp, set()).add(o)
            related.setdefault(o, set()).add(cp)
    for cp, field, value in fields("Unihan_OtherMappings"):
        if field == "kEACC":
            eacc[cp] = value[2:]
        elif field == "kJinmeiyoKanji":
            jinmeiyo.setdefault(cp, set()).update(
                int(o, 16) for o in re.findall(r"U\+([0-9A-F]+)", value))
    bad = 0
    pairs = 0
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            var, std, var_hex, std_hex = line.rstrip("\n").split("\t")
            a, b = int(var_hex, 16), int(std_hex, 16)
            pairs += 1
            if ord(var) != a or ord(std) != b:
                print(f"{line.strip()}: the code points are not those of the characters")
                bad += 1
                continue
            ok = (b in related.get(a, ()) or related.get(a, set()) & related.get(b, set())
                  or b in jinmeiyo.get(a, ()) or a in jinmeiyo.get(b, ())
                  or (a in eacc and eacc.get(a) == eacc.get(b)))
            if not ok:
                print(f"{var} → {std}: not related in Unihan")
                bad += 1
    print(f"{pairs} pairs, {bad} not related")
    return 1 if bad or pairs == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
