#!/usr/bin/env python3
"""Replays every vector file of vectors/ with an implementation written from spec/ and vectors/README.md alone.

Usage: python3 tests/python-consumer/consumer.py [VECTOR_DIR_OR_FILE ...]   (default: the repository's vectors/)

Prints, per file, the number of values checked, mismatches and values it could not check; exit code 0 when every
value matched and nothing was left unchecked, 1 otherwise, 2 when an input cannot be read. See README.md beside it.
"""
import hashlib
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generator  # noqa: E402
import jsonschema_lite  # noqa: E402
import kats  # noqa: E402
import mceliece  # noqa: E402
import primitives  # noqa: E402
import nistdrbg  # noqa: E402
import protocol  # noqa: E402
import symmetric  # noqa: E402
import upstream  # noqa: E402
from protocol import Mismatch, Outcome, Peer, Rejected, Server, StaticKey  # noqa: E402

VECTOR_FORMAT = "rosenpass-reference-vectors/2"
KEYS_FORMAT = "rosenpass-reference-vector-keys/2"
BUG_TYPES = {"BASIC", "FUNCTIONALITY", "EDGE_CASE", "MODIFIED_PARAMETER", "AUTH_BYPASS", "MISSING_STEP", "DEFINED",
             "CONFIDENTIALITY", "MALLEABILITY", "WRONG_PRIMITIVE"}
MAX_REPORTED = 40
# Rejection kinds are informative for other implementations (vectors/README.md); this consumer implements spec §10.6's
# precedence and checks them strictly unless --lenient-kinds is given.
STRICT_KINDS = True


class Tally:
    """Counts per file: values checked, mismatches, values not checkable; keeps the first mismatch lines."""

    def __init__(self, name):
        self.name = name
        self.checked = 0
        self.mismatches = 0
        self.unchecked = 0
        self.informative = 0
        self.lines = []

    def check(self, where, what, ok, detail=""):
        self.checked += 1
        if not ok:
            self.mismatches += 1
            self.note("MISMATCH %s: %s%s" % (where, what, (" (" + detail + ")") if detail else ""))
        return ok

    def cannot(self, where, what):
        self.unchecked += 1
        self.note("UNCHECKED %s: %s" % (where, what))

    def note(self, line):
        if len(self.lines) < MAX_REPORTED:
            self.lines.append("%s: %s" % (self.name, line))


def short(b):
    h = b.hex() if isinstance(b, (bytes, bytearray)) else str(b)
    return h if len(h) <= 24 else "%s…%s (%d)" % (h[:8], h[-8:], len(h) // 2)


# --- schema-level checks (README: readers MUST reject unknown fields) -------------------------------------------------

FIELDS = {
    "file": ({"format", "algorithm", "generator", "generatorVersion", "schema", "family", "description", "keysFile",
              "notes", "numberOfCases", "cases"}, set()),
    "keys": ({"format", "algorithm", "generator", "generatorVersion", "schema", "description", "keys"}, set()),
    "key": ({"name", "seed", "publicKeySha256", "secretKey", "publicKey"}, set()),
    "note": ({"bugType", "description"}, {"effect", "links"}),
    "mark": ({"field", "note"}, {"offset", "length"}),
    "case": ({"id", "comment", "version", "result", "flags", "seed", "servers", "steps"}, set()),
    "server": ({"name", "staticKey", "underLoad", "constructionRandom", "peers"}, set()),
    "peer": ({"staticKey", "version", "initiates"}, {"psk", "outputKeySeparator"}),
    "step": ({"index", "action", "server", "clock", "injected", "expected"}, {"peer", "message", "hostId", "mutation"}),
    "injected": ({"random", "jitter", "kem"}, set()),
    "expected": ({"events", "trace"}, {"accepted", "rejection", "stateUnchanged", "message", "response",
                                       "nextPollAt", "acceptable"}),
}


def fields_ok(tally, where, kind, obj):
    required, optional = FIELDS[kind]
    keys = set(obj.keys())
    ok = True
    if not required <= keys:
        tally.cannot(where, "%s lacks %s" % (kind, sorted(required - keys)))
        ok = False
    unknown = keys - required - optional
    if unknown:
        tally.cannot(where, "%s has fields this consumer does not know: %s" % (kind, sorted(unknown)))
        ok = False
    return ok


# --- the injected values ------------------------------------------------------------------------------------------

class Source:
    """Hands out a step's injected values in order and checks that each fits its use (length, label, kem)."""

    def __init__(self, tally, where, seed=None):
        self.tally = tally
        self.where = where
        self.random_q, self.jitter_q, self.kem_q = [], [], []
        self.seed = seed  # the case seed: also check each value against the generator's streams (generator.py)
        self.streams = {}
        self.current = None

    def load(self, injected, where, server=None, from_streams=True):
        self.where = where
        self.current = None
        if self.seed is not None and server is not None and from_streams:
            if server not in self.streams:
                self.streams[server] = generator.ServerStreams(self.seed, server)
            self.current = self.streams[server]
        self.random_q = list(injected.get("random", []))
        self.jitter_q = list(injected.get("jitter", []))
        self.kem_q = list(injected.get("kem", []))

    def random(self, label, size):
        if not self.random_q:
            self.tally.check(self.where, "random draw %s(%d)" % (label, size), False, "no injected value left")
            raise Mismatch("ran out of injected random values")
        draw = self.random_q.pop(0)
        value = bytes.fromhex(draw["value"])
        self.tally.check(self.where, "random draw %s" % label, draw["label"] == label and len(value) == size,
                         "injected %s of %d bytes" % (draw["label"], len(value)))
        if len(value) != size:
            raise Mismatch("injected value of the wrong length")
        if self.current is not None:
            self.tally.check(self.where, "random draw %s = the generator's stream" % label,
                             value == self.current.random.read(size))
        return value

    def jitter(self):
        if not self.jitter_q:
            self.tally.check(self.where, "jitter draw", False, "no injected jitter left")
            raise Mismatch("ran out of injected jitter")
        draw = self.jitter_q.pop(0)
        value = bytes.fromhex(draw["value"])
        self.tally.check(self.where, "jitter draw", draw["label"] == "retransmit_jitter" and len(value) == 8)
        if self.current is not None:
            self.tally.check(self.where, "jitter draw = the generator's stream", value == self.current.jitter.read(8))
        return value

    def kem(self, kem, operation, step, *fields, to=None):
        if not self.kem_q:
            self.tally.check(self.where, "kem %s %s %s" % (kem, operation, step), False, "no injected KEM left")
            raise Mismatch("ran out of injected KEM results")
        entry = self.kem_q.pop(0)
        values = [bytes.fromhex(entry.get(name, "")) for name, _ in fields]
        ok = (entry.get("kem"), entry.get("operation"), entry.get("step")) == (kem, operation, step) and \
            all(len(v) == size for v, (_, size) in zip(values, fields))
        self.tally.check(self.where, "kem %s %s %s" % (kem, operation, step), ok,
                         "injected %s %s %s" % (entry.get("kem"), entry.get("operation"), entry.get("step")))
        if not ok:
            raise Mismatch("injected KEM result does not fit")
        if self.current is not None:
            recomputed = self.current.kem(kem, operation, to)
            for (name, _), got, want in zip(fields, values, recomputed):
                self.tally.check(self.where, "kem %s %s %s %s = recomputed from the generator's stream" %
                                 (kem, operation, step, name), got == want)
        return values

    def leftover(self):
        for q, what in ((self.random_q, "random"), (self.jitter_q, "jitter"), (self.kem_q, "kem")):
            self.tally.check(self.where, "every injected %s value used" % what, not q,
                             "%d left: %s" % (len(q), [d.get("label", d.get("step")) for d in q]))


# --- comparing ------------------------------------------------------------------------------------------------------

def undefined_cookie(msg_hex):
    """README: the last 16 bytes of a RespHello (0x82) or EmptyData (0x84) are not defined by the protocol."""
    return len(msg_hex) >= 2 and msg_hex[:2] in ("82", "84")


def same_message(expected_hex, produced, cookie_defined):
    if produced is None:
        return False
    got = produced.hex()
    if undefined_cookie(expected_hex) and not cookie_defined:
        return len(got) == len(expected_hex) and got[:-32] == expected_hex[:-32]
    return got == expected_hex


def compare_events(tally, where, expected, produced):
    tally.check(where, "number of events", len(expected) == len(produced),
                "expected %d, got %d" % (len(expected), len(produced)))
    for i, ev in enumerate(expected):
        got = produced[i] if i < len(produced) else None
        desc = "event %d %s" % (i, ev.get("type"))
        if got is None:
            tally.check(where, desc, False, "not produced")
            continue
        ok = got["type"] == ev["type"] and got["peer"] == ev["peer"]
        if "key" in ev:  # KeyExchanged: the osk; KeyStale: the injected stale_key
            ok = ok and got["key"].hex() == ev["key"]
        if "message" in ev:
            ok = ok and same_message(ev["message"], got.get("message"), False)
        tally.check(where, desc, ok)


def compare_trace(tally, where, expected, produced, cookie_defined):
    mine = {}
    for step, name, value in produced:
        mine.setdefault((step, name), value)
    theirs = set()
    for entry in expected:
        key = (entry["step"], entry["name"])
        theirs.add(key)
        value = mine.get(key)
        desc = "trace %s %s" % key
        if value is None:
            tally.check(where, desc, False, "not computed by this consumer")
            continue
        if entry["name"] in ("RespHello", "EmptyData"):
            ok = same_message(entry["value"], value, cookie_defined)
        else:
            ok = value.hex() == entry["value"]
        tally.check(where, desc, ok, "expected %s, got %s" % (short(entry["value"]), short(value)))
    extra = [k for k in mine if k not in theirs]
    tally.check(where, "no trace values beyond the expected ones", not extra, "extra: %s" % extra)


def derived_marks(exp, rejected):
    """README, Acceptable differences: the marks follow from the outputs alone."""
    marks = [{"field": "rejection", "note": "RejectionKindOrder"}] if rejected else []

    def cookie_mark(field, value):
        if value[:2] in ("82", "84"):
            marks.append({"field": field, "offset": len(value) // 2 - 16, "length": 16,
                          "note": "UnspecifiedCookieField"})

    for field in ("message", "response"):
        if field in exp:
            cookie_mark(field, exp[field])
    for i, ev in enumerate(exp["events"]):
        if "message" in ev:
            cookie_mark("events[%d].message" % i, ev["message"])
    for i, entry in enumerate(exp["trace"]):
        if entry["name"] in ("RespHello", "EmptyData"):
            cookie_mark("trace[%d].value" % i, entry["value"])
    return marks


def compare_marks(tally, where, exp, rejected):
    given = exp.get("acceptable", [])
    for mark in given:
        fields_ok(tally, where, "mark", mark)
    key = lambda m: json.dumps(m, sort_keys=True)  # noqa: E731
    want = derived_marks(exp, rejected)
    tally.check(where, "acceptable marks", sorted(map(key, given)) == sorted(map(key, want)),
                "in the vector %s, derived %s" % ([m["field"] for m in given], [m["field"] for m in want]))
    if "acceptable" in exp:
        tally.check(where, "acceptable is absent rather than empty", bool(given))


# --- replaying a case -----------------------------------------------------------------------------------------------

def check_twin(tally, cid, case, twin):
    """README: b2's construction values are b's two cookie secrets, b's biscuit_keys[0], and the biscuit key b
    redrew at its first RespHello."""
    b = next(s for s in case["servers"] if s["name"] == "b")
    redrawn = [d["value"] for st in case["steps"] if st["server"] == "b"
               for d in st["injected"]["random"] if d["label"] == "biscuit_key"][:1]
    want = [d["value"] for d in b["constructionRandom"][:3]] + redrawn
    tally.check(cid, "b2's construction values are copied from b", [d["value"] for d in twin["constructionRandom"]]
                == want)


def replay_case(tally, case, keys):
    cid = case["id"]
    if not fields_ok(tally, cid, "case", case):
        return
    seed = bytes.fromhex(case["seed"])
    tally.check(cid, "seed = SHAKE256(\"rosenpass reference vectors case \" + id)", seed == generator.case_seed(cid))
    source = Source(tally, cid + " construction", seed)
    servers = {}
    try:
        for srv in case["servers"]:
            if not fields_ok(tally, cid, "server", srv):
                return
            twin = srv["name"] == "b2"  # README: b2 draws nothing, its values are copied from b
            source.load({"random": srv["constructionRandom"]}, "%s server %s construction" % (cid, srv["name"]),
                        srv["name"], from_streams=not twin)
            server = Server(srv["name"], keys[srv["staticKey"]], srv["underLoad"], source)
            source.leftover()
            if twin:
                check_twin(tally, cid, case, srv)
            for p in srv["peers"]:
                if not fields_ok(tally, cid, "peer", p):
                    return
                if "psk" in p:
                    tally.check(cid, "psk = SHAKE256(\"rosenpass reference vectors psk\")",
                                bytes.fromhex(p["psk"]) == generator.psk())
                sep = p.get("outputKeySeparator")
                server.add_peer(Peer(keys[p["staticKey"]], bytes.fromhex(p["psk"]) if "psk" in p else None,
                                     p["version"], (sep["organization"], sep["labels"]) if sep else None,
                                     p["initiates"]))
            servers[srv["name"]] = server
    except Mismatch as e:
        tally.check(cid, "servers", False, str(e))
        return
    last_clock = None
    for i, step in enumerate(case["steps"]):
        where = "%s step %d (%s at %s)" % (cid, i, step.get("action"), step.get("server"))
        if not fields_ok(tally, where, "step", step) or not fields_ok(tally, where, "injected", step["injected"]) \
                or not fields_ok(tally, where, "expected", step["expected"]):
            return
        tally.check(where, "index", step["index"] == i)
        tally.check(where, "clock never goes back", last_clock is None or step["clock"] >= last_clock)
        last_clock = step["clock"]
        server = servers[step["server"]]
        source.load(step["injected"], where, step["server"])
        exp = step["expected"]
        out = Outcome()
        out.cookie_defined = False
        out.cache_hit = False
        now = float(step["clock"])
        before = server.state()
        rejection = None
        produced = None
        try:
            if step["action"] == "initiate":
                produced = server.initiate(step["peer"], now, out)
            elif step["action"] == "deliver":
                host_id = bytes.fromhex(step.get("hostId", ""))
                try:
                    produced = server.deliver(bytes.fromhex(step["message"]), host_id, now, out)
                except Rejected as r:
                    rejection = r.kind
            elif step["action"] == "poll":
                server.poll(now, out)
            else:
                tally.cannot(where, "unknown action %r" % step["action"])
                return
        except Mismatch as e:
            tally.check(where, "injected values fit", False, str(e))
            return
        source.leftover()
        # compare with expected
        if step["action"] == "initiate":
            tally.check(where, "message", same_message(exp.get("message", ""), produced, True),
                        "expected %s, got %s" % (short(exp.get("message", "")), short(produced or b"")))
        if step["action"] == "deliver":
            accepted = rejection is None
            tally.check(where, "accepted", exp.get("accepted") == accepted,
                        "expected %s, got %s (%s)" % (exp.get("accepted"), accepted, rejection))
            if "rejection" in exp or rejection is not None:
                same = exp.get("rejection") == rejection
                if STRICT_KINDS or same or not exp.get("rejection") or rejection is None:
                    tally.check(where, "rejection", same, "expected %s, got %s" % (exp.get("rejection"), rejection))
                else:
                    tally.informative += 1
                    tally.note("INFORMATIVE %s: rejection kind %s here, %s in the vector" %
                               (where, rejection, exp.get("rejection")))
            if rejection is not None:
                unchanged = server.state() == before
                tally.check(where, "stateUnchanged", exp.get("stateUnchanged") is True and unchanged,
                            "expected %s, state unchanged here: %s" % (exp.get("stateUnchanged"), unchanged))
            elif "stateUnchanged" in exp:
                tally.check(where, "stateUnchanged only on rejections", False)
            if "response" in exp:
                tally.check(where, "response", same_message(exp["response"], produced, out.cookie_defined),
                            "expected %s, got %s" % (short(exp["response"]), short(produced or b"")))
            else:
                tally.check(where, "no response", produced is None, "got %s" % short(produced or b""))
        if step["action"] == "poll":
            if "nextPollAt" in exp:
                tally.check(where, "nextPollAt", out.next_poll_at == exp["nextPollAt"],
                            "expected %r, got %r" % (exp["nextPollAt"], out.next_poll_at))
            else:
                tally.cannot(where, "poll without nextPollAt")
        compare_events(tally, where, exp["events"], out.events)
        compare_trace(tally, where, exp["trace"], out.trace, out.cookie_defined)
        compare_marks(tally, where, exp, rejection is not None)


# --- files ----------------------------------------------------------------------------------------------------------

_SCHEMAS = {}


def check_schema(tally, path, data):
    """Validate a file against the JSON Schema its header names (`schema`, relative to the file)."""
    if not isinstance(data.get("schema"), str):
        tally.cannot("file", "no schema named in the header")
        return
    schema_path = os.path.join(os.path.dirname(os.path.abspath(path)), data["schema"])
    if not os.path.exists(schema_path):
        tally.cannot("file", "its schema %s is not there to validate against" % data["schema"])
        return
    if schema_path not in _SCHEMAS:
        _SCHEMAS[schema_path] = jsonschema_lite.Validator(json.load(open(schema_path, encoding="utf-8")))
    validator = _SCHEMAS[schema_path]
    errors = validator.errors(data)
    tally.check("file", "conforms to schema.json", not errors, "; ".join(errors[:3]))
    if validator.unknown:
        tally.cannot("file", "schema.json uses keywords this validator does not know: %s" % sorted(validator.unknown))


def check_notes(tally, notes, used):
    """README, Notes: every flag used (and every note an acceptable mark names) is explained once, with a bugType."""
    for name, note in notes.items():
        if fields_ok(tally, "notes." + name, "note", note):
            tally.check("notes." + name, "bugType", note["bugType"] in BUG_TYPES, note["bugType"])
    missing = sorted(set(used) - set(notes))
    tally.check("file", "every flag and note used is in notes", not missing, str(missing))


def read_keys(path, tally):
    data = json.load(open(path, encoding="utf-8"))
    check_schema(tally, path, data)
    if data.get("format") != KEYS_FORMAT:
        tally.cannot(path, "keys format %r" % data.get("format"))
        return None
    if not fields_ok(tally, "keys file", "keys", data):
        return None
    keys = {}
    for k in data["keys"]:
        if not fields_ok(tally, "keys file", "key", k):
            return None
        sk, pk = bytes.fromhex(k["secretKey"]), bytes.fromhex(k["publicKey"])
        tally.check("key " + k["name"], "publicKeySha256", hashlib.sha256(pk).hexdigest() == k["publicKeySha256"])
        seed = hashlib.shake_256(b"rosenpass reference vectors static key " + k["name"].encode()).digest(32)
        tally.check("key " + k["name"], "seed", seed.hex() == k["seed"])
        tally.check("key " + k["name"], "sizes", len(sk) == 13608 and len(pk) == 524160)
        # README: each key pair is Classic McEliece 460896 KeyGen with the seed as its randomness (delta)
        mceliece.check_keygen(tally, "key " + k["name"], bytes.fromhex(k["seed"]), pk, sk)
        keys[k["name"]] = StaticKey(k["name"], sk, pk)
    return keys


def replay_file(path, keys_cache, name):
    tally = Tally(name)
    data = json.load(open(path, encoding="utf-8"))
    check_schema(tally, path, data)
    if str(data.get("format", "")).startswith("rosenpass-reference-primitives/"):
        primitives.replay_primitives(data, tally, check_notes)
        return tally
    if data.get("format") != VECTOR_FORMAT:
        tally.cannot(path, "format %r (this consumer reads %s)" % (data.get("format"), VECTOR_FORMAT))
        return tally
    if not fields_ok(tally, "file", "file", data):
        return tally
    tally.check("file", "numberOfCases", data["numberOfCases"] == len(data["cases"]))
    tally.check("file", "family", data["family"] + ".json" == os.path.basename(path))
    keys_path = os.path.abspath(os.path.join(os.path.dirname(path), data["keysFile"]))
    keys = keys_cache.get(keys_path)
    if keys is None:
        keys = read_keys(keys_path, tally)
        keys_cache[keys_path] = keys
    used = [f for c in data["cases"] for f in c.get("flags", [])] + \
        [m.get("note") for c in data["cases"] for st in c.get("steps", []) for m in st["expected"].get("acceptable", [])]
    check_notes(tally, data["notes"], used)
    ids = [c["id"] for c in data["cases"]]
    tally.check("file", "case ids unique", len(ids) == len(set(ids)))
    for case in data["cases"]:
        replay_case(tally, case, keys)
    return tally


# Files under vectors/ that are not replayed, each with the reason (README.md, "Out of scope", says the same).
NOT_VECTORS = {
    "schema.json": "the JSON Schema of the other files: every vector file and keys.json is validated against it",
}
OUT_OF_SCOPE = {}
DOC_SUFFIXES = (".md", "LICENSE", "LICENSE-MIT", ".gitattributes")


def classify(rel, top_level):
    """What to do with a file, by its path relative to the vectors folder (or, for a named file, its last
    components); None for documentation and for data read with another file."""
    parts = rel.split("/")
    f, parent = parts[-1], (parts[-2] if len(parts) > 1 else "")
    if f.endswith(DOC_SUFFIXES) or "_offloaded_value_" in f:
        return None  # documentation, licences; offloaded values are read (and checked to be used) with their .toml
    if rel in NOT_VECTORS:
        return "not-a-vector"
    if any(rel.startswith(prefix) for prefix in OUT_OF_SCOPE):
        return "out-of-scope"
    if f == "keys.json":
        return "keys"
    if f.endswith(".toml"):
        return "upstream"
    if f.endswith(".rsp") and parent == "kyber512-round3":
        return "kat-kyber"
    if f.endswith(".rsp") and parent == "mceliece460896-round4":
        return "kat-mceliece"
    if f.endswith(".json") and (top_level or "/" not in rel):
        return "vectors"
    return "unknown"


def collect(target):
    """Every file under target: (path, what to do with it). Nothing is left out silently."""
    if not os.path.isdir(target):
        rel = "/".join(os.path.abspath(target).split(os.sep)[-2:])
        what = classify(rel, True)
        return [(target, what or "unknown")]
    found = []
    for dirpath, dirnames, filenames in os.walk(target):
        dirnames.sort()
        for f in sorted(filenames):
            path = os.path.join(dirpath, f)
            what = classify(os.path.relpath(path, target).replace(os.sep, "/"), False)
            if what is not None:
                found.append((path, what))
    found.sort(key=lambda item: item[1] != "keys")  # the keys first: every vector file uses them
    return found


def main(argv):
    started = time.time()
    global STRICT_KINDS
    args = [a for a in argv[1:] if not a.startswith("--")]
    if "--lenient-kinds" in argv:
        STRICT_KINDS = False
    targets = args or [os.path.join(HERE, "..", "..", "vectors")]
    errors = symmetric.self_test() + protocol.self_test() + nistdrbg.self_test()
    for e in errors:
        print("SELF-TEST FAILED: " + e)
    files = []
    for t in targets:
        files += collect(t)
    tallies = []
    keys_cache = {}
    for path, what in files:
        t0 = time.time()
        name = os.path.relpath(path, targets[0]) if os.path.isdir(targets[0]) else os.path.basename(path)
        tally = Tally(name)
        try:
            if what == "keys":
                keys_cache[os.path.abspath(path)] = read_keys(path, tally)
            elif what == "vectors":
                tally = replay_file(path, keys_cache, name)
            elif what == "upstream":
                upstream.replay_upstream(path, tally)
            elif what == "kat-kyber":
                kats.replay_kyber(path, tally)
            elif what == "kat-mceliece":
                kats.replay_mceliece(path, tally)
            elif what == "not-a-vector":
                print("%s: not replayed: %s" % (name, NOT_VECTORS[os.path.basename(path)]))
                continue
            elif what == "out-of-scope":
                reason = next(r for p, r in OUT_OF_SCOPE.items() if name.startswith(p))
                print("%s: NOT CHECKED, out of scope (README.md): %s" % (name, reason))
                continue
            else:
                tally.cannot(name, "a file this consumer does not know how to check")
        except (OSError, ValueError, KeyError) as e:
            print("%s: cannot read: %s" % (path, e))
            return 2
        tally.seconds = time.time() - t0
        tallies.append(tally)
        for line in tally.lines:
            print(line)
    total = [0, 0, 0, 0]
    print("%-40s %8s %10s %10s %8s" % ("file", "checked", "mismatches", "unchecked", "seconds"))
    for t in tallies:
        print("%-40s %8d %10d %10d %8.1f" % (t.name, t.checked, t.mismatches, t.unchecked, t.seconds))
        total[0] += t.checked
        total[1] += t.mismatches
        total[2] += t.unchecked
        total[3] += t.informative
    print("%-40s %8d %10d %10d %8.1f" % ("total", total[0], total[1], total[2], time.time() - started))
    if total[3]:
        print("informative differences (rejection kinds, --lenient-kinds): %d" % total[3])
    ok = not errors and total[1] == 0 and total[2] == 0 and total[0] > 0
    print("python consumer: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
