# The jq peer: the AIJRI formula of METHODOLOGY.md over each input file, in binary floating
# point, one line per file: path, AIJRI (one decimal, half up), label -- like bench/score.py.
# Run it the way bench/run.py does (one jq process per ~128 KiB of paths, in path order):
#   find CORPUS -name '*.json' -print0 | sort -z | xargs -0 jq -r -f bench/score.jq
(.tasks | map(.time_pct / 100 * .score) | add) as $w
| ([.evidence[].score] | add) as $e
| ([.barriers[].score] | add) as $b
| .growth_correlation.score as $g
| ((6 - $w) * (1 + 0.04 * $e) * (1 + 0.02 * $b) * (1 + 0.05 * $g)) as $raw
# tenths of the published AIJRI: half up (the epsilon absorbs float error at exact ties), 0..1000
| (($raw - 0.54) / 7.93 * 1000 + 0.5 + 1e-9 | floor
   | if . > 1000 then 1000 elif . < 0 then 0 else . end) as $tenths
| (if $tenths >= 480 then
     "Green (" + (if $g == 2 then "Accelerated"
                  elif ([.tasks[] | select(.score >= 3) | .time_pct] | add // 0) >= 20 then "Transforming"
                  else "Stable" end) + ")"
   elif $tenths >= 250 then "Yellow"
   else "Red" end) as $lbl
| [input_filename, "\($tenths / 10 | floor).\($tenths % 10)", $lbl]
| @tsv
