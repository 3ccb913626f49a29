#!/usr/bin/env bash
# proverif/run.sh -- run every ProVerif entry model in this folder and compare each query's result
# with proverif/expected.tsv.
#
#   proverif/run.sh              run all models (2 in parallel)
#   proverif/run.sh secure_psk   run only the named model(s) (file name with or without .pv)
#
# Environment: PROVERIF     path of the proverif binary (default: `proverif` on PATH)
#              JOBS         models run in parallel (default 2)
#              KEEP_OUT     if set, a directory where the full ProVerif outputs are kept
#              PV_DIR       folder holding the models, rosenpass.pvl and expected.tsv (default: this
#                           script's folder; mutate.py runs ProVerif in mutated copies itself)
#              PV_TIMEOUT   CPU seconds one model may use (default 600: the budget of 10 min; CPU time,
#                           not wall-clock time, so that a machine loaded by other work does not fail
#                           a model; a wall-clock guard of 6 x PV_TIMEOUT stops a model that hangs)
#              PV_MAX_KIB   peak resident memory one model may use, KiB (default 2097152 = 2 GiB)
#
# Exit status: 0 when every query gave its expected result, or when ProVerif is not installed (then
# the last line is `SKIPPED: N queries in M models NOT checked`); 1 on any mismatch, on a model whose
# number of queries differs from its lines in expected.tsv, on a query missing from expected.tsv or
# present there but not in a model, when a model exceeds its time or memory budget, or when ProVerif
# fails on a model.
#
# Each model marks every query with a comment `(* @id NAME ... *)` placed before it; ProVerif prints
# one `RESULT` line per query in the order of the file, which is how results are matched to ids.
# ProVerif's RESULT forms (2.05):
#   RESULT <query> is true.            RESULT <query> is false.          RESULT <query> cannot be proved.
#   RESULT Observational equivalence is true.  (... is false. / ... cannot be proved.)
# and, after an injective query that is not proved, one extra line restating its non-injective form:
#   RESULT (even <non-injective query> is false.)     RESULT (but <non-injective query> is true.)
#   RESULT (even ... cannot be proved.)
# The extra lines are not queries of their own: they are attached to the query before them and shown
# in the table as e.g. `false (non-inj true)`; only the main result is compared with expected.tsv.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${PV_DIR:-$here}"
lib="$dir/rosenpass.pvl"
expected="$dir/expected.tsv"
jobs="${JOBS:-2}"
timeout_s="${PV_TIMEOUT:-600}"
max_kib="${PV_MAX_KIB:-2097152}"

# Models to run.
models=()
if [ "$#" -gt 0 ]; then
  for m in "$@"; do models+=("$(basename "${m%.pv}")"); done
else
  for f in "$dir"/*.pv; do models+=("$(basename "${f%.pv}")"); done
fi

pv="${PROVERIF:-}"
if [ -z "$pv" ]; then pv="$(command -v proverif 2>/dev/null || true)"; fi
if [ -z "$pv" ] || [ ! -x "$pv" ]; then
  nq=0
  for m in "${models[@]}"; do
    nq=$((nq + $(awk -F '\t' -v m="$m" '!/^#/ && $1 == m' "$expected" | wc -l)))
  done
  echo "proverif/run.sh: ProVerif was not found (not on PATH and \$PROVERIF not set)."
  echo "Install ProVerif 2.05 (https://bblanche.gitlabpages.inria.fr/proverif/) and put it on PATH,"
  echo "or set PROVERIF=/path/to/proverif, to check the models."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "SKIPPED: $nq queries in ${#models[@]} models NOT checked (proverif not found)"
  exit 0
fi

version="$("$pv" -help 2>&1 | head -n 1)"
echo "Using $pv: $version"
case "$version" in
  *"Proverif 2.05"*) ;;
  *) echo "WARNING: the expected results were recorded with ProVerif 2.05" ;;
esac

timer=""
if [ -x /usr/bin/time ]; then timer=/usr/bin/time; fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs one model; writes $work/$1.out (ProVerif's output), .rc, .sec (wall seconds), .kib (peak RSS).
run_model() {
  local m="$1" start end
  start="$(date +%s.%N)"
  if [ -n "$timer" ]; then
    ( cd "$dir" && ulimit -t "$timeout_s" && "$timer" -f '%M %U %S' -o "$work/$m.kib" timeout "$((timeout_s * 6))" nice "$pv" -lib "$lib" "$m.pv" ) > "$work/$m.out" 2>&1
  else
    ( cd "$dir" && ulimit -t "$timeout_s" && timeout "$((timeout_s * 6))" nice "$pv" -lib "$lib" "$m.pv" ) > "$work/$m.out" 2>&1
  fi
  echo "$?" > "$work/$m.rc"
  end="$(date +%s.%N)"
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }' > "$work/$m.sec"
  # /usr/bin/time writes "Command exited with non-zero status N" (or the signal) before the figures.
  if [ -f "$work/$m.kib" ]; then
    grep -q 'signal\|status' "$work/$m.kib" && echo "$(head -n 1 "$work/$m.kib")" > "$work/$m.why"
    tail -n 1 "$work/$m.kib" | awk -v k="$work/$m.kib.1" -v c="$work/$m.cpu" '{ print $1 > k; printf "%.1f\n", $2 + $3 > c }'
    mv "$work/$m.kib.1" "$work/$m.kib"
  fi
}

for m in "${models[@]}"; do
  if [ ! -f "$dir/$m.pv" ]; then echo "no such model: $m.pv"; exit 1; fi
done
running=0
for m in "${models[@]}"; do
  run_model "$m" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n 2>/dev/null || wait; running=$((running - 1)); fi
done
wait

if [ -n "${KEEP_OUT:-}" ]; then mkdir -p "$KEEP_OUT" && cp "$work"/*.out "$KEEP_OUT"/; fi

# The results of one output, one line per query: main result, then the restated non-injective form if any.
results_of() {
  awk '
    /^RESULT \((even|but) / {
      r = $0
      if (r ~ /is true\.\)$/) x = "true"; else if (r ~ /is false\.\)$/) x = "false";
      else if (r ~ /cannot be proved\.\)$/) x = "cannot-be-proved"; else x = "unparsed";
      if (n > 0) extra[n] = x
      next
    }
    /^RESULT / {
      r = $0; n++
      if (r ~ / is true\.$/) res[n] = "true"; else if (r ~ / is false\.$/) res[n] = "false";
      else if (r ~ / cannot be proved\.$/) res[n] = "cannot-be-proved"; else res[n] = "unparsed";
    }
    END { for (i = 1; i <= n; i++) print res[i] "\t" (i in extra ? extra[i] : "") }' "$1"
}

fail=0
rows="$work/rows.tsv"
summary="$work/summary.tsv"
: > "$rows"; : > "$summary"
for m in "${models[@]}"; do
  out="$work/$m.out"; secs="$(cat "$work/$m.sec")"; rc="$(cat "$work/$m.rc")"
  kib="$(cat "$work/$m.kib" 2>/dev/null || echo "")"
  cpu="$(cat "$work/$m.cpu" 2>/dev/null || echo "-")"
  mib="-"; [[ "$kib" =~ ^[0-9]+$ ]] && mib="$((kib / 1024))"
  mapfile -t ids < <(grep -oE '\(\* @id [A-Za-z0-9_.-]+' "$dir/$m.pv" | awk '{print $3}')
  mapfile -t results < <(results_of "$out")
  mapfile -t exp_ids < <(awk -F '\t' -v m="$m" '!/^#/ && $1 == m { print $2 }' "$expected")
  mstatus="ok"
  if [ "$rc" = "124" ] || [ "$rc" = "137" ] || [ "$rc" = "152" ]; then
    echo "ERROR: $m.pv exceeded its time budget (${timeout_s} CPU seconds, or $((timeout_s * 6)) s wall-clock) $(cat "$work/$m.why" 2>/dev/null)"
    fail=1; mstatus="TIMEOUT"
  elif [ "$rc" != "0" ] || grep -q '^Error' "$out"; then
    echo "ERROR: proverif failed on $m.pv (exit $rc):"; grep -m 5 -B 2 'Error' "$out" | sed 's/^/  /'
    fail=1; mstatus="ERROR"
  fi
  if [[ "$kib" =~ ^[0-9]+$ ]] && [ "$kib" -gt "$max_kib" ]; then
    echo "ERROR: $m.pv used ${mib} MiB, over its budget of $((max_kib / 1024)) MiB"; fail=1; mstatus="OVER-MEMORY"
  fi
  if [ "${#ids[@]}" -ne "${#exp_ids[@]}" ]; then
    echo "ERROR: $m.pv has ${#ids[@]} queries (@id markers) but expected.tsv lists ${#exp_ids[@]} for it"
    fail=1; mstatus="QUERY-COUNT"
  fi
  if [ "${#ids[@]}" -ne "${#results[@]}" ]; then
    echo "ERROR: $m.pv has ${#ids[@]} @id markers but ProVerif printed ${#results[@]} results"
    fail=1; mstatus="QUERY-COUNT"
  fi
  n=${#ids[@]}; [ "${#results[@]}" -gt "$n" ] && n=${#results[@]}
  for ((i = 0; i < n; i++)); do
    id="${ids[$i]:-?}"; line="${results[$i]:-none	}"
    got="${line%%	*}"; extra="${line#*	}"
    shown="$got"; [ -n "$extra" ] && shown="$got (non-inj $extra)"
    exp="$(awk -F '\t' -v m="$m" -v q="$id" '!/^#/ && $1 == m && $2 == q { print $3 }' "$expected")"
    if [ -z "$exp" ]; then status="NOT-IN-EXPECTED"; fail=1
    elif [ "$exp" = "$got" ]; then status="ok"
    else status="MISMATCH"; fail=1; fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$m" "$id" "${exp:--}" "$shown" "$status" >> "$rows"
  done
  # Expected entries of this model that no query produced.
  for eid in "${exp_ids[@]}"; do
    if ! printf '%s\n' "${ids[@]}" | grep -qx -- "$eid"; then
      printf '%s\t%s\t%s\t%s\t%s\n' "$m" "$eid" "$(awk -F '\t' -v m="$m" -v q="$eid" '$1 == m && $2 == q { print $3 }' "$expected")" "none" "MISSING-IN-MODEL" >> "$rows"
      fail=1
    fi
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "${#ids[@]}" "$secs" "$cpu" "$mib" "$mstatus" >> "$summary"
done

# Models listed in expected.tsv that do not exist (only checked on a full run).
if [ "$#" -eq 0 ]; then
  while read -r em; do
    if [ ! -f "$dir/$em.pv" ]; then echo "ERROR: expected.tsv names model $em.pv, which does not exist"; fail=1; fi
  done < <(grep -v '^#' "$expected" | awk -F '\t' 'NF >= 3 { print $1 }' | sort -u)
fi

{ printf 'MODEL\tQUERY\tEXPECTED\tGOT\tSTATUS\n'; cat "$rows"; } | column -t -s $'\t'
echo
{ printf 'MODEL\tQUERIES\tWALL-S\tCPU-S\tPEAK-MiB\tSTATUS\n'; cat "$summary"; } | column -t -s $'\t'
total="$(wc -l < "$rows")"; bad="$(grep -cv $'\tok$' "$rows")"
tsec="$(awk -F '\t' '{ s += $3 } END { printf "%.0f", s }' "$summary")"
maxs="$(awk -F '\t' '$3 > m { m = $3 } END { printf "%.0f", m }' "$summary")"
maxm="$(awk -F '\t' '$5 ~ /^[0-9]+$/ && $5 > m { m = $5 } END { printf "%d", m }' "$summary")"
tcpu="$(awk -F '\t' '{ s += $4 } END { printf "%.0f", s }' "$summary")"
maxc="$(awk -F '\t' '$4 > m { m = $4 } END { printf "%.0f", m }' "$summary")"
echo
echo "models: ${#models[@]}; CPU ${tcpu} s in all, at most ${maxc} s for one model; wall-clock ${tsec} s summed over the models (${jobs} at a time), slowest ${maxs} s; largest peak ${maxm} MiB"
if [ "$fail" -eq 0 ]; then
  echo "PASSED: $total queries in ${#models[@]} models gave their expected results"
else
  echo "FAILED: $bad of $total queries did not give their expected result (see STATUS above)"
fi
exit "$fail"
