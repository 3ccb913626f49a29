using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>The static key pairs of a keys file, by name, checked against their recorded SHA-256.</summary>
internal sealed class KeyRing
{
    private readonly Dictionary<string, (byte[] PublicKey, byte[] SecretKey)> _keys = [];

    public KeyRing(KeysFile file, string source)
    {
        if (file.Format != VectorJson.KeysFormat) throw new InputFormatException(source, $"format must be {VectorJson.KeysFormat}");
        foreach (var key in file.Keys)
        {
            string where = $"{source} key '{key.Name}'";
            byte[] pk = VectorJson.Bytes(key.PublicKey, where + " publicKey");
            byte[] sk = VectorJson.Bytes(key.SecretKey, where + " secretKey");
            if (pk.Length != McEliece460896.PublicKeyBytes || sk.Length != McEliece460896.SecretKeyBytes)
                throw new InputFormatException(where, "a McEliece 460896 key pair has a 524160-byte public and a 13608-byte secret key");
            if (VectorJson.Hex(SHA256.HashData(pk)) != key.PublicKeySha256)
                throw new InputFormatException(where, "publicKeySha256 is not the SHA-256 of publicKey");
            if (!_keys.TryAdd(key.Name, (pk, sk))) throw new InputFormatException(where, "two keys have this name");
        }
    }

    public (byte[] PublicKey, byte[] SecretKey) Get(string name, string where) =>
        _keys.TryGetValue(name, out var pair) ? pair : throw new InputFormatException(where, $"no key named '{name}' in the keys file");
}
