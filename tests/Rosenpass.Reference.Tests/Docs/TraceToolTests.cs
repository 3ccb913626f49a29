using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Teaching;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary><c>rosenpass trace</c>: one handshake, every traced value with its step and spec section.</summary>
public class TraceToolTests
{
    private static readonly KeyPair A = new(UpstreamVector.Value(UpstreamVector.PeerAPublicKey), Secret.CopyOf(UpstreamVector.Value(UpstreamVector.PeerASecretKey)));
    private static readonly KeyPair B = new(UpstreamVector.Value(UpstreamVector.PeerBPublicKey), Secret.CopyOf(UpstreamVector.Value(UpstreamVector.PeerBSecretKey)));

    [Theory]
    [InlineData(ProtocolVersion.V02)]
    [InlineData(ProtocolVersion.V03)]
    public void Prints_every_traced_step_with_its_section_and_succeeds(ProtocolVersion version)
    {
        var output = new StringWriter();
        Assert.Equal(TraceTool.Success, TraceTool.Run(version, output, A, B));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(version.ToString(), lines[0]);
        foreach (var step in StepCatalog.Steps.Where(s => s.Name is not ("RHI2" or "ICR5" or "ICR6")))
            Assert.Contains(lines, l => l.StartsWith($"{step.Name,-5} spec §{step.Section}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("IHI8  spec §6.1, §5.2   InitHello   81", StringComparison.Ordinal) && l.EndsWith("… (1060 bytes)"));
        Assert.StartsWith("both sides exchanged the same output key osk (spec §4.6): ", lines[^1]);
    }

    [Fact]
    public void The_values_printed_are_those_of_the_handshake()
    {
        // The IHI1 chaining key is init(spkr) = KH(VAL(ckinit), spkr) (spec §4.1), computed here from the label tree.
        var output = new StringWriter();
        TraceTool.Run(ProtocolVersion.V03, output, A, B);
        string ihi1 = Convert.ToHexStringLower(Labels.V03.CkInit.Mix(B.PublicKey).Value);
        Assert.Contains($"IHI1  spec §6.1         ck          {ihi1}", output.ToString());
        // The two osk lines (ICI7, ICR7) and the summary name the same key.
        var osk = output.ToString().Split('\n').Where(l => l.Contains(" osk ")).Select(l => l.Split(' ')[^1]).Distinct().ToList();
        Assert.Single(osk);
    }

    [Fact]
    public void Values_longer_than_32_bytes_are_shortened()
    {
        Assert.Equal("00010203", HexText.Short([0, 1, 2, 3]));
        Assert.Equal(new string('0', 32) + "… (33 bytes)", HexText.Short(new byte[33]));
    }
}
