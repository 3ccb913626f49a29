"""Kyber512 as submitted to NIST round 3 (spec §2.5), written from the round-3 specification.

Parameters: n = 256, q = 3329, k = 2, eta1 = 3, eta2 = 2, du = 10, dv = 4. Hashes: H = SHA3-256, G = SHA3-512,
XOF = SHAKE128, PRF = SHAKE256, KDF = SHAKE256 (round 3: shk = KDF(K̄ ‖ H(ct)), which is what separates it from
ML-KEM). The NTT is the specification's, without Montgomery tricks: its outputs are the true NTT values mod q, which is
what the packed keys hold. Randomness is passed in explicitly (keygen: d then z; encaps: m), in the order the
round-3 reference implementation reads it from randombytes().
"""
import hashlib

N, Q, K, ETA1, ETA2, DU, DV = 256, 3329, 2, 3, 2, 10, 4
SK_BYTES, PK_BYTES, CT_BYTES = 1632, 800, 768


def _bitrev7(i):
    return int("{:07b}".format(i)[::-1], 2)


ZETAS = [pow(17, _bitrev7(i), Q) for i in range(128)]
GAMMAS = [pow(17, 2 * _bitrev7(i) + 1, Q) for i in range(128)]
INV128 = pow(128, Q - 2, Q)


def ntt(f):
    f = list(f)
    k, length = 1, 128
    while length >= 2:
        for start in range(0, N, 2 * length):
            zeta = ZETAS[k]
            k += 1
            for j in range(start, start + length):
                t = zeta * f[j + length] % Q
                f[j + length] = (f[j] - t) % Q
                f[j] = (f[j] + t) % Q
        length //= 2
    return f


def intt(f):
    f = list(f)
    k, length = 127, 2
    while length <= 128:
        for start in range(0, N, 2 * length):
            zeta = ZETAS[k]
            k -= 1
            for j in range(start, start + length):
                t = f[j]
                f[j] = (t + f[j + length]) % Q
                f[j + length] = zeta * (f[j + length] - t) % Q
        length *= 2
    return [x * INV128 % Q for x in f]


def basemul(a, b):
    c = [0] * N
    for i in range(128):
        a0, a1, b0, b1 = a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1]
        c[2 * i] = (a0 * b0 + a1 * b1 * GAMMAS[i]) % Q
        c[2 * i + 1] = (a0 * b1 + a1 * b0) % Q
    return c


def padd(a, b):
    return [(x + y) % Q for x, y in zip(a, b)]


def psub(a, b):
    return [(x - y) % Q for x, y in zip(a, b)]


def parse(stream):
    """Rejection sampling of uniform coefficients (Algorithm 1 'Parse')."""
    out, i = [], 0
    while len(out) < N:
        if i + 3 > len(stream):
            raise ValueError("XOF stream too short")
        b0, b1, b2 = stream[i], stream[i + 1], stream[i + 2]
        i += 3
        d1 = b0 | ((b1 & 0x0F) << 8)
        d2 = (b1 >> 4) | (b2 << 4)
        if d1 < Q:
            out.append(d1)
        if d2 < Q and len(out) < N:
            out.append(d2)
    return out


def xof_poly(rho, x, y):
    length = 168 * 6
    while True:
        try:
            return parse(hashlib.shake_128(rho + bytes([x, y])).digest(length))
        except ValueError:
            length *= 2


def cbd(buf, eta):
    bits = int.from_bytes(buf, "little")
    out = []
    for i in range(N):
        a = bin((bits >> (2 * eta * i)) & ((1 << eta) - 1)).count("1")
        b = bin((bits >> (2 * eta * i + eta)) & ((1 << eta) - 1)).count("1")
        out.append((a - b) % Q)
    return out


def prf_noise(sigma, nonce, eta):
    return cbd(hashlib.shake_256(sigma + bytes([nonce])).digest(64 * eta), eta)


def decode12(b):
    out = []
    for i in range(0, len(b), 3):
        out.append(b[i] | ((b[i + 1] & 0x0F) << 8))
        out.append((b[i + 1] >> 4) | (b[i + 2] << 4))
    return out


def encode12(f):
    out = bytearray()
    for i in range(0, N, 2):
        a, b = f[i], f[i + 1]
        out += bytes([a & 0xFF, (a >> 8) | ((b & 0x0F) << 4), b >> 4])
    return bytes(out)


def compress(x, d):
    return ((x << d) + Q // 2) // Q & ((1 << d) - 1)


def decompress(x, d):
    return (x * Q + (1 << (d - 1))) >> d


def pack_bits(values, d):
    acc = 0
    for i, v in enumerate(values):
        acc |= v << (d * i)
    return acc.to_bytes(len(values) * d // 8, "little")


def unpack_bits(b, d, count):
    acc = int.from_bytes(b, "little")
    mask = (1 << d) - 1
    return [(acc >> (d * i)) & mask for i in range(count)]


def indcpa_keygen(d):
    g = hashlib.sha3_512(d).digest()
    rho, sigma = g[:32], g[32:]
    a_hat = [[xof_poly(rho, j, i) for j in range(K)] for i in range(K)]  # A[i][j] = Parse(XOF(rho, j, i))
    s = [ntt(prf_noise(sigma, n, ETA1)) for n in range(K)]
    e = [ntt(prf_noise(sigma, K + n, ETA1)) for n in range(K)]
    t = []
    for i in range(K):
        acc = [0] * N
        for j in range(K):
            acc = padd(acc, basemul(a_hat[i][j], s[j]))
        t.append(padd(acc, e[i]))
    pk = b"".join(encode12(p) for p in t) + rho
    sk = b"".join(encode12(p) for p in s)
    return pk, sk


def indcpa_enc(pk, m, coins):
    t_hat = [decode12(pk[384 * i:384 * (i + 1)]) for i in range(K)]
    rho = pk[384 * K:]
    at = [[xof_poly(rho, i, j) for j in range(K)] for i in range(K)]  # A^T[i][j] = Parse(XOF(rho, i, j))
    r = [ntt(prf_noise(coins, n, ETA1)) for n in range(K)]
    e1 = [prf_noise(coins, K + n, ETA2) for n in range(K)]
    e2 = prf_noise(coins, 2 * K, ETA2)
    u = []
    for i in range(K):
        acc = [0] * N
        for j in range(K):
            acc = padd(acc, basemul(at[i][j], r[j]))
        u.append(padd(intt(acc), e1[i]))
    acc = [0] * N
    for j in range(K):
        acc = padd(acc, basemul(t_hat[j], r[j]))
    mpoly = [decompress((m[i // 8] >> (i % 8)) & 1, 1) for i in range(N)]
    v = padd(padd(intt(acc), e2), mpoly)
    c1 = b"".join(pack_bits([compress(x, DU) for x in p], DU) for p in u)
    c2 = pack_bits([compress(x, DV) for x in v], DV)
    return c1 + c2


def indcpa_dec(sk, ct):
    u = [[decompress(x, DU) for x in unpack_bits(ct[320 * i:320 * (i + 1)], DU, N)] for i in range(K)]
    v = [decompress(x, DV) for x in unpack_bits(ct[320 * K:], DV, N)]
    s_hat = [decode12(sk[384 * i:384 * (i + 1)]) for i in range(K)]
    acc = [0] * N
    for i in range(K):
        acc = padd(acc, basemul(s_hat[i], ntt(u[i])))
    w = psub(v, intt(acc))
    bits = [compress(x, 1) for x in w]
    return bytes(sum(bits[8 * i + j] << j for j in range(8)) for i in range(32))


def H(b):
    return hashlib.sha3_256(b).digest()


def G(b):
    return hashlib.sha3_512(b).digest()


def KDF(b):
    return hashlib.shake_256(b).digest(32)


def keygen(d, z):
    """Round-3 crypto_kem_keypair with randombytes yielding d (32) then z (32). Returns (pk, sk)."""
    pk, sk_cpa = indcpa_keygen(d)
    return pk, sk_cpa + pk + H(pk) + z


def encaps(pk, m_random):
    """Round-3 crypto_kem_enc with randombytes yielding m_random (32). Returns (ct, shk)."""
    m = H(m_random)
    kr = G(m + H(pk))
    ct = indcpa_enc(pk, m, kr[32:])
    return ct, KDF(kr[:32] + H(ct))


def decaps(sk, ct):
    """Round-3 crypto_kem_dec: implicit rejection with z."""
    sk_cpa, pk, hpk, z = sk[:768], sk[768:1568], sk[1568:1600], sk[1600:1632]
    m = indcpa_dec(sk_cpa, ct)
    kr = G(m + hpk)
    if indcpa_enc(pk, m, kr[32:]) == ct:
        return KDF(kr[:32] + H(ct))
    return KDF(z + H(ct))
