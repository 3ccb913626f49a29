using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Rosenpass.Cli.Config;

/// <summary>
/// Tomlyn's reader of an untyped TOML document (<see cref="TomlTable"/>), generated at compile time: the loader
/// checks the schema itself (<see cref="ConfigLoader"/>), and the NativeAOT build needs parsing without reflection.
/// </summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext;
