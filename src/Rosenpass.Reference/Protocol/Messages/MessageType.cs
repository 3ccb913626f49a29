namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>The first byte of every message (spec §5). 0x85 (Data) is specified by the whitepaper but not used.</summary>
public enum MessageType : byte
{
    InitHello = 0x81,
    RespHello = 0x82,
    InitConf = 0x83,
    EmptyData = 0x84,
    CookieReply = 0x86,
}
