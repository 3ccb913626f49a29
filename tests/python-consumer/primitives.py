"""Replays vectors/primitives.json (vectors/README.md, "The primitives file"): every case is recomputed from its
inputs with this consumer's own primitives and compared exactly; an invalid AEAD/XAEAD case must fail to open."""
import kyber
import mceliece
from protocol import PROTOCOL_STRINGS
from symmetric import KH, aead_dec, aead_enc, xaead_open, xaead_seal

PRIMITIVES_FORMAT = "rosenpass-reference-primitives/1"
COMMON = {"id", "primitive", "comment", "result", "flags", "source"}
FIELDS = {
    "keyedHash": ({"version", "key", "output"}, {"input", "inputRepeat"}),
    "label": ({"version", "path", "value"}, set()),
    "aead": ({"key", "nonce", "ad", "plaintext", "ciphertext"}, set()),
    "xaead": ({"key", "nonce", "ad", "plaintext", "ciphertext"}, set()),
    "kyber512": ({"operation"}, {"coins", "publicKey", "secretKey", "ciphertext", "sharedKey"}),
    "mceliece460896": ({"operation", "secretKey", "ciphertext", "sharedKey"}, set()),
}
KYBER_FIELDS = {"keygen": {"coins", "publicKey", "secretKey"}, "encaps": {"publicKey", "coins", "ciphertext", "sharedKey"},
                "decaps": {"secretKey", "ciphertext", "sharedKey"}}
HEADER = {"format", "algorithm", "generator", "generatorVersion", "schema", "description", "notes", "numberOfCases",
          "cases"}


def repeat(spec):
    """inputRepeat {pattern, length}: byte i is pattern[i mod len(pattern)]."""
    pattern = bytes.fromhex(spec["pattern"])
    n = spec["length"]
    return (pattern * (n // len(pattern) + 1))[:n]


def label_value(version, path):
    kh = KH[version]
    h = kh(bytes(32), PROTOCOL_STRINGS[version])
    for label in path:
        h = kh(h, label.encode())
    return h


def check_case(tally, case):
    cid = case.get("id", "?")
    prim = case.get("primitive")
    if prim not in FIELDS:
        tally.cannot(cid, "unknown primitive %r" % prim)
        return
    required, optional = FIELDS[prim]
    keys = set(case)
    if not (COMMON | required) <= keys or keys - COMMON - required - optional:
        tally.cannot(cid, "fields %s do not fit primitive %s" % (sorted(keys), prim))
        return
    h = {k: bytes.fromhex(v) for k, v in case.items()
         if k in ("key", "nonce", "ad", "plaintext", "ciphertext", "output", "value", "input", "coins", "publicKey",
                  "secretKey", "sharedKey")}
    valid = case["result"] == "valid"
    tally.check(cid, "result is valid or invalid", case["result"] in ("valid", "invalid"))
    if prim == "keyedHash":
        if ("input" in case) == ("inputRepeat" in case):
            tally.cannot(cid, "needs exactly one of input, inputRepeat")
            return
        data = h["input"] if "input" in case else repeat(case["inputRepeat"])
        tally.check(cid, "KH %s output (%d bytes of input)" % (case["version"], len(data)),
                    valid and KH[case["version"]](h["key"], data) == h["output"])
    elif prim == "label":
        tally.check(cid, "label value", valid and label_value(case["version"], case["path"]) == h["value"])
    elif prim == "aead":
        opened = aead_dec(h["key"], h["nonce"], h["ad"], h["ciphertext"])
        if valid:
            tally.check(cid, "AEAD seal", aead_enc(h["key"], h["nonce"], h["ad"], h["plaintext"]) == h["ciphertext"])
            tally.check(cid, "AEAD open", opened == h["plaintext"])
        else:
            tally.check(cid, "AEAD open fails", opened is None)
    elif prim == "xaead":
        opened = xaead_open(h["key"], h["ad"], h["nonce"] + h["ciphertext"])
        if valid:
            sealed = xaead_seal(h["key"], h["nonce"], h["ad"], h["plaintext"])
            tally.check(cid, "XAEAD seal (without the nonce)", sealed[24:] == h["ciphertext"])
            tally.check(cid, "XAEAD open", opened == h["plaintext"])
        else:
            tally.check(cid, "XAEAD open fails", opened is None)
    elif prim == "kyber512":
        op = case["operation"]
        if op not in KYBER_FIELDS or set(h) != KYBER_FIELDS[op]:
            tally.cannot(cid, "Kyber512 %s with fields %s" % (op, sorted(h)))
            return
        if op == "keygen":
            pk, sk = kyber.keygen(h["coins"][:32], h["coins"][32:64])
            tally.check(cid, "Kyber512 keygen publicKey", valid and len(h["coins"]) == 64 and pk == h["publicKey"])
            tally.check(cid, "Kyber512 keygen secretKey", valid and sk == h["secretKey"])
        elif op == "encaps":
            ct, ss = kyber.encaps(h["publicKey"], h["coins"])
            tally.check(cid, "Kyber512 encaps ciphertext", valid and ct == h["ciphertext"])
            tally.check(cid, "Kyber512 encaps sharedKey", valid and ss == h["sharedKey"])
        else:
            tally.check(cid, "Kyber512 decaps sharedKey",
                        valid and kyber.decaps(h["secretKey"], h["ciphertext"]) == h["sharedKey"])
    else:
        if case["operation"] != "decaps":
            tally.cannot(cid, "McEliece operation %r" % case["operation"])
            return
        key = mceliece.secret_key(h["secretKey"])
        tally.check(cid, "McEliece460896 decaps sharedKey",
                    valid and mceliece.decaps(key, h["ciphertext"]) == h["sharedKey"])


def replay_primitives(data, tally, check_notes):
    if data.get("format") != PRIMITIVES_FORMAT:
        tally.cannot("file", "format %r (this consumer reads %s)" % (data.get("format"), PRIMITIVES_FORMAT))
        return
    keys = set(data)
    if keys != HEADER:
        tally.cannot("file", "header fields %s, expected %s" % (sorted(keys), sorted(HEADER)))
        return
    tally.check("file", "numberOfCases", data["numberOfCases"] == len(data["cases"]))
    ids = [c.get("id") for c in data["cases"]]
    tally.check("file", "case ids unique", len(ids) == len(set(ids)))
    check_notes(tally, data["notes"], [f for c in data["cases"] for f in c.get("flags", [])])
    for case in data["cases"]:
        check_case(tally, case)
