#!/usr/bin/env python3
"""Shows that the consumer fails when a vector file is wrong: each mutation below is applied to a copy of one vector
file (in a temporary folder, beside a link to keys.json), the consumer is run on it, and it must report at least one
mismatch or unchecked value and exit 1. Exit code 0 when every mutation was caught.

Usage: python3 tests/python-consumer/flip_test.py [VECTOR_DIR]
"""
import io
import json
import os
import shutil
import sys
import tempfile
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import consumer  # noqa: E402


def flip_hex(h, pos=None):
    """Flip the lowest bit of one byte of a hex string (by default a byte in the middle)."""
    i = (len(h) // 4) * 2 if pos is None else pos * 2
    b = int(h[i:i + 2], 16) ^ 1
    return h[:i] + "%02x" % b + h[i + 2:]


def find_step(data, case_suffix, action=None, has=None):
    for case in data["cases"]:
        if case["id"].endswith(case_suffix):
            for step in case["steps"]:
                if (action is None or step["action"] == action) and (has is None or has(step)):
                    return case, step
    raise LookupError(case_suffix)


def trace_entry(step, stepname, name):
    return next(e for e in step["expected"]["trace"] if e["step"] == stepname and e["name"] == name)


# Each mutation: (description, file, function that changes the parsed JSON in place)
def m_trace_ck(d):
    _, s = find_step(d, "v03-handshake-psk", has=lambda s: any(e["step"] == "RHR5" for e in s["expected"]["trace"]))
    e = trace_entry(s, "RHR5", "ck")
    e["value"] = flip_hex(e["value"])


def m_response(d):
    _, s = find_step(d, "v02-handshake-no-psk", has=lambda s: s["expected"].get("response", "").startswith("83"))
    s["expected"]["response"] = flip_hex(s["expected"]["response"], 20)


def m_osk(d):
    _, s = find_step(d, "v03-handshake-custom-osk", has=lambda s: s["expected"]["events"])
    ev = s["expected"]["events"][0]
    ev["key"] = flip_hex(ev["key"])


def m_injected_shared_key(d):
    _, s = find_step(d, "v02-handshake-psk", action="initiate")
    k = s["injected"]["kem"][1]
    k["sharedKey"] = flip_hex(k["sharedKey"])


def m_injected_sidr(d):
    _, s = find_step(d, "v03-handshake-no-psk", has=lambda s: s["injected"]["random"]
                     and s["injected"]["random"][0]["label"] == "sidr")
    r = s["injected"]["random"][0]
    r["value"] = flip_hex(r["value"], 0)


def m_message_in(d):
    _, s = find_step(d, "v03-handshake-psk", has=lambda s: s.get("message", "").startswith("83"))
    s["message"] = flip_hex(s["message"], 50)  # inside the biscuit: the responder must now reject it


def m_rejection_kind(d):
    _, s = find_step(d, "v03-inithello-flipped-auth", has=lambda s: "rejection" in s["expected"])
    s["expected"]["rejection"] = "BadMac"


def m_accepted(d):
    _, s = find_step(d, "v02-inithello-truncated", has=lambda s: "rejection" in s["expected"])
    s["expected"]["accepted"] = True


def m_next_poll(d):
    _, s = find_step(d, "v03-retransmission", action="poll")
    s["expected"]["nextPollAt"] = s["expected"]["nextPollAt"] + 1e-9


def m_drop_draw(d):
    _, s = find_step(d, "v02-retransmission", action="poll")
    s["injected"]["jitter"] = []


def m_unknown_field(d):
    d["cases"][0]["steps"][0]["expected"]["surprise"] = 1


def m_cookie_reply(d):
    _, s = find_step(d, "v03-cookie", has=lambda s: s["expected"].get("response", "").startswith("86"))
    s["expected"]["response"] = flip_hex(s["expected"]["response"], 40)  # inside the sealed cookie


def m_unused_cookie_secret(d):
    """A cookie secret of a server never under load changes no output: only the generator check sees it."""
    case = next(c for c in d["cases"] if c["id"] == "v02-handshake-psk")
    draw = case["servers"][0]["constructionRandom"][1]
    draw["value"] = flip_hex(draw["value"], 3)


def m_case_seed(d):
    case = next(c for c in d["cases"] if c["id"] == "v03-rekey")
    case["seed"] = flip_hex(case["seed"], 31)


def primitive_flip(case_id, field):
    def mutate(d):
        case = next(c for c in d["cases"] if c["id"] == case_id)
        case[field] = flip_hex(case[field])
    return mutate


def m_acceptable_mark(d):
    _, s = find_step(d, "v03-handshake-psk", has=lambda s: s["expected"].get("acceptable"))
    s["expected"]["acceptable"] = s["expected"]["acceptable"][:1]


def m_empty_data_cookie_ignored(d):
    """Not a mutation that must fail: the README lets a consumer ignore EmptyData's last 16 bytes."""
    _, s = find_step(d, "v03-handshake-psk", has=lambda s: s["expected"].get("response", "").startswith("84"))
    r = s["expected"]["response"]
    s["expected"]["response"] = r[:-2] + ("00" if r[-2:] != "00" else "01")


def m_public_key(d):
    k = d["keys"][1]
    k["publicKey"] = flip_hex(k["publicKey"], 1000)


def m_control_bit(d):
    """One control bit of key a's Beneš network (sk bytes 232..13032): KeyGen(seed) and decapsulation disagree."""
    k = d["keys"][0]
    k["secretKey"] = flip_hex(k["secretKey"], 5000)


def text_flip(field, occurrence, pos):
    """For the .rsp and .toml files: flip a bit in the hex (or base64) value of the n-th line starting with field."""
    def mutate(text):
        lines = text.split("\n")
        seen = 0
        for i, line in enumerate(lines):
            if line.startswith(field):
                if seen == occurrence:
                    head, _, value = line.partition(" = ")
                    c = value[pos]
                    alphabet = "0123456789ABCDEF" if field != "value" else "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                    value = value[:pos] + alphabet[alphabet.index(c) ^ 1] + value[pos + 1:]
                    lines[i] = head + " = " + value
                    return "\n".join(lines)
                seen += 1
        raise LookupError(field)
    return mutate


MUTATIONS = [
    ("flipped RHR5 ck in a trace", "handshake.json", m_trace_ck, True),
    ("flipped byte in an InitConf response", "handshake.json", m_response, True),
    ("flipped output key of a custom separator", "handshake.json", m_osk, True),
    ("flipped injected McEliece shared key", "handshake.json", m_injected_shared_key, True),
    ("flipped injected sidr", "handshake.json", m_injected_sidr, True),
    ("flipped byte in a delivered InitConf", "handshake.json", m_message_in, True),
    ("wrong rejection kind", "inithello-rejections.json", m_rejection_kind, True),
    ("rejected message marked accepted", "inithello-rejections.json", m_accepted, True),
    ("nextPollAt off by 1e-9 s", "retransmission.json", m_next_poll, True),
    ("injected jitter removed", "retransmission.json", m_drop_draw, True),
    ("unknown field", "rekey.json", m_unknown_field, True),
    ("flipped cookie secret that no output uses", "handshake.json", m_unused_cookie_secret, True),
    ("flipped case seed", "rekey.json", m_case_seed, True),
    ("an acceptable mark removed", "handshake.json", m_acceptable_mark, True),
    ("primitives: McEliece implicit-rejection key flipped", "primitives.json",
     primitive_flip("mceliece460896-decaps-modified-first-byte", "sharedKey"), True),
    ("primitives: Kyber implicit-rejection key flipped", "primitives.json",
     primitive_flip("kyber512-decaps-modified-first-byte", "sharedKey"), True),
    ("primitives: KH V03 of 524160 bytes flipped", "primitives.json", primitive_flip("kh-v03-524160", "output"), True),
    ("flipped byte in a CookieReply", "cookie.json", m_cookie_reply, True),
    ("flipped byte in keys.json's public key", "keys.json", m_public_key, True),
    ("flipped control bit in keys.json's secret key", "keys.json", m_control_bit, True),
    ("Kyber KAT: flipped ss of count 57", "kats/kyber512-round3/PQCkemKAT_1632.rsp", text_flip("ss", 57, 10), True),
    ("Kyber KAT: flipped pk of count 3", "kats/kyber512-round3/PQCkemKAT_1632.rsp", text_flip("pk", 3, 700), True),
    ("McEliece KAT: flipped sk (g)", "kats/mceliece460896-round4/kat_kem_count0.rsp", text_flip("sk", 0, 100), True),
    ("upstream: flipped chaining key", "upstream/crypto_server_test_vector_1.toml", text_flip("value", 20, 5), True),
    ("EmptyData cookie field changed (README: MAY be ignored)", "handshake.json", m_empty_data_cookie_ignored, False),
]


def only_changed_cases(data, original):
    """Keep only the cases a mutation touched, so that the consumer replays little (the file stays valid)."""
    if "cases" in data and len(data["cases"]) == len(original["cases"]):
        changed = [c for c, o in zip(data["cases"], original["cases"]) if c != o]
        if changed:
            data["cases"], data["numberOfCases"] = changed, len(changed)
    return data


def only_changed_blocks(text, original):
    """The same for a .rsp file: its header and the `count = ` blocks the mutation touched."""
    if "\ncount = " not in original:
        return text
    blocks, old = text.split("\ncount = "), original.split("\ncount = ")
    kept = [blocks[0]] + [b for b, o in zip(blocks[1:], old[1:]) if b != o]
    return "\ncount = ".join(kept)


def run_consumer(paths):
    buf = io.StringIO()
    with redirect_stdout(buf):
        rc = consumer.main(["consumer.py"] + paths)
    return rc, buf.getvalue()


def main(argv):
    vectors = argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "..", "vectors")
    failures = 0
    for desc, name, mutate, must_fail in MUTATIONS:
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(vectors, name)
            dst = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if name.endswith(".json"):
                original = json.load(open(src, encoding="utf-8"))
                data = json.load(open(src, encoding="utf-8"))
                mutate(data)
                json.dump(only_changed_cases(data, original), open(dst, "w", encoding="utf-8"))
            else:
                original = open(src, encoding="utf-8").read()
                open(dst, "w", encoding="utf-8").write(only_changed_blocks(mutate(original), original))
                for f in os.listdir(os.path.dirname(src)):  # e.g. the offloaded values beside upstream's TOML
                    if f.startswith(os.path.basename(name) + "_"):
                        shutil.copy(os.path.join(os.path.dirname(src), f), os.path.dirname(dst))
            if os.path.exists(os.path.join(vectors, "schema.json")):
                shutil.copy(os.path.join(vectors, "schema.json"), os.path.join(tmp, "schema.json"))
            paths = [dst]
            if name == "keys.json":  # one handshake case with the mutated keys
                paths.append(os.path.join(tmp, "handshake.json"))
                hs = json.load(open(os.path.join(vectors, "handshake.json"), encoding="utf-8"))
                hs["cases"], hs["numberOfCases"] = hs["cases"][:1], 1
                json.dump(hs, open(paths[1], "w", encoding="utf-8"))
            elif name.endswith(".json"):
                shutil.copy(os.path.join(vectors, "keys.json"), os.path.join(tmp, "keys.json"))
            rc, out = run_consumer(paths)
        first = next((l for l in out.splitlines() if "MISMATCH" in l or "UNCHECKED" in l), "")
        caught = rc != 0
        ok = caught == must_fail
        failures += not ok
        print("%s %-58s -> exit %d %s" % ("ok  " if ok else "FAIL", desc, rc, first[:110]))
    print("flip test: %s (%d of %d as expected)" % ("PASS" if failures == 0 else "FAIL", len(MUTATIONS) - failures,
                                                      len(MUTATIONS)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
