namespace Rosenpass.Conformance.Iut;

/// <summary>The IUT could not be started or reached; the scenario fails with this message.</summary>
internal sealed class IutStartException(string message) : Exception(message);
