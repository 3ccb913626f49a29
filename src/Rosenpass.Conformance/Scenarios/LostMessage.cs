using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// One lost datagram in a retransmission scenario: which message, whether it is ours (dropped before sending) or
/// the IUT's (dropped on arrival), and which retransmitted message then proves the loss was repaired.
/// </summary>
internal sealed record LostMessage(string Topic, IutRole Role, MessageType Lost, bool Ours, MessageType Evidence, bool EvidenceFromIut,
    string Spec, string Proves)
{
    public static readonly LostMessage[] All =
    [
        // We initiate: our InitHello is lost, our own retransmission must still get an answer.
        new("retransmission/our-init-hello-lost", IutRole.Responder, MessageType.InitHello, Ours: true, MessageType.InitHello, EvidenceFromIut: false,
            "§9.2", "Our retransmitted InitHello is answered after the first was lost; keys agree with one key event."),
        // We initiate: the IUT's RespHello is lost; our retransmitted InitHello must get a fresh RespHello.
        new("retransmission/their-resp-hello-lost", IutRole.Responder, MessageType.RespHello, Ours: false, MessageType.RespHello, EvidenceFromIut: true,
            "§9.2, §6.2", "The IUT answers a retransmitted InitHello with a fresh RespHello when its first was lost."),
        // The IUT initiates: its InitHello is lost; it must retransmit.
        new("retransmission/their-init-hello-lost", IutRole.Initiator, MessageType.InitHello, Ours: false, MessageType.InitHello, EvidenceFromIut: true,
            "§9.2", "The IUT retransmits a lost InitHello; keys agree."),
        // The IUT initiates: our RespHello is lost; it must retransmit InitHello.
        new("retransmission/our-resp-hello-lost", IutRole.Initiator, MessageType.RespHello, Ours: true, MessageType.InitHello, EvidenceFromIut: true,
            "§9.2", "The IUT retransmits InitHello when our RespHello is lost; keys agree."),
        // The IUT initiates: our EmptyData is lost; it must retransmit InitConf until acknowledged.
        new("retransmission/our-empty-data-lost", IutRole.Initiator, MessageType.EmptyData, Ours: true, MessageType.InitConf, EvidenceFromIut: true,
            "§9.2, §6.5", "The IUT retransmits InitConf until it gets EmptyData; one key event."),
    ];

    /// <summary>A hook that drops the first datagram of type <see cref="Lost"/> and lets everything else through.</summary>
    public Func<byte[], bool> DropFirst()
    {
        bool dropped = false;
        return datagram =>
        {
            if (dropped || datagram.Length == 0 || datagram[0] != (byte)Lost) return true;
            dropped = true;
            return false;
        };
    }
}
