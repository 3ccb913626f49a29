"""The generator's randomness, as vectors/README.md ("How the generator draws") describes it: every case's seed,
and per server four SHAKE256 streams read front to back. The README calls this informative (a consumer never needs
it, since every drawn value is recorded); this consumer checks it anyway, because it makes every injected value a
known answer too: the random and jitter draws are the stream's bytes, the Kyber key pairs and encapsulations and the
McEliece encapsulations are recomputed from their streams with the round-3 / round-4 reference algorithms' use of
randombytes (Kyber keygen: d then z; Kyber encaps: m; McEliece encaps: 2t 16-bit values per error-vector attempt).
"""
import hashlib

import kyber
import mceliece

CASE_PREFIX = b"rosenpass reference vectors case "
PSK_LABEL = b"rosenpass reference vectors psk"


def case_seed(case_id):
    return hashlib.shake_256(CASE_PREFIX + case_id.encode()).digest(32)


def psk():
    return hashlib.shake_256(PSK_LABEL).digest(32)


class Stream:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.buf = b""

    def read(self, n):
        if self.pos + n > len(self.buf):
            self.buf = hashlib.shake_256(self.data).digest(max(2 * len(self.buf), self.pos + n, 4096))
        value = self.buf[self.pos:self.pos + n]
        self.pos += n
        return value


class ServerStreams:
    def __init__(self, seed, server):
        self.random, self.jitter, self.static_kem, self.ephemeral_kem = (
            Stream(seed + ("server %s %s" % (server, kind)).encode())
            for kind in ("random", "jitter", "static kem", "ephemeral kem"))

    def kem(self, kem, operation, to):
        """The KEM result the generator's stream gives, as the list of the injected entry's byte fields."""
        if kem == "ephemeral" and operation == "keygen":
            pk, sk = kyber.keygen(self.ephemeral_kem.read(32), self.ephemeral_kem.read(32))
            return [pk, sk]
        if kem == "ephemeral":
            return list(kyber.encaps(to, self.ephemeral_kem.read(32)))
        return list(mceliece.encaps(to, self.static_kem.read))
