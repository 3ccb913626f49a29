#!/usr/bin/env python3
"""proverif/mutate.py -- mutation testing of the ProVerif models.

Plants one flaw at a time into a copy of proverif/ (the models are never changed in place), runs
ProVerif on the models that should notice it, and reports the query that caught it: the first
query whose result differs from expected.tsv (ProVerif is stopped there, which saves the rest of
the run). A mutant that ProVerif rejects (syntax or type error), or that leaves every query as
expected, is NOT caught.

    proverif/mutate.py            every flaw, one after the other
    proverif/mutate.py M03 M07    the named flaws only
    proverif/mutate.py --list     the flaws, without running anything

Environment: PROVERIF (default: proverif on PATH), PV_TIMEOUT (CPU seconds per model, default 600),
MUTATE_JOBS (flaws run at the same time, default 1). Exit status 0 iff
every flaw run was caught (or ProVerif is not installed: then it says so and exits 0, like run.sh).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))

# Each flaw: id, what it breaks (spec step), the file, (old, new) replacements, how many times each
# `old` must occur (the mutation is refused when the model text no longer matches), and the models to run.
FLAWS = [
    ("M01", "ICR5 replay check skipped: any biscuit number is accepted",
     "rosenpass.pvl", [("if biscuit_no > biscuit_used then (", "if true then (", 1)], ["availability"]),
    ("M02", "ICR5 replay check not strict (>= instead of >): the last biscuit can be used again",
     "rosenpass.pvl", [("if biscuit_no > biscuit_used then (", "if biscuit_no >= biscuit_used then (", 1)], ["availability"]),
    ("M03", "RHI7 RespHello auth tag not checked",
     "rosenpass.pvl", [("  if aead_dec(hs_key(ck6), auth) = empty then                  (* RHI7", "  if true then (* RHI7", 1)],
     ["secure_psk"]),
    ("M04", "ICR4 InitConf auth tag not checked",
     "rosenpass.pvl", [("  if aead_dec(hs_key(ck3), auth) = empty then                  (* ICR4", "  if true then (* ICR4", 1)],
     ["secure_psk"]),
    ("M05", "IHI6/IHR6 pidi encrypted under a key derivable from public values (ck before the KEM)",
     "rosenpass.pvl", [("aead_enc(hs_key(ck5), k2b(pid(spki)))", "aead_enc(hs_key(ck4), k2b(pid(spki)))", 1),
                       ("aead_dec(hs_key(ck5), pidi_ct)", "aead_dec(hs_key(ck4), pidi_ct)", 1)],
     ["identity_hiding"]),
    ("M06", "RHR5/RHI5 scti not mixed into ck",
     "rosenpass.pvl", [("let ck5 = mix_kem(ck4, spki, shk_s, scti) in", "let ck5 = ck4 in", 1),
                       ("let ck5 = mix_kem(ck4, spki, skem_decaps(sski, scti), scti) in", "let ck5 = ck4 in", 1)],
     ["secure_sski"]),
    ("M07", "IHI7/IHR7 psk not mixed into ck",
     "rosenpass.pvl", [("let ck7 = mix(mix(ck6, pk2b(spki)), k2b(psk)) in", "let ck7 = mix(ck6, pk2b(spki)) in", 2)],
     ["secure_psk"]),
    ("M08", "RHR3/RHI3 session ids not mixed into ck",
     "rosenpass.pvl", [("let ck3 = mix(mix(ck8, sidr), sidi) in", "let ck3 = ck8 in", 2)], ["secure_static"]),
    ("M09", "RHR6/RHI6/ICR1 biscuit not mixed into ck",
     "rosenpass.pvl", [("let ck6 = mix(ck5, biscuit_ct) in", "let ck6 = ck5 in", 2),
                       ("let ck1 = mix(ck_b, biscuit_ct) in", "let ck1 = ck_b in", 1)], ["secure_static"]),
    ("M10", "RHR6/ICR1 constant (public) biscuit key",
     "rosenpass.pvl", [("xaead_enc(biscuit_key(sskr), ", "xaead_enc(key0, ", 1),
                       ("xaead_dec(biscuit_key(sskr), ", "xaead_dec(key0, ", 1)], ["secure_static"]),
    ("M11", "§8.3 cookie value not bound to the source address",
     "cookie.pv", [("k2b(kh(kh(L_COOKIE_VALUE, cookie_secret), host))", "k2b(kh(L_COOKIE_VALUE, cookie_secret))", 1)],
     ["cookie"]),
    ("M12", "ICI3 handshake state not advanced (ck not mixed with sidi, sidr)",
     "rosenpass.pvl", [("let ck3 = mix(mix(ck_rh, sidi), sidr) in", "let ck3 = ck_rh in", 1)], ["secure_static"]),
    ("M13", "ICR1 peer check skipped: a biscuit issued for another peer is accepted",
     "rosenpass.pvl", [("  if pidi = pid(spki) then ", "  if true then ", 1)], ["secure_static"]),
    ("M14", "RHR4/RHI4 ephemeral KEM key not mixed into ck (no forward secrecy)",
     "rosenpass.pvl", [("let ck4 = mix_kem(ck3, epki, shk_e, ecti) in", "let ck4 = ck3 in", 1),
                       ("let ck4 = mix_kem(ck3, epki, ekem_decaps(eski, ecti), ecti) in", "let ck4 = ck3 in", 1)],
     ["secure_ephemeral"]),
]


def plant(folder, flaw):
    """Applies the flaw's replacements in `folder`; returns None, or why the flaw cannot be planted."""
    _, _, fname, repls, _ = flaw
    path = os.path.join(folder, fname)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for old, new, count in repls:
        found = text.count(old)
        if found != count:
            return f"{fname}: expected {count} occurrence(s) of {old!r}, found {found}"
        text = text.replace(old, new)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return None


def expected_of(folder, model):
    """(query ids in file order, {id: expected result}) of one model."""
    with open(os.path.join(folder, model + ".pv"), encoding="utf-8") as f:
        ids = re.findall(r"\(\* @id ([A-Za-z0-9_.-]+)", f.read())
    exp = {}
    with open(os.path.join(folder, "expected.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and not line.startswith("#") and cols[0] == model:
                exp[cols[1]] = cols[2]
    return ids, exp


def result_of(line):
    if line.endswith(" is true."):
        return "true"
    if line.endswith(" is false."):
        return "false"
    if line.endswith(" cannot be proved."):
        return "cannot-be-proved"
    return "unparsed"


def run_model(folder, model, proverif, timeout):
    """Runs one model and stops at the first query whose result differs from expected.tsv.
    Returns (caught query ids, error or None, CPU seconds ProVerif used)."""
    ids, exp = expected_of(folder, model)
    cmd = ["nice", proverif, "-lib", os.path.join(folder, "rosenpass.pvl"), model + ".pv"]
    proc = subprocess.Popen(cmd, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: __import__("resource").setrlimit(
                                __import__("resource").RLIMIT_CPU, (timeout, timeout)))
    n, caught, error = 0, [], None
    for line in proc.stdout:
        line = line.rstrip("\n")
        if line.startswith("Error"):
            error = line
        if not line.startswith("RESULT ") or line.startswith("RESULT (even ") or line.startswith("RESULT (but "):
            continue
        qid = ids[n] if n < len(ids) else "?"
        n += 1
        if exp.get(qid) != result_of(line):
            caught.append(f"{model}:{qid} ({exp.get(qid)} -> {result_of(line)})")
            proc.kill()
            break
    # wait4 gives this child's own CPU time (user + system), whatever else runs at the same time.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if not caught and error is None and proc.returncode != 0:
        error = f"proverif exited with {proc.returncode} on {model}.pv"
    return caught, error, usage.ru_utime + usage.ru_stime


def run_flaw(flaw, proverif):
    fid, what, _, _, models = flaw
    timeout = int(os.environ.get("PV_TIMEOUT", "600"))
    with tempfile.TemporaryDirectory(prefix=f"pv-{fid}-") as tmp:
        copy = os.path.join(tmp, "proverif")
        shutil.copytree(HERE, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.md"))
        problem = plant(copy, flaw)
        if problem:
            return ("NOT-PLANTED", problem, 0.0, 0.0)
        start = time.time()
        caught, error, cpu = [], None, 0.0
        for model in models:
            c, error, used = run_model(copy, model, proverif, timeout)
            caught += c
            cpu += used
            if caught or error:
                break
        secs = time.time() - start
    if error and not caught:
        return ("ERROR", error, secs, cpu)
    if caught:
        return ("caught", ", ".join(caught), secs, cpu)
    return ("NOT-CAUGHT", "every query gave its expected result", secs, cpu)


def main(argv):
    if "--list" in argv:
        for fid, what, fname, _, models in FLAWS:
            print(f"{fid}\t{what}\t{fname}\t{' '.join(models)}")
        return 0
    wanted = [a for a in argv if not a.startswith("-")]
    flaws = [f for f in FLAWS if not wanted or f[0] in wanted]
    if wanted and len(flaws) != len(wanted):
        print(f"unknown flaw id among {wanted}; see --list")
        return 1
    proverif = os.environ.get("PROVERIF") or shutil.which("proverif")
    if not proverif:
        print(f"SKIPPED: {len(flaws)} model mutants NOT checked (proverif not found)")
        return 0
    print(f"planting {len(flaws)} flaws, one at a time, into copies of {HERE}")
    rows, failed, total, total_cpu = [], 0, 0.0, 0.0
    with ThreadPoolExecutor(max_workers=int(os.environ.get("MUTATE_JOBS", "1"))) as pool:
        results = list(pool.map(lambda f: run_flaw(f, proverif), flaws))
    for flaw, (status, detail, secs, cpu) in zip(flaws, results):
        total += secs
        total_cpu += cpu
        rows.append((flaw[0], flaw[1], " ".join(flaw[4]), status, detail, secs, cpu))
        print(f"{flaw[0]}  {status:<11} {cpu:7.1f}s CPU {secs:7.1f}s wall  {flaw[1]}  -- {detail}", flush=True)
        if status != "caught":
            failed += 1
    print()
    print("| Flaw | What is planted | Models run | Caught by (first query whose result changed) | CPU s | Wall s |")
    print("|---|---|---|---|---|---|")
    for fid, what, models, status, detail, secs, cpu in rows:
        shown = detail if status == "caught" else f"**{status}**: {detail}"
        print(f"| {fid} | {what} | {models} | {shown} | {cpu:.0f} | {secs:.0f} |")
    print()
    if failed:
        print(f"FAILED: {failed} of {len(rows)} planted flaws were not caught ({total_cpu:.0f} s CPU, {total:.0f} s wall)")
        return 1
    print(f"PASSED: all {len(rows)} planted flaws were caught ({total_cpu:.0f} s CPU, {total:.0f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
