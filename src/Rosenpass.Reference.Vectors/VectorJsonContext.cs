using System.Text.Json.Serialization;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Serialization code for our vector documents (handshake cases, keys, primitives), generated at compile time, so that reading and writing them
/// needs no reflection: the native (NativeAOT) <c>rosenpass</c> runs <c>vectors check</c> and <c>vectors generate</c>
/// exactly as the JIT build does. <see cref="VectorJson"/> supplies the options; the offloaded values of upstream's
/// vector are JSON strings (<see cref="AssertTvFile"/>).
/// </summary>
[JsonSerializable(typeof(VectorFile))]
[JsonSerializable(typeof(KeysFile))]
[JsonSerializable(typeof(PrimitivesFile))]
[JsonSerializable(typeof(string))]
internal sealed partial class VectorJsonContext : JsonSerializerContext;
