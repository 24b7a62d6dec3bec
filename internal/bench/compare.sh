#!/usr/bin/env bash
# Compares this library with R's data.table on the same analysis of the
# same generated files: read observations.csv (ours with every check),
# then the change of every market over 2011-2025 and the gross additions
# of each year. Generates the data if missing, runs each side RUNS times
# (alternating) under /usr/bin/time -v, checks that the two outputs agree
# number for number, and prints one table of medians.
#
#   internal/bench/compare.sh [ROWS] [RUNS]     (default 10000000 rows, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-10000000}
runs=${2:-3}
dir=internal/bench/data/$rows
out=internal/bench/data/out-$rows
mkdir -p "$out"

if [ ! -f "$dir/observations.csv" ]; then
	echo "generating $dir" >&2
	go run ./internal/cmd/genlarge -rows "$rows" -seed 1 -out "$dir"
fi
go build -o "$out/analyse" ./internal/bench/analyse
Rscript -e 'suppressPackageStartupMessages(library(data.table))' # fail early without it
cat "$dir"/*.csv >/dev/null # both read from the page cache

# seconds and max RSS (KB) from a /usr/bin/time -v report
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
maxrss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for i in $(seq "$runs"); do
	/usr/bin/time -v "$out/analyse" -dir "$dir" >"$out/go.txt" 2>"$out/go-time-$i.txt"
	/usr/bin/time -v Rscript internal/bench/peer.R "$dir" >"$out/r.txt" 2>"$out/r-time-$i.txt"
	if ! diff "$out/go.txt" "$out/r.txt" >"$out/diff.txt"; then
		echo "the results differ:" >&2
		cat "$out/diff.txt" >&2
		exit 1
	fi
done

go_s=$(for i in $(seq "$runs"); do elapsed "$out/go-time-$i.txt"; done | median)
r_s=$(for i in $(seq "$runs"); do elapsed "$out/r-time-$i.txt"; done | median)
go_kb=$(for i in $(seq "$runs"); do maxrss "$out/go-time-$i.txt"; done | sort -n | tail -1)
r_kb=$(for i in $(seq "$runs"); do maxrss "$out/r-time-$i.txt"; done | sort -n | tail -1)
size=$(stat -c %s "$dir/observations.csv")

echo "results agree: $(head -n 1 "$out/go.txt"), $(sed -n 2p "$out/go.txt")"
printf '%-10s %-8s %-12s %-12s %-12s %-15s %-15s %-14s\n' rows runs "ours (s)" "data.table" "ratio" "ours max RSS" "R max RSS" "file size"
awk -v rows="$rows" -v runs="$runs" -v g="$go_s" -v r="$r_s" -v gk="$go_kb" -v rk="$r_kb" -v sz="$size" 'BEGIN {
	printf "%-10d %-8d %-12.2f %-12.2f %-12s %-15s %-15s %-14s\n", rows, runs, g, r, sprintf("%.2fx", r / g),
		sprintf("%.0f MB", gk * 1024 / 1e6), sprintf("%.0f MB", rk * 1024 / 1e6), sprintf("%.0f MB", sz / 1e6)
}'
