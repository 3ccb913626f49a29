"""Classic McEliece 460896 (non-"f"), round-4 encoding (spec §2.4), written from the Classic McEliece specification
(2022-10-23 submission) and its reference implementation's byte layouts.

Parameters: m = 13, n = 4608, t = 96; field GF(2^13) with f(z) = z^13 + z^4 + z^3 + z + 1; Goppa field polynomial
F(y) = y^96 + y^10 + y^9 + y^6 + 1. Sizes: pk 524160 (1248 rows of 420 bytes), sk 13608, ct 156, shk 32.

Secret key layout: delta (32) ‖ c (8, pivot bits, 0xFFFFFFFF for the non-"f" variant) ‖ g (96 coefficients, 2 bytes
little-endian each; g is monic, the leading 1 is implicit) ‖ control bits of the Beneš network (12800 = 25 layers of
512 bytes) ‖ s (576, the implicit-rejection string).

Speed: decapsulation is run for every handshake of every vector, so the slow parts are done once per key (the
support, 1/g(a)^2 and the syndrome columns, packed 16 bits per element into one Python integer per column so that a
syndrome is an XOR of integers) and the root search evaluates the error locator at all 4608 support elements at once,
bit-sliced: 13 Python integers of 4608 bits, one per bit of the field element.
"""
import hashlib

M, N, T = 13, 4608, 96
GF_SIZE = 1 << M
GF_MASK = GF_SIZE - 1
SYND_BITS = M * T          # 1248
SYND_BYTES = SYND_BITS // 8  # 156
PK_ROW_BYTES = (N - SYND_BITS) // 8  # 420
PK_BYTES = SYND_BITS * PK_ROW_BYTES  # 524160
IRR_BYTES = 2 * T          # 192
COND_BYTES = (2 * M - 1) * (GF_SIZE // 2) // 8  # 12800
SK_BYTES = 40 + IRR_BYTES + COND_BYTES + N // 8  # 13608

# --- GF(2^13) --------------------------------------------------------------------------------------------------------
# 2^13 - 1 = 8191 is prime, so z generates the multiplicative group of the field.
EXP = [0] * (2 * GF_SIZE)
LOG = [0] * GF_SIZE
_x = 1
for _i in range(GF_SIZE - 1):
    EXP[_i] = _x
    LOG[_x] = _i
    _x <<= 1
    if _x & GF_SIZE:
        _x ^= 0b10000000011011  # z^13 + z^4 + z^3 + z + 1
for _i in range(GF_SIZE - 1, 2 * GF_SIZE):
    EXP[_i] = EXP[_i - (GF_SIZE - 1)]


def gf_mul(a, b):
    if a == 0 or b == 0:
        return 0
    return EXP[LOG[a] + LOG[b]]


def gf_inv(a):
    return EXP[(GF_SIZE - 1 - LOG[a]) % (GF_SIZE - 1)] if a else 0


def gf_div(a, b):  # a / b, b != 0
    if a == 0:
        return 0
    return EXP[(LOG[a] - LOG[b]) % (GF_SIZE - 1)]


def bitrev(a):
    """Reverse the 13 low bits (the reference's bitrev for GFBITS = 13)."""
    r = 0
    for i in range(M):
        r |= ((a >> i) & 1) << (M - 1 - i)
    return r


def poly_eval(coeffs, x):
    """coeffs[0] + coeffs[1] x + ... (Horner)."""
    r = 0
    for c in reversed(coeffs):
        r = gf_mul(r, x) ^ c
    return r


# --- bit-sliced evaluation at all support elements -------------------------------------------------------------------

def _sliced(values):
    """13 integers; bit i of integer k is bit k of values[i]."""
    planes = [0] * M
    for i, v in enumerate(values):
        for k in range(M):
            if (v >> k) & 1:
                planes[k] |= 1 << i
    return planes


def _sliced_mul(a, b):
    prod = [0] * (2 * M - 1)
    for i in range(M):
        ai = a[i]
        if ai == 0:
            continue
        for j in range(M):
            prod[i + j] ^= ai & b[j]
    for d in range(2 * M - 2, M - 1, -1):  # z^13 = z^4 + z^3 + z + 1
        v = prod[d]
        if v:
            prod[d - 13 + 4] ^= v
            prod[d - 13 + 3] ^= v
            prod[d - 13 + 1] ^= v
            prod[d - 13] ^= v
    return prod[:M]


def sliced_eval(coeffs, x_planes, ones):
    """Evaluate the polynomial at every lane of x_planes; returns the result's planes."""
    acc = [ones if (coeffs[-1] >> k) & 1 else 0 for k in range(M)]
    for c in reversed(coeffs[:-1]):
        acc = _sliced_mul(acc, x_planes)
        for k in range(M):
            if (c >> k) & 1:
                acc[k] ^= ones
    return acc


# --- the Beneš network (control bits -> permutation) ----------------------------------------------------------------

def permutation_from_control_bits(cb):
    """Apply the 2m-1 layers (strides 2^0 .. 2^(m-1) .. 2^0) to the identity, as the reference's layer() does."""
    n = GF_SIZE
    p = list(range(n))
    bits = int.from_bytes(cb, "little")
    index = 0
    for s in list(range(M)) + list(range(M - 2, -1, -1)):
        stride = 1 << s
        for i in range(0, n, 2 * stride):
            for j in range(i, i + stride):
                if (bits >> index) & 1:
                    p[j], p[j + stride] = p[j + stride], p[j]
                index += 1
    return p


class SecretKey:
    """The values a decapsulation needs, derived once from a 13608-byte secret key."""

    def __init__(self, sk):
        if len(sk) != SK_BYTES:
            raise ValueError("McEliece secret key must be %d bytes" % SK_BYTES)
        self.sk = sk
        self.g = [int.from_bytes(sk[40 + 2 * i:42 + 2 * i], "little") & GF_MASK for i in range(T)] + [1]
        self.pi = permutation_from_control_bits(sk[40 + IRR_BYTES:40 + IRR_BYTES + COND_BYTES])
        self.support = [bitrev(self.pi[i]) for i in range(N)]
        self.s = sk[40 + IRR_BYTES + COND_BYTES:]
        self.ones = (1 << N) - 1
        self.support_planes = _sliced(self.support)
        g_planes = sliced_eval(self.g, self.support_planes, self.ones)
        self.g_at_support = [sum(((g_planes[k] >> i) & 1) << k for k in range(M)) for i in range(N)]
        self._columns = {}

    def column(self, i):
        """The doubled-syndrome contribution of position i: sum_j (a_i^j / g(a_i)^2) X^j, 16 bits per j."""
        col = self._columns.get(i)
        if col is None:
            a = self.support[i]
            gi = self.g_at_support[i]
            if gi == 0:
                raise ValueError("g vanishes on the support")
            v = gf_inv(gf_mul(gi, gi))
            col = 0
            for j in range(2 * T):
                col |= v << (16 * j)
                v = gf_mul(v, a)
            self._columns[i] = col
        return col

    def syndrome(self, bits_int):
        acc = 0
        i = 0
        while bits_int:
            if bits_int & 1:
                acc ^= self.column(i)
            bits_int >>= 1
            i += 1
        return [(acc >> (16 * j)) & 0xFFFF for j in range(2 * T)]


def berlekamp_massey(s):
    """The reference bm(): returns the error locator reversed, sigma[i] = C[t - i]."""
    C = [0] * (T + 1)
    B = [0] * (T + 1)
    C[0] = 1
    B[1] = 1
    L = 0
    b = 1
    for n in range(2 * T):
        d = 0
        for i in range(min(n, T) + 1):
            d ^= gf_mul(C[i], s[n - i])
        if d != 0:
            f = gf_div(d, b)
            Tmp = list(C)
            for i in range(T + 1):
                C[i] ^= gf_mul(f, B[i])
            if n >= 2 * L:
                L = n + 1 - L
                B = Tmp
                b = d
        B = [0] + B[:T]
    return [C[T - i] for i in range(T + 1)]


def decrypt(key, c):
    """Returns (ok, e) with e the n-bit error vector as an integer (bit i = position i)."""
    r = int.from_bytes(c, "little")  # positions 0 .. 1247 hold c, the rest are 0
    s = key.syndrome(r)
    sigma = berlekamp_massey(s)
    planes = sliced_eval(sigma, key.support_planes, key.ones)
    nonzero = 0
    for p in planes:
        nonzero |= p
    e = key.ones ^ nonzero
    weight = bin(e).count("1")
    ok = weight == T and key.syndrome(e) == s
    return ok, e


def decaps(key, c):
    """Round-4 decapsulation: K = SHAKE256(b ‖ (e or s) ‖ C)[0..32], b = 1 on success, 0 (with s) otherwise."""
    if len(c) != SYND_BYTES:
        raise ValueError("McEliece ciphertext must be %d bytes" % SYND_BYTES)
    ok, e = decrypt(key, c)
    if ok:
        pre = b"\x01" + e.to_bytes(N // 8, "little") + c
    else:
        pre = b"\x00" + key.s + c
    return hashlib.shake_256(pre).digest(32)


# --- encapsulation (for the informative generator checks and the primitives file) -----------------------------------

def syndrome_from_pk(pk, e):
    """C = H e with H = (I_mt | T): row i is the unit vector i followed by pk row i."""
    tail = e >> SYND_BITS
    out = 0
    for i in range(SYND_BITS):
        row = int.from_bytes(pk[i * PK_ROW_BYTES:(i + 1) * PK_ROW_BYTES], "little")
        bit = ((e >> i) & 1) ^ (bin(row & tail).count("1") & 1)
        out |= bit << i
    return out.to_bytes(SYND_BYTES, "little")


def gen_e(random_bytes):
    """The reference gen_e: draws 2t 16-bit values per attempt (384 bytes); random_bytes(n) supplies them."""
    while True:
        buf = random_bytes(4 * T)
        nums = [int.from_bytes(buf[2 * i:2 * i + 2], "little") & GF_MASK for i in range(2 * T)]
        ind = [v for v in nums if v < N][:T]
        if len(ind) < T or len(set(ind)) != T:
            continue
        e = 0
        for v in ind:
            e |= 1 << v
        return e


def encaps(pk, random_bytes):
    e = gen_e(random_bytes)
    c = syndrome_from_pk(pk, e)
    return c, hashlib.shake_256(b"\x01" + e.to_bytes(N // 8, "little") + c).digest(32)
