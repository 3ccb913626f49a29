using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Tomlyn's reader of an untyped TOML document (<see cref="TomlTable"/>), generated at compile time so that
/// parsing needs no reflection and the NativeAOT build of <c>rosenpass</c> reads upstream's vector like the JIT build.
/// </summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext;
