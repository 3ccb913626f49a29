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


_PREPARED = {}


def secret_key(sk):
    """SecretKey(sk), prepared once per distinct secret key in this process."""
    if sk not in _PREPARED:
        _PREPARED[sk] = SecretKey(sk)
    return _PREPARED[sk]


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


# --- key generation (round 4 SeededKeyGen), to check a key pair against its seed ---------------------------------

def poly_mul_mod(a, b):
    """Product in GF(2^13)[y] / F(y), F = y^96 + y^10 + y^9 + y^6 + 1 (coefficient lists of length t)."""
    prod = [0] * (2 * T - 1)
    for i, ai in enumerate(a):
        if ai == 0:
            continue
        la = LOG[ai]
        for j, bj in enumerate(b):
            if bj:
                prod[i + j] ^= EXP[la + LOG[bj]]
    for i in range(2 * T - 2, T - 1, -1):
        v = prod[i]
        if v:
            prod[i - T + 10] ^= v
            prod[i - T + 9] ^= v
            prod[i - T + 6] ^= v
            prod[i - T] ^= v
    return prod[:T]


def genpoly_gen(f):
    """The minimal polynomial g of f over GF(2^13) (monic, degree t), as its t low coefficients; None if f's powers
    1, f, ..., f^(t-1) are linearly dependent (the reference then draws a new seed)."""
    powers = [[1] + [0] * (T - 1), list(f)]
    for _ in range(2, T + 1):
        powers.append(poly_mul_mod(powers[-1], f))
    # Solve sum_{c<t} a_c f^c = f^t: rows are coefficient positions, columns the powers, last column f^t.
    rows = [[powers[c][r] for c in range(T + 1)] for r in range(T)]
    for col in range(T):
        pivot = next((r for r in range(col, T) if rows[r][col]), None)
        if pivot is None:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        inv = gf_inv(rows[col][col])
        rows[col] = [gf_mul(x, inv) for x in rows[col]]
        for r in range(T):
            factor = rows[r][col]
            if r != col and factor:
                lf = LOG[factor]
                rows[r] = [x ^ (EXP[lf + LOG[y]] if y else 0) for x, y in zip(rows[r], rows[col])]
    return [rows[r][T] for r in range(T)]


def pk_gen(g, perm):
    """Returns (pk, pi) or None when the field ordering has a repeated value or the matrix is not systematic."""
    order = sorted((perm[i], i) for i in range(GF_SIZE))
    for i in range(1, GF_SIZE):
        if order[i - 1][0] == order[i][0]:
            return None
    pi = [i for _, i in order]
    support = [bitrev(pi[i]) for i in range(N)]
    ones = (1 << N) - 1
    x_planes = _sliced(support)
    g_planes = sliced_eval(g + [1], x_planes, ones)
    g_vals = [sum(((g_planes[k] >> i) & 1) << k for k in range(M)) for i in range(N)]
    if 0 in g_vals:
        return None
    v = _sliced([gf_inv(x) for x in g_vals])  # 1/g(a_j), then times a_j per block of rows
    rows = []
    for _ in range(T):
        rows += v
        v = _sliced_mul(v, x_planes)
    for col in range(SYND_BITS):
        bit = 1 << col
        pivot = next((r for r in range(col, SYND_BITS) if rows[r] & bit), None)
        if pivot is None:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        prow = rows[col]
        for r in range(SYND_BITS):
            if r != col and rows[r] & bit:
                rows[r] ^= prow
    pk = b"".join((row >> SYND_BITS).to_bytes(PK_ROW_BYTES, "little") for row in rows)
    return pk, pi


def control_bits(pi):
    """Beneš control bits of a permutation of {0..2^m-1}, by the formulas of Bernstein's 'Verified fast formulas
    for control bits for permutation networks' (as the round-4 reference computes them): the first layer from the
    cycle minima of pibar(x) = pi(pi^-1(x xor 1) xor 1), the last layer from F o pi, and two half-size recursions."""
    out = [0] * ((2 * M - 1) * GF_SIZE // 2)

    def recurse(pos, step, p, w, n):
        if w == 1:
            out[pos] ^= p[0]
            return
        pinv = [0] * n
        for x, y in enumerate(p):
            pinv[y] = x
        pibar = [p[pinv[x ^ 1] ^ 1] for x in range(n)]
        cmin = [None] * n
        for x in range(n):
            if cmin[x] is None:
                cycle = [x]
                y = pibar[x]
                while y != x:
                    cycle.append(y)
                    y = pibar[y]
                m = min(cycle)
                for y in cycle:
                    cmin[y] = m
        f = [cmin[2 * j] & 1 for j in range(n // 2)]
        for j in range(n // 2):
            out[pos + j * step] ^= f[j]
        fp = [p[y] ^ f[p[y] >> 1] for y in range(n)]  # F(pi(y)), F(x) = x xor f[x >> 1]
        last = pos + (2 * w - 2) * step * (n // 2)
        lbits = [fp[2 * k] & 1 for k in range(n // 2)]
        for k in range(n // 2):
            out[last + k * step] ^= lbits[k]
        mperm = [fp[z ^ lbits[z >> 1]] for z in range(n)]  # M = F o pi o L, L(z) = z xor l[z >> 1]
        q0 = [mperm[2 * j] >> 1 for j in range(n // 2)]
        q1 = [mperm[2 * j + 1] >> 1 for j in range(n // 2)]
        mid = pos + step * (n // 2)
        recurse(mid, step * 2, q0, w - 1, n // 2)
        recurse(mid + step, step * 2, q1, w - 1, n // 2)

    recurse(0, 1, pi, M, GF_SIZE)
    acc = 0
    for i, b in enumerate(out):
        if b:
            acc |= 1 << i
    return acc.to_bytes(COND_BYTES, "little")


def keygen(delta):
    """Round-4 SeededKeyGen: returns (pk, sk) for the 32-byte seed delta."""
    r_len = N // 8 + 4 * GF_SIZE + 2 * T + 32
    while True:
        r = hashlib.shake_256(b"\x40" + delta).digest(r_len)
        s = r[0:N // 8]
        perm_bytes = r[N // 8:N // 8 + 4 * GF_SIZE]
        f_bytes = r[N // 8 + 4 * GF_SIZE:r_len - 32]
        f = [int.from_bytes(f_bytes[2 * i:2 * i + 2], "little") & GF_MASK for i in range(T)]
        g = genpoly_gen(f)
        result = None
        if g is not None:
            perm = [int.from_bytes(perm_bytes[4 * i:4 * i + 4], "little") for i in range(GF_SIZE)]
            result = pk_gen(g, perm)
        if result is None:
            delta = r[r_len - 32:]
            continue
        pk, pi = result
        g_bytes = b"".join(x.to_bytes(2, "little") for x in g)
        sk = delta + (0xFFFFFFFF).to_bytes(8, "little") + g_bytes + control_bits(pi) + s
        return pk, sk


_KEYGEN = {}


def check_keygen(tally, where, delta, pk, sk):
    """Compare a key pair with SeededKeyGen(delta), part by part (KeyGen runs once per seed and process)."""
    if delta not in _KEYGEN:
        _KEYGEN[delta] = keygen(delta)
    got_pk, got_sk = _KEYGEN[delta]
    tally.check(where, "pk = KeyGen(seed).pk", got_pk == pk)
    for name, lo, hi in (("delta", 0, 32), ("c (pivots)", 32, 40), ("g", 40, 40 + IRR_BYTES),
                         ("control bits", 40 + IRR_BYTES, 40 + IRR_BYTES + COND_BYTES),
                         ("s", 40 + IRR_BYTES + COND_BYTES, SK_BYTES)):
        tally.check(where, "sk %s = KeyGen(seed)" % name, got_sk[lo:hi] == sk[lo:hi])
