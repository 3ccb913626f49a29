using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>Pins every label value of upstream-facts §1.3 for both versions (spec §3.3).</summary>
public class LabelsTests
{
    public static TheoryData<ProtocolVersion, string, string> Values => new()
    {
        { ProtocolVersion.V03, "protocol", "8c428982b8811df5089e1fa31543e05b48c000b82b8f9c6752388ed1fa161ee7" },
        { ProtocolVersion.V03, "mac", "28015878ab6cacf337cd0d114885b7b22e137599b7ce5e36f410a3d2bea28739" },
        { ProtocolVersion.V03, "chaining key init", "88607c38efb6adecf321384eb8e52433bc0fd662dcbcd55d629126867d5f5f1d" },
        { ProtocolVersion.V03, "mix", "a5719ddaa848d422a0604a2fca17f31c2f9a799782789f88a9597b8719f0a39b" },
        { ProtocolVersion.V03, "hs_enc", "5062428e3baf12b59f01686e9a754b9bb0568e07709641d3bb03563342685f02" },
        { ProtocolVersion.V03, "ini_enc", "cb5c355236602bbeb8b120369ab3a5aac6b7e50e6be8c347367c94084f8281d2" },
        { ProtocolVersion.V03, "res_enc", "cd853373157eb924236f77bc31a19ccc2c57085b93f2113f2c02671daeb3aa12" },
        { ProtocolVersion.V03, "wireguard psk", "c1ebe9d9c7da6409587dad055da222ac4bffd30ec3c99963e54231f73cdf8ebe" },
        { ProtocolVersion.V02, "protocol", "314afa43e9d7bf60bb6d54134ab8e115cb2afd4e0a67eada460202b09e6c28f2" },
        { ProtocolVersion.V02, "mac", "8779e72b17ae66d7e46d93dc16c3b3c4491e54e1c79b0d8bebb8f2817f297e4b" },
        { ProtocolVersion.V02, "chaining key init", "abea67e8d16035b6495cda4786bff0d0dad936ded93c54c8b533652ad98a6946" },
        { ProtocolVersion.V02, "mix", "41d20e68ac3b0eba4e4d8b3a1a01fe18404d9d30c61ae3ba6739053af8d6049f" },
        { ProtocolVersion.V02, "hs_enc", "1db8ec314788a2f1a70d5a8cae3dbbedb21f682426fdbab810c1adefe6a93375" },
        { ProtocolVersion.V02, "ini_enc", "d34bb2a7858ed51ac7e824e9f1dc55868eed7cc2bee879e260aee150cd8784b3" },
        { ProtocolVersion.V02, "res_enc", "c9181f95721584d0018142cb8b6d2791333913b8df77302a2b794de7bee95c6b" },
        { ProtocolVersion.V02, "wireguard psk", "0cf2591fd46ab229d5df5a72688ce75801e8e6b8673755189cc36482a7cac9c0" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Label_value_matches_upstream(ProtocolVersion version, string label, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Pick(Labels.For(version), label).Value));
    }

    [Fact]
    public void A_one_byte_change_in_the_protocol_string_changes_the_tree()
    {
        // "BLAKE2b" instead of the frozen "BLAKE2s": the check distinguishes them.
        var wrong = HashDomain.Zero(KeyedHash.For(ProtocolVersion.V02)).Mix(Labels.ProtocolV02[..^1] + "b");
        Assert.NotEqual(Labels.V02.Protocol.ToArray(), wrong.ToArray());
        Assert.NotEqual(Labels.V02.Mac.ToArray(), wrong.Mix("mac").ToArray());
    }

    private static HashDomain Pick(Labels labels, string name) => name switch
    {
        "protocol" => labels.Protocol,
        "mac" => labels.Mac,
        "chaining key init" => labels.CkInit,
        "mix" => labels.CkMix,
        "hs_enc" => labels.HsEnc,
        "ini_enc" => labels.IniEnc,
        "res_enc" => labels.ResEnc,
        "wireguard psk" => labels.WireGuardPskOsk,
        _ => throw new ArgumentException(name),
    };
}
