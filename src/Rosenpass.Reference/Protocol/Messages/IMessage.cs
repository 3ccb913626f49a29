namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>A parsed message (spec §5): <see cref="InitHello"/>, <see cref="RespHello"/>, <see cref="InitConf"/>,
/// <see cref="EmptyData"/> or <see cref="CookieReply"/>.</summary>
public interface IMessage
{
    /// <summary>The type byte the message starts with.</summary>
    MessageType Type { get; }
}
