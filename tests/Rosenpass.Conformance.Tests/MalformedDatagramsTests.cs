using Rosenpass.Conformance.Scenarios;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Tests;

/// <summary>
/// The malformed scenario's junk, checked against an independent judge, our library's responder: right after a
/// real handshake every datagram must be rejected, with no answer and no event. A datagram a correct responder
/// accepted would make the scenario unfair to a correct IUT.
/// </summary>
public sealed class MalformedDatagramsTests(KeyPairsFixture keys) : IClassFixture<KeyPairsFixture>
{
    [Theory]
    [InlineData(ProtocolVersion.V03)]
    [InlineData(ProtocolVersion.V02)]
    public void A_correct_responder_rejects_every_malformed_datagram_without_answer(ProtocolVersion version)
    {
        using var initiator = new Server(keys.A.PublicKey, Secret.CopyOf(keys.A.SecretKey.Expose()));
        using var responder = new Server(keys.B.PublicKey, Secret.CopyOf(keys.B.SecretKey.Expose()));
        var toResponder = initiator.AddPeer(keys.B.PublicKey, version: version);
        responder.AddPeer(keys.A.PublicKey, version: version, initiates: false);
        byte[] initHello = initiator.Initiate(toResponder);
        byte[] respHello = responder.HandleMessage(initHello).Response!;
        byte[] initConf = initiator.HandleMessage(respHello).Response!;
        var confirmed = responder.HandleMessage(initConf);
        byte[] emptyData = confirmed.Response!;
        Assert.Contains(confirmed.Events, e => e is KeyExchanged);

        var junk = MalformedDatagrams.Build(new MalformedDatagrams.Material(initHello, initConf, respHello, emptyData, keys.B.PublicKey, version));

        Assert.True(junk.Count > 50);
        Assert.All(junk, item =>
        {
            var outcome = responder.HandleMessage(item.Datagram);
            Assert.False(outcome.Accepted, $"{item.Label} was accepted");
            Assert.Null(outcome.Response);
            Assert.Empty(outcome.Events);
        });
        // Every message type is sent in every framing defect.
        foreach (var type in Enum.GetValues<MessageType>())
        {
            Assert.Contains(junk, j => j.Label == $"{type} one byte short" && j.Datagram.Length == MessageParser.LengthOf(type) - 1);
            Assert.Contains(junk, j => j.Label == $"{type} one byte long" && j.Datagram.Length == MessageParser.LengthOf(type) + 1);
        }
    }

    [Fact]
    public void The_junk_is_the_same_every_run()
    {
        var material = new MalformedDatagrams.Material(new byte[InitHello.Length], new byte[InitConf.Length], null, null, keys.B.PublicKey, ProtocolVersion.V03);
        var first = MalformedDatagrams.Build(material);
        var second = MalformedDatagrams.Build(material);
        Assert.Equal(first.Select(j => Convert.ToHexString(j.Datagram)), second.Select(j => Convert.ToHexString(j.Datagram)));
    }
}
