# The peer of internal/bench/analyse in R's data.table, for internal/bench/compare.sh: the
# same analysis of the same files, printed in the same format.
#
#   Rscript internal/bench/peer.R internal/bench/data/10000000
#
# Definitions, as package stats computes them (window 2011-2025):
#   A market's annual value A(y) is its latest observation with year <= y.
#   Dates sort as text: 2024 < 2024-05 < 2024-05-17 < 2025.
#   Baseline: the latest observation before the window or, if none, the
#   earliest in the window's first year; End: the latest inside the window.
#   A market with no baseline or no observation in the window is missing.
#   Path: v0 = baseline, v_y = A(y) for each year of the window; a year's
#   additions (reductions) sum each market's increase (decrease) from the
#   year before. Net = sum of End - Baseline. Status with zero tolerance.
# No checking of the data: data.table reads what it is given.
suppressPackageStartupMessages(library(data.table))
setDTthreads(0L) # every core

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0L) args[[1L]] else "internal/bench/data/1000000"
from <- 2011L
to <- 2025L

markets <- fread(file.path(dir, "markets.csv"), select = "id",
                 colClasses = list(character = "id"))
obs <- fread(file.path(dir, "observations.csv"),
             select = c("market_id", "date", "stall_area_m2"),
             colClasses = list(character = c("market_id", "date"), numeric = "stall_area_m2"))
obs[, year := as.integer(substr(date, 1L, 4L))]
setorder(obs, market_id, date) # C locale: the order of dates above

# The first and last observation of each market in each year.
ly <- obs[, .(first = first(stall_area_m2), last = last(stall_area_m2)), by = .(market_id, year)]
setkey(ly, market_id, year)

inside <- ly[year >= from & year <= to, .(n = .N), by = market_id]
before <- ly[year < from, .(base = last(last)), by = market_id]
opening <- ly[year == from, .(base = first), by = market_id]
base <- rbind(before, opening[!before, on = "market_id"])
covered <- base[inside, on = "market_id", nomatch = NULL][, .(market_id, base)]

# The annual values of every covered market, each year of the window.
grid <- CJ(market_id = covered$market_id, year = from:to)
grid[, v := ly[grid, last, on = .(market_id, year), roll = TRUE]]
grid[covered, base := i.base, on = "market_id"]
grid[, prev := shift(v, fill = NA_real_), by = market_id]
grid[year == from, prev := base]
grid[, d := v - prev]
years <- grid[, .(additions = sum(pmax(d, 0)), reductions = sum(pmax(-d, 0))), keyby = year]

ends <- grid[year == to, .(base, end = v)]
ends[, change := end - base]
ends[, status := fcase(base > 0 & end == 0, "closed",
                       base == 0 & end > 0, "opened",
                       change == 0, "unchanged",
                       change > 0, "grew",
                       default = "declined")]
count <- function(s) sum(ends$status == s)

cat(sprintf("rows %d\n", nrow(obs)))
cat(sprintf("markets %d missing %d\n", nrow(covered), nrow(markets) - nrow(covered)))
cat(sprintf("status opened %d grew %d unchanged %d declined %d closed %d\n",
            count("opened"), count("grew"), count("unchanged"), count("declined"), count("closed")))
cat(sprintf("net %.2f\n", sum(ends$change)))
cat(sprintf("year %d additions %.2f reductions %.2f\n", years$year, years$additions, years$reductions), sep = "")
