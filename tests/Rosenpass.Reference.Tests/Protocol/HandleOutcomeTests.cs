using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>A <see cref="HandleOutcome"/> describes itself in one line: accepted with the type, or rejected with the reason.</summary>
public class HandleOutcomeTests
{
    [Fact]
    public void An_outcome_describes_itself_as_accepted_or_rejected_with_the_reason()
    {
        using var pair = new ServerPair();
        var accepted = pair.B.HandleMessage(pair.A.Initiate(pair.PeerB));
        Assert.Equal("accepted InitHello", accepted.ToString());
        var rejected = pair.B.HandleMessage([0x85]);
        Assert.StartsWith("rejected : UnknownMessageType", rejected.ToString());
    }
}
