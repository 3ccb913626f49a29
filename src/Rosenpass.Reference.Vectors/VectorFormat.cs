namespace Rosenpass.Reference.Vectors;

// The JSON model of our known-answer vectors. vectors/README.md is the normative description of every field;
// vectors/schema.json says the same as a JSON Schema. Bytes are lower-case hex strings throughout.

/// <summary>One vector file: a family of cases (vectors/README.md, "The vector file").</summary>
public sealed class VectorFile
{
    /// <summary>Always <see cref="VectorJson.FileFormat"/>; lets readers refuse other formats.</summary>
    public required string Format { get; init; }
    public required string Family { get; init; }
    public required string Description { get; init; }
    /// <summary>The keys file, relative to this file.</summary>
    public required string KeysFile { get; init; }
    /// <summary>Every flag the cases use, with its meaning (as Wycheproof does).</summary>
    public required SortedDictionary<string, string> Flags { get; init; }
    public required int NumberOfCases { get; init; }
    public required List<VectorCase> Cases { get; init; }
}

/// <summary>One case: servers, then steps applied in order, each with its injected inputs and expected outputs.</summary>
public sealed class VectorCase
{
    public required string Id { get; init; }
    public required string Comment { get; init; }
    /// <summary>"V02" or "V03": the version the case is about.</summary>
    public required string Version { get; init; }
    /// <summary>"valid" (every message is accepted) or "invalid" (some step states a rejection).</summary>
    public required string Result { get; init; }
    public required List<string> Flags { get; init; }
    /// <summary>The seed our generator drew everything from (informative: every draw is recorded below).</summary>
    public required string Seed { get; init; }
    public required List<ServerSetup> Servers { get; init; }
    public required List<VectorStep> Steps { get; init; }
}

/// <summary>A server as the case makes it: static key, load, construction-time randomness, peers.</summary>
public sealed class ServerSetup
{
    public required string Name { get; init; }
    /// <summary>The name of a key pair in the keys file.</summary>
    public required string StaticKey { get; init; }
    /// <summary>Whether the server counts as under load for the whole case (spec §8.5).</summary>
    public required bool UnderLoad { get; init; }
    /// <summary>What the server draws when it is made: cookie secrets, then biscuit keys.</summary>
    public required List<Draw> ConstructionRandom { get; init; }
    public required List<PeerSetup> Peers { get; init; }
}

/// <summary>A configured peer; its index in the list is how steps and events name it.</summary>
public sealed class PeerSetup
{
    public required string StaticKey { get; init; }
    /// <summary>The pre-shared key, or null for none (32 zero bytes).</summary>
    public string? Psk { get; init; }
    public required string Version { get; init; }
    /// <summary>A custom output-key domain separator, or null for the default "wireguard psk".</summary>
    public OutputKeySeparatorSetup? OutputKeySeparator { get; init; }
    /// <summary>Whether the server initiates handshakes with this peer (and rekeys with it on poll).</summary>
    public required bool Initiates { get; init; }
}

/// <summary>A custom separator: lhash("user") → organization → each label (spec §4.6).</summary>
public sealed class OutputKeySeparatorSetup
{
    public required string Organization { get; init; }
    public required List<string> Labels { get; init; }
}

/// <summary>One call on one server: "initiate", "deliver" or "poll".</summary>
public sealed class VectorStep
{
    public required int Index { get; init; }
    public required string Action { get; init; }
    public required string Server { get; init; }
    /// <summary>The clock (seconds) while the step runs.</summary>
    public required double Clock { get; init; }
    /// <summary>initiate: the index of the peer to initiate with.</summary>
    public int? Peer { get; init; }
    /// <summary>deliver: the datagram.</summary>
    public string? Message { get; init; }
    /// <summary>deliver: the sender's address as the cookie mechanism sees it (spec §8.3); null for empty.</summary>
    public string? HostId { get; init; }
    /// <summary>deliver: how the datagram was derived from a genuine one (informative).</summary>
    public string? Mutation { get; init; }
    public required Injected Injected { get; init; }
    public required Expected Expected { get; init; }
}

/// <summary>What the acting server draws during the step, in order of use.</summary>
public sealed class Injected
{
    public required List<Draw> Random { get; init; }
    public required List<Draw> Jitter { get; init; }
    public required List<KemResult> Kem { get; init; }
}

/// <summary>One draw from a randomness source; the label is informative.</summary>
public sealed class Draw
{
    public required string Label { get; init; }
    public required string Value { get; init; }
}

/// <summary>The result of a key generation or encapsulation of the static or ephemeral KEM.</summary>
public sealed class KemResult
{
    /// <summary>"static" (Classic McEliece 460896) or "ephemeral" (Kyber512 round 3).</summary>
    public required string Kem { get; init; }
    /// <summary>"keygen" or "encaps".</summary>
    public required string Operation { get; init; }
    /// <summary>The protocol step that asked for it (IHI3, IHI5, RHR4, RHR5).</summary>
    public required string Step { get; init; }
    public string? PublicKey { get; init; }
    public string? SecretKey { get; init; }
    public string? Ciphertext { get; init; }
    public string? SharedKey { get; init; }
}

/// <summary>What the step must produce.</summary>
public sealed class Expected
{
    /// <summary>deliver: whether the datagram was accepted.</summary>
    public bool? Accepted { get; init; }
    /// <summary>deliver: the rejection kind (spec §10.6), null when accepted.</summary>
    public string? Rejection { get; init; }
    /// <summary>deliver, rejected: the server's state is the same before and after (always true).</summary>
    public bool? StateUnchanged { get; init; }
    /// <summary>initiate: the InitHello.</summary>
    public string? Message { get; init; }
    /// <summary>deliver: the datagram sent back to the sender, if any.</summary>
    public string? Response { get; init; }
    /// <summary>poll: when the server wants to be polled again (seconds).</summary>
    public double? NextPollAt { get; init; }
    public required List<EventValue> Events { get; init; }
    /// <summary>Every intermediate value, labelled with the step names of spec §6, in order.</summary>
    public required List<TraceValue> Trace { get; init; }
}

/// <summary>An event: "KeyExchanged" and "KeyStale" carry a key, "SendToPeer" a message.</summary>
public sealed class EventValue
{
    public required string Type { get; init; }
    public required int Peer { get; init; }
    public string? Key { get; init; }
    public string? Message { get; init; }
}

/// <summary>One traced value: protocol step (e.g. IHI4), name (e.g. ck), bytes.</summary>
public sealed class TraceValue
{
    public required string Step { get; init; }
    public required string Name { get; init; }
    public required string Value { get; init; }
}

/// <summary>The keys file: the static key pairs every case names.</summary>
public sealed class KeysFile
{
    public required string Format { get; init; }
    public required string Description { get; init; }
    public required List<StaticKeyPair> Keys { get; init; }
}

/// <summary>A static Classic McEliece 460896 key pair and the seed it derives from.</summary>
public sealed class StaticKeyPair
{
    public required string Name { get; init; }
    /// <summary>32 bytes: the randomness of KeyGen (vectors/README.md, "Static keys").</summary>
    public required string Seed { get; init; }
    public required string PublicKeySha256 { get; init; }
    public required string SecretKey { get; init; }
    public required string PublicKey { get; init; }
}
