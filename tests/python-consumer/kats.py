"""Replays the NIST PQC known-answer files of vectors/kats/ (README.md there): each case's seed feeds the NIST
AES-256-CTR DRBG, and key generation, encapsulation and decapsulation with that randomness must give pk, sk, ct, ss."""
import kyber
import mceliece
from nistdrbg import Drbg


def parse_rsp(path):
    cases, current = [], None
    for line in open(path, encoding="ascii"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition(" = ")
        if name == "count":
            current = {"count": int(value)}
            cases.append(current)
        elif current is not None:
            current[name] = bytes.fromhex(value)
    return cases


def check_seeds(tally, name, cases):
    """PQCgenKAT_kem.c: the seeds are successive 48-byte outputs of the DRBG initialised with bytes 0..47."""
    drbg = Drbg(bytes(range(48)))
    expected_count = 0
    for case in cases:
        while expected_count < case["count"]:
            drbg.random_bytes(48)
            expected_count += 1
        tally.check("%s count %d" % (name, case["count"]), "seed", drbg.random_bytes(48) == case["seed"])
        expected_count += 1


def replay_kyber(path, tally):
    cases = parse_rsp(path)
    tally.check("file", "cases present", len(cases) > 0)
    check_seeds(tally, "kyber", cases)
    for case in cases:
        where = "kyber count %d" % case["count"]
        drbg = Drbg(case["seed"])
        d = drbg.random_bytes(32)
        z = drbg.random_bytes(32)
        pk, sk = kyber.keygen(d, z)
        tally.check(where, "pk", pk == case["pk"])
        tally.check(where, "sk", sk == case["sk"])
        ct, ss = kyber.encaps(case["pk"], drbg.random_bytes(32))
        tally.check(where, "ct", ct == case["ct"])
        tally.check(where, "ss", ss == case["ss"])
        tally.check(where, "decaps(sk, ct) = ss", kyber.decaps(case["sk"], case["ct"]) == case["ss"])


def replay_mceliece(path, tally):
    cases = parse_rsp(path)
    tally.check("file", "cases present", len(cases) > 0)
    check_seeds(tally, "mceliece", cases)
    for case in cases:
        where = "mceliece460896 count %d" % case["count"]
        drbg = Drbg(case["seed"])
        delta = drbg.random_bytes(32)
        mceliece.check_keygen(tally, where, delta, case["pk"], case["sk"])
        ct, ss = mceliece.encaps(case["pk"], drbg.random_bytes)
        tally.check(where, "ct", ct == case["ct"])
        tally.check(where, "ss", ss == case["ss"])
        key = mceliece.secret_key(case["sk"])
        tally.check(where, "decaps(sk, ct) = ss", mceliece.decaps(key, case["ct"]) == case["ss"])
