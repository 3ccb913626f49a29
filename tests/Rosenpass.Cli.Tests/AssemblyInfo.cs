// The CLI is a Unix daemon (file modes, signals, `wg`); its tests run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
