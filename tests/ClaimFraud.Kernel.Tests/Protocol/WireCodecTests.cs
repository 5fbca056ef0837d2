using System.Text;
using System.Text.Json.Nodes;
using ClaimFraud.Kernel.Protocol;

namespace ClaimFraud.Kernel.Tests.Protocol;

public class WireCodecTests
{
    private static readonly WireCodec Codec = new(new MessageSigner("secret"));

    private static JupyterMessage Sample(params byte[][] identities) => new(
        identities,
        new JsonObject { ["msg_id"] = "m1", ["session"] = "s", ["username"] = "u", ["date"] = "2026-01-01T00:00:00.000000Z", ["msg_type"] = "execute_request", ["version"] = "5.3" },
        new JsonObject(),
        new JsonObject { ["tag"] = "x" },
        new JsonObject { ["code"] = "Console.WriteLine(\"<b>é</b>\");", ["silent"] = false });

    [Fact]
    public void EncodedFramesAreIdentitiesDelimiterSignatureAndFourJsonDictionaries()
    {
        var frames = Codec.Encode(Sample("router-id"u8.ToArray()));

        Assert.Equal(7, frames.Count);
        Assert.Equal("router-id", Encoding.UTF8.GetString(frames[0]));
        Assert.Equal("<IDS|MSG>", Encoding.UTF8.GetString(frames[1]));
        Assert.Equal(new MessageSigner("secret").Sign(frames.Skip(3).Take(4).ToArray()), Encoding.ASCII.GetString(frames[2]));
        Assert.Equal("execute_request", JsonNode.Parse(frames[3])!["msg_type"]!.GetValue<string>());
    }

    [Fact]
    public void DecodingWhatWasEncodedGivesBackTheSameMessage()
    {
        var original = Sample("a"u8.ToArray(), "b"u8.ToArray());

        var decoded = Codec.Decode(Codec.Encode(original));

        Assert.Equal(["a", "b"], decoded.Identities.Select(i => Encoding.UTF8.GetString(i)));
        Assert.Equal("execute_request", decoded.MsgType);
        Assert.Equal("m1", decoded.MsgId);
        Assert.Equal("Console.WriteLine(\"<b>é</b>\");", decoded.Content["code"]!.GetValue<string>());
        Assert.Equal("x", decoded.Metadata["tag"]!.GetValue<string>());
        Assert.Empty(decoded.ParentHeader);
    }

    [Fact]
    public void BinaryBuffersAfterTheContentAreKept()
    {
        var message = Sample();
        var frames = Codec.Encode(message);
        frames.Add([1, 2, 3]);

        var decoded = Codec.Decode(frames);

        Assert.Equal([1, 2, 3], Assert.Single(decoded.Buffers));
    }

    [Fact]
    public void AMessageWithABadSignatureIsRejected()
    {
        var frames = Codec.Encode(Sample());
        frames[1] = Encoding.ASCII.GetBytes(new string('0', 64));

        var error = Assert.Throws<InvalidMessageException>(() => Codec.Decode(frames));
        Assert.Contains("signature", error.Message);
    }

    [Fact]
    public void AMessageWithoutTheDelimiterIsRejectedWithAClearReason()
    {
        var error = Assert.Throws<InvalidMessageException>(() => Codec.Decode(["id"u8.ToArray(), "{}"u8.ToArray()]));
        Assert.Contains("<IDS|MSG>", error.Message);
    }

    [Fact]
    public void AMessageWithMalformedJsonNamesThePartThatIsWrong()
    {
        var unsigned = new WireCodec(new MessageSigner(""));
        var frames = unsigned.Encode(Sample());
        frames[4] = "{not json"u8.ToArray();

        var error = Assert.Throws<InvalidMessageException>(() => unsigned.Decode(frames));
        Assert.Contains("metadata", error.Message);
    }

    [Fact]
    public void RepliesCarryTheRequestHeaderAsParentAndTheRequestRoute()
    {
        var factory = new MessageFactory("kernel-session", TimeProvider.System);
        var request = Sample("route"u8.ToArray());

        var reply = factory.Reply(request, "execute_reply", new JsonObject { ["status"] = "ok" });

        Assert.Equal("execute_reply", reply.MsgType);
        Assert.Equal("m1", reply.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("route", Encoding.UTF8.GetString(Assert.Single(reply.Identities)));
        Assert.Equal("5.3", reply.Header["version"]!.GetValue<string>());
        Assert.NotEqual(reply.MsgId, factory.Reply(request, "execute_reply", new JsonObject()).MsgId);
    }
}
