using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The domain separator of the output key (spec §4.6). The default, "wireguard psk", makes the key
/// WireGuard's pre-shared key; a custom one is an organisation namespace plus a list of labels:
/// lhash("user") → organisation → label₁ → label₂ → ….
/// </summary>
public sealed class OskDomainSeparator
{
    private OskDomainSeparator(string? organization, IReadOnlyList<string> labels)
    {
        Organization = organization;
        LabelPath = labels;
    }

    /// <summary>The default separator: rosenpass.eu / wireguard psk.</summary>
    public static OskDomainSeparator WireGuardPsk { get; } = new(null, []);

    /// <summary>A custom separator under <paramref name="organization"/>.</summary>
    public static OskDomainSeparator Custom(string organization, IReadOnlyList<string> labels) =>
        new(organization, labels.ToArray());

    /// <summary>The organisation namespace; null for the default.</summary>
    public string? Organization { get; }

    /// <summary>The labels below the organisation; empty for the default.</summary>
    public IReadOnlyList<string> LabelPath { get; }

    /// <summary>Whether this is the default WireGuard separator.</summary>
    public bool IsDefault => Organization is null;

    /// <summary>The 32-byte separator value under <paramref name="labels"/>' keyed hash.</summary>
    public byte[] Value(Labels labels)
    {
        if (IsDefault) return labels.WireGuardPskOsk.ToArray();
        var domain = labels.CkeUser.Mix(Organization!);
        foreach (var label in LabelPath) domain = domain.Mix(label);
        return domain.ToArray();
    }
}
