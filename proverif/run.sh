#!/usr/bin/env bash
# proverif/run.sh -- run every ProVerif entry model in this folder and compare each query's result
# with proverif/expected.tsv.
#
#   proverif/run.sh              run all models (2 in parallel)
#   proverif/run.sh secure_psk   run only the named model(s) (file name with or without .pv)
#
# Environment: PROVERIF  path of the proverif binary (default: `proverif` on PATH)
#              JOBS      models run in parallel (default 2)
#              KEEP_OUT  if set, a directory where the full ProVerif outputs are kept
#
# Exit status: 0 when every query gave its expected result, or when ProVerif is not installed
# (then the last line is `SKIPPED: proverif not found`); 1 on any mismatch, on a query missing from
# expected.tsv or present there but not in a model, or when ProVerif fails on a model.
#
# Each model marks every query with a comment `(* @id NAME ... *)` placed before it; ProVerif prints
# one `RESULT` line per query in the order of the file, which is how results are matched to ids.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/rosenpass.pvl"
expected="$here/expected.tsv"
jobs="${JOBS:-2}"

pv="${PROVERIF:-}"
if [ -z "$pv" ]; then pv="$(command -v proverif 2>/dev/null || true)"; fi
if [ -z "$pv" ] || [ ! -x "$pv" ]; then
  echo "proverif/run.sh: ProVerif was not found (not on PATH and \$PROVERIF not set)."
  echo "Install ProVerif 2.05 (https://bblanche.gitlabpages.inria.fr/proverif/) and put it on PATH,"
  echo "or set PROVERIF=/path/to/proverif, to check the models."
  echo "SKIPPED: proverif not found"
  exit 0
fi

version="$("$pv" -help 2>&1 | head -n 1)"
echo "Using $pv: $version"
case "$version" in
  *"Proverif 2.05"*) ;;
  *) echo "WARNING: the expected results were recorded with ProVerif 2.05" ;;
esac

# Models to run.
models=()
if [ "$#" -gt 0 ]; then
  for m in "$@"; do models+=("$(basename "${m%.pv}")"); done
else
  for f in "$here"/*.pv; do models+=("$(basename "${f%.pv}")"); done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run_model() {  # $1 = model name; writes $work/$1.out, $work/$1.rc, $work/$1.sec
  local m="$1" start end
  start="$(date +%s.%N)"
  ( cd "$here" && "$pv" -lib "$lib" "$m.pv" ) > "$work/$m.out" 2>&1
  echo "$?" > "$work/$m.rc"
  end="$(date +%s.%N)"
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }' > "$work/$m.sec"
}

running=0
for m in "${models[@]}"; do
  if [ ! -f "$here/$m.pv" ]; then echo "no such model: $m.pv"; exit 1; fi
  run_model "$m" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n 2>/dev/null || wait; running=$((running - 1)); fi
done
wait

if [ -n "${KEEP_OUT:-}" ]; then mkdir -p "$KEEP_OUT" && cp "$work"/*.out "$KEEP_OUT"/; fi

fail=0
rows="$work/rows.tsv"
: > "$rows"
for m in "${models[@]}"; do
  out="$work/$m.out"; secs="$(cat "$work/$m.sec")"; rc="$(cat "$work/$m.rc")"
  mapfile -t ids < <(grep -oE '\(\* @id [A-Za-z0-9_.-]+' "$here/$m.pv" | awk '{print $3}')
  # One RESULT line per query; ProVerif adds "RESULT (even ...)" lines after a failed injective
  # query, which restate it in non-injective form: they are not separate queries.
  mapfile -t results < <(grep '^RESULT ' "$out" | grep -v '^RESULT (even ' | sed -E \
      -e 's/.* is true\.$/true/' -e 's/.* is false\.$/false/' -e 's/.* cannot be proved\.$/cannot-be-proved/')
  if [ "$rc" != "0" ] || grep -q '^Error' "$out"; then
    echo "ERROR: proverif failed on $m.pv (exit $rc):"; grep -m 5 -B 2 'Error' "$out" | sed 's/^/  /'
    fail=1
  fi
  if [ "${#ids[@]}" -ne "${#results[@]}" ]; then
    echo "ERROR: $m.pv has ${#ids[@]} @id markers but ProVerif printed ${#results[@]} RESULT lines"
    fail=1
  fi
  n=${#ids[@]}; [ "${#results[@]}" -gt "$n" ] && n=${#results[@]}
  for ((i = 0; i < n; i++)); do
    id="${ids[$i]:-?}"; got="${results[$i]:-none}"
    exp="$(awk -F '\t' -v m="$m" -v q="$id" '$1 == m && $2 == q { print $3 }' "$expected")"
    if [ -z "$exp" ]; then status="NOT-IN-EXPECTED"; fail=1
    elif [ "$exp" = "$got" ]; then status="ok"
    else status="MISMATCH"; fail=1; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "$id" "${exp:--}" "$got" "$secs" "$status" >> "$rows"
  done
  # Expected entries of this model that no query produced.
  while IFS=$'\t' read -r em eid _; do
    if ! printf '%s\n' "${ids[@]}" | grep -qx -- "$eid"; then
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "$eid" "$(awk -F '\t' -v m="$m" -v q="$eid" '$1 == m && $2 == q { print $3 }' "$expected")" "none" "$secs" "MISSING-IN-MODEL" >> "$rows"
      fail=1
    fi
  done < <(awk -F '\t' -v m="$m" '$1 == m' "$expected")
done

# Models listed in expected.tsv that do not exist (only checked on a full run).
if [ "$#" -eq 0 ]; then
  while read -r em; do
    if [ ! -f "$here/$em.pv" ]; then echo "ERROR: expected.tsv names model $em.pv, which does not exist"; fail=1; fi
  done < <(grep -v '^#' "$expected" | awk -F '\t' 'NF >= 3 { print $1 }' | sort -u)
fi

{ printf 'MODEL\tQUERY\tEXPECTED\tGOT\tSECONDS\tSTATUS\n'; cat "$rows"; } | column -t -s $'\t'
total="$(wc -l < "$rows")"; bad="$(grep -cv $'\tok$' "$rows")"
echo
if [ "$fail" -eq 0 ]; then
  echo "PASSED: $total queries in ${#models[@]} models gave their expected results"
else
  echo "FAILED: $bad of $total queries did not give their expected result (see STATUS above)"
fi
exit "$fail"
