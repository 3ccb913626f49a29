"""The NIST PQC known-answer randomness: AES-256 (FIPS 197, encryption only) in the AES-256-CTR DRBG of NIST's
`rng.c` (`randombytes_init`, `randombytes`), as used by PQCgenKAT_kem.c to produce `.rsp` files."""


def _xtime(a):
    a <<= 1
    return (a ^ 0x11B) & 0xFF if a & 0x100 else a


def _gmul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = _xtime(a)
        b >>= 1
    return r


def _sbox():
    inv = [0] * 256
    for a in range(1, 256):
        for b in range(1, 256):
            if _gmul(a, b) == 1:
                inv[a] = b
                break
    box = []
    for a in range(256):
        x = inv[a]
        y = x
        for _ in range(4):
            x = ((x << 1) | (x >> 7)) & 0xFF
            y ^= x
        box.append(y ^ 0x63)
    return box


SBOX = _sbox()


def expand_key(key):
    """AES-256 key schedule: 15 round keys of 16 bytes."""
    words = [list(key[4 * i:4 * i + 4]) for i in range(8)]
    rcon = 1
    for i in range(8, 60):
        t = list(words[i - 1])
        if i % 8 == 0:
            t = t[1:] + t[:1]
            t = [SBOX[b] for b in t]
            t[0] ^= rcon
            rcon = _xtime(rcon)
        elif i % 8 == 4:
            t = [SBOX[b] for b in t]
        words.append([a ^ b for a, b in zip(words[i - 8], t)])
    return [sum(words[4 * r:4 * r + 4], []) for r in range(15)]


def aes256_encrypt_block(round_keys, block):
    s = [b ^ k for b, k in zip(block, round_keys[0])]
    for r in range(1, 15):
        s = [SBOX[b] for b in s]
        # ShiftRows on the column-major state: byte (row i, column c) is s[4c + i]
        s = [s[(4 * ((c + i) % 4)) + i] for c in range(4) for i in range(4)]
        if r != 14:
            mixed = []
            for c in range(4):
                a0, a1, a2, a3 = s[4 * c:4 * c + 4]
                mixed += [_xtime(a0) ^ (_xtime(a1) ^ a1) ^ a2 ^ a3,
                          a0 ^ _xtime(a1) ^ (_xtime(a2) ^ a2) ^ a3,
                          a0 ^ a1 ^ _xtime(a2) ^ (_xtime(a3) ^ a3),
                          (_xtime(a0) ^ a0) ^ a1 ^ a2 ^ _xtime(a3)]
            s = mixed
        s = [b ^ k for b, k in zip(s, round_keys[r])]
    return bytes(s)


class Drbg:
    """AES256_CTR_DRBG of NIST's rng.c, without personalisation string."""

    def __init__(self, entropy48):
        self.key = bytes(32)
        self.v = bytearray(16)
        self._update(entropy48)

    def _increment(self):
        for j in range(15, -1, -1):
            if self.v[j] == 0xFF:
                self.v[j] = 0
            else:
                self.v[j] += 1
                break

    def _update(self, provided):
        rk = expand_key(self.key)
        temp = b""
        for _ in range(3):
            self._increment()
            temp += aes256_encrypt_block(rk, bytes(self.v))
        if provided is not None:
            temp = bytes(a ^ b for a, b in zip(temp, provided))
        self.key, self.v = temp[:32], bytearray(temp[32:])

    def random_bytes(self, n):
        rk = expand_key(self.key)
        out = b""
        while len(out) < n:
            self._increment()
            out += aes256_encrypt_block(rk, bytes(self.v))
        self._update(None)
        return out[:n]


def self_test():
    """FIPS 197 Appendix C.3 (AES-256)."""
    rk = expand_key(bytes(range(32)))
    ct = aes256_encrypt_block(rk, bytes.fromhex("00112233445566778899aabbccddeeff"))
    return [] if ct.hex() == "8ea2b7ca516745bfeafc49904b496089" else ["AES-256 differs from FIPS 197 C.3"]
