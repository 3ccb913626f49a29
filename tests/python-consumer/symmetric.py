"""Symmetric primitives of spec §2.1-§2.3, in plain Python (standard library only).

ChaCha20 and Poly1305 follow RFC 8439; XChaCha20-Poly1305 follows draft-irtf-cfrg-xchacha-03 (HChaCha20 subkey
from nonce[0..16), then ChaCha20-Poly1305 with nonce 0^4 ‖ nonce[16..24)). The keyed hashes follow spec §2.1.
Messages in Rosenpass are short (at most a few hundred bytes go through an AEAD), so speed does not matter here.
"""
import hashlib
import hmac
import struct

MASK32 = 0xFFFFFFFF


def _rotl(v, c):
    return ((v << c) & MASK32) | (v >> (32 - c))


def _quarter(s, a, b, c, d):
    s[a] = (s[a] + s[b]) & MASK32; s[d] = _rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & MASK32; s[b] = _rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & MASK32; s[d] = _rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & MASK32; s[b] = _rotl(s[b] ^ s[c], 7)


def _rounds(s):
    for _ in range(10):
        _quarter(s, 0, 4, 8, 12); _quarter(s, 1, 5, 9, 13); _quarter(s, 2, 6, 10, 14); _quarter(s, 3, 7, 11, 15)
        _quarter(s, 0, 5, 10, 15); _quarter(s, 1, 6, 11, 12); _quarter(s, 2, 7, 8, 13); _quarter(s, 3, 4, 9, 14)


_CONSTANTS = (0x61707865, 0x3320646E, 0x79622D32, 0x6B206574)  # "expand 32-byte k"


def chacha20_block(key, counter, nonce):
    """RFC 8439 §2.3: one 64-byte block for a 32-byte key, 32-bit counter and 12-byte nonce."""
    init = list(_CONSTANTS) + list(struct.unpack("<8I", key)) + [counter] + list(struct.unpack("<3I", nonce))
    s = list(init)
    _rounds(s)
    return struct.pack("<16I", *((s[i] + init[i]) & MASK32 for i in range(16)))


def chacha20_xor(key, counter, nonce, data):
    """RFC 8439 §2.4: encryption and decryption are the same XOR with the key stream."""
    out = bytearray()
    for i in range(0, len(data), 64):
        block = chacha20_block(key, counter + i // 64, nonce)
        out += bytes(x ^ y for x, y in zip(data[i:i + 64], block))
    return bytes(out)


def hchacha20(key, nonce16):
    """draft-irtf-cfrg-xchacha-03 §2.2: the state after the 20 rounds, words 0-3 and 12-15 (no final addition)."""
    s = list(_CONSTANTS) + list(struct.unpack("<8I", key)) + list(struct.unpack("<4I", nonce16))
    _rounds(s)
    return struct.pack("<8I", *(s[0:4] + s[12:16]))


def poly1305(key, msg):
    """RFC 8439 §2.5."""
    r = int.from_bytes(key[0:16], "little") & 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF
    s = int.from_bytes(key[16:32], "little")
    p = (1 << 130) - 5
    acc = 0
    for i in range(0, len(msg), 16):
        n = int.from_bytes(msg[i:i + 16] + b"\x01", "little")
        acc = ((acc + n) * r) % p
    return ((acc + s) & ((1 << 128) - 1)).to_bytes(16, "little")


def _pad16(b):
    return b"\x00" * (-len(b) % 16)


def _tag(key, nonce, ad, ct):
    otk = chacha20_block(key, 0, nonce)[0:32]
    mac_data = ad + _pad16(ad) + ct + _pad16(ct) + struct.pack("<QQ", len(ad), len(ct))
    return poly1305(otk, mac_data)


def aead_enc(key, nonce, ad, pt):
    """ChaCha20-Poly1305 (RFC 8439 §2.8): returns ct ‖ tag."""
    ct = chacha20_xor(key, 1, nonce, pt)
    return ct + _tag(key, nonce, ad, ct)


def aead_dec(key, nonce, ad, ct_tag):
    """Returns the plaintext, or None when the tag does not verify."""
    if len(ct_tag) < 16:
        return None
    ct, tag = ct_tag[:-16], ct_tag[-16:]
    if not hmac.compare_digest(_tag(key, nonce, ad, ct), tag):
        return None
    return chacha20_xor(key, 1, nonce, ct)


def xaead_seal(key, nonce24, ad, pt):
    """spec §2.3: nonce ‖ ct ‖ tag."""
    sub = hchacha20(key, nonce24[0:16])
    return nonce24 + aead_enc(sub, b"\x00" * 4 + nonce24[16:24], ad, pt)


def xaead_open(key, ad, c):
    """spec §2.3: decrypt c[24..) with nonce c[0..24); None on a bad tag."""
    if len(c) < 40:
        return None
    nonce24 = c[0:24]
    sub = hchacha20(key, nonce24[0:16])
    return aead_dec(sub, b"\x00" * 4 + nonce24[16:24], ad, c[24:])


# --- keyed hashes (spec §2.1) -------------------------------------------------------------------------------------

def kh_v03(k, d):
    return hashlib.shake_256(k + d).digest(32)


def kh_v02(k, d):
    inner = hashlib.blake2b(d, key=bytes(x ^ 0x36 for x in k), digest_size=32).digest()
    return hashlib.blake2b(inner, key=bytes(x ^ 0x5C for x in k), digest_size=32).digest()


KH = {"V02": kh_v02, "V03": kh_v03}


def self_test():
    """Known answers from RFC 8439 §2.8.2, draft-irtf-cfrg-xchacha-03 §2.2.1 and spec §2.1. Returns error strings."""
    errors = []
    key = bytes(range(0x80, 0xA0))
    nonce = bytes.fromhex("070000004041424344454647")
    ad = bytes.fromhex("50515253c0c1c2c3c4c5c6c7")
    pt = (b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
          b"sunscreen would be it.")
    ct = aead_enc(key, nonce, ad, pt)
    if ct[-16:].hex() != "1ae10b594f09e26a7e902ecbd0600691" or not ct.hex().startswith("d31a8d34648e60db7b86afbc53ef7e"):
        errors.append("ChaCha20-Poly1305 differs from RFC 8439 §2.8.2")
    if aead_dec(key, nonce, ad, ct) != pt or aead_dec(key, nonce, ad, ct[:-1] + bytes([ct[-1] ^ 1])) is not None:
        errors.append("ChaCha20-Poly1305 decryption or tag check is wrong")
    hk = bytes(range(32))
    hn = bytes.fromhex("000000090000004a0000000031415927")
    if hchacha20(hk, hn).hex() != "82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc":
        errors.append("HChaCha20 differs from draft-irtf-cfrg-xchacha-03 §2.2.1")
    if kh_v02(bytes(32), b"\xff" * 32).hex() != "0598878d976a9308dc5f26421d210368fa7283771b383b2c0b43e67170145067":
        errors.append("KH V02 differs from spec §2.1")
    if kh_v03(bytes(32), b"\xff" * 32).hex() != "ae042fbc01e4b3f6432bff5e9b0bbba1266ed917043eac1edabbf950ab1591ee":
        errors.append("KH V03 differs from spec §2.1")
    return errors
