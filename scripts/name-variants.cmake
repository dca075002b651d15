# Turns data/name_variants.tsv into a C table of code points, sorted by the
# variant, for the search key (src/text/textnorm.c).  The characters in the
# first two columns are for people; the build reads the hex columns.
file(STRINGS ${TSV} lines ENCODING UTF-8 REGEX "^[^#]")
set(rows "")
set(n 0)
foreach(line ${lines})
  if(NOT line MATCHES "\t([0-9A-F]+)\t([0-9A-F]+)$")
    message(FATAL_ERROR "name_variants.tsv: a line without two code points: ${line}")
  endif()
  string(APPEND rows "\t{0x${CMAKE_MATCH_1}, 0x${CMAKE_MATCH_2}},\n")
  math(EXPR n "${n} + 1")
endforeach()
file(WRITE ${OUT}.tmp "/* generated from data/name_variants.tsv by scripts/name-variants.cmake; do not edit */\n#include \"tsunagu/textnorm.h\"\nconst struct text_variant text_variants[] = {\n${rows}};\nconst size_t text_variants_count = ${n};\n")
file(RENAME ${OUT}.tmp ${OUT})
