#!/usr/bin/env bash
# Fuzzes the harnesses of fuzz/Rosenpass.Fuzz with AFL++ (SharpFuzz out-of-process mode).
#
#   fuzz/run.sh                    every target for $FUZZ_SECONDS (default 60) each
#   fuzz/run.sh TARGET SECONDS     one target (TARGET may be a comma-separated list)
#
# Environment: FUZZ_SECONDS (default 60), FUZZ_PARALLEL (targets fuzzed at once, default 1; one per core),
# FUZZ_OUT (afl-fuzz output folders, default fuzz/out). The seeds come from upstream's vector in vectors/upstream/
# and its example configurations in tests/data/upstream-config-examples/.
# Publishes the harness to a fresh folder, instruments Rosenpass.Reference.dll, Rosenpass.Reference.Vectors.dll (the
# assert_tv reader), the CLI (rosenpass.dll) and Tomlyn with
# `dotnet sharpfuzz`, writes seed corpora from upstream's vector, runs afl-fuzz, prints each target's
# execs/s, and exits 1 if any crash or hang was found, printing the reproducer's path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v afl-fuzz >/dev/null; then
  echo "fuzz/run.sh: afl-fuzz not found; install the Debian package: apt-get install -y afl++" >&2
  exit 2
fi

export ROSENPASS_VECTOR="$root/vectors/upstream/crypto_server_test_vector_1.toml"
[ -f "$ROSENPASS_VECTOR" ] || { echo "fuzz/run.sh: no vector at $ROSENPASS_VECTOR" >&2; exit 2; }

work="$root/fuzz/work"
outs=${FUZZ_OUT:-$root/fuzz/out}
build="$work/build-$(date +%Y%m%d-%H%M%S)-$$"   # fresh: sharpfuzz refuses to instrument a file twice
mkdir -p "$work"

echo "== publishing harness to $build"
dotnet tool restore >/dev/null
dotnet publish fuzz/Rosenpass.Fuzz/Rosenpass.Fuzz.csproj -c Release -o "$build/plain" --nologo -v quiet
# Instrumented code only runs under afl-fuzz (it writes AFL's shared memory): seeds and replays use plain/.
cp -r "$build/plain" "$build/afl"
for dll in Rosenpass.Reference.dll Rosenpass.Reference.Vectors.dll Tomlyn.dll rosenpass.dll; do
  if [ -f "$build/afl/$dll" ]; then dotnet sharpfuzz "$build/afl/$dll" >/dev/null; echo "== instrumented $dll"; fi
done
plain=(dotnet "$build/plain/Rosenpass.Fuzz.dll")
instrumented=(dotnet "$build/afl/Rosenpass.Fuzz.dll")

seeds="$build/seeds"
"${plain[@]}" seeds "$seeds"

mapfile -t all_targets < <("${plain[@]}" list | cut -f1)
if [ $# -eq 0 ]; then
  targets=("${all_targets[@]}"); seconds=${FUZZ_SECONDS:-60}
elif [ $# -eq 2 ]; then
  IFS=, read -r -a targets <<<"$1"; seconds=$2
else
  echo "usage: fuzz/run.sh [TARGET[,TARGET...] SECONDS]   targets: ${all_targets[*]}" >&2
  exit 2
fi
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz/run.sh: unknown target '$t' (${all_targets[*]})" >&2; exit 2; }
done

# One target: afl-fuzz for $seconds, quiet; its report is printed by report().
fuzz_one() {
  local target=$1 out="$outs/$1"
  rm -rf "$out"; mkdir -p "$outs"
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    afl-fuzz -V "$seconds" -i "$seeds/$target" -o "$out" -t 5000 -m none -- "${instrumented[@]}" fuzz "$target" \
    >"$outs/$target.log" 2>&1 || { echo "== $target: afl-fuzz failed, see $outs/$target.log"; tail -20 "$outs/$target.log"; return 1; }
}

# Prints a target's numbers; returns 1 if it found a crash or hang (afl-fuzz itself exits 0 then).
report() {
  local target=$1 out="$outs/$1/default" found=0
  local stats="$out/fuzzer_stats"
  [ -f "$stats" ] || { echo "== $target: no fuzzer_stats"; return 1; }
  stat() { sed -n "s/^$1 *: *//p" "$stats"; }
  echo "== $target: $(stat execs_done) execs in $(stat run_time)s, $(stat execs_per_sec) execs/s, corpus $(stat corpus_count), stability $(stat stability), crashes $(stat saved_crashes), hangs $(stat saved_hangs)"
  for f in "$out"/crashes/id:* "$out"/hangs/id:*; do
    [ -f "$f" ] || continue
    echo "== $target: REPRODUCER $f   (replay: dotnet $build/plain/Rosenpass.Fuzz.dll replay $target '$f')"
    found=1
  done
  return $found
}

parallel=${FUZZ_PARALLEL:-1}
failed=0
for ((i = 0; i < ${#targets[@]}; i += parallel)); do
  batch=("${targets[@]:i:parallel}")
  echo "== fuzzing ${batch[*]} for ${seconds}s each"
  pids=()
  for t in "${batch[@]}"; do fuzz_one "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  for t in "${batch[@]}"; do report "$t" || failed=1; done
done

if [ "$failed" -ne 0 ]; then echo "== fuzz: FAILED (crash, hang or afl-fuzz error above)"; exit 1; fi
echo "== fuzz: no crashes, no hangs"
