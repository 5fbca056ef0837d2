using System.Security.Cryptography;
using System.Text;
using ClaimFraud.Kernel.Protocol;

namespace ClaimFraud.Kernel.Tests.Protocol;

public class MessageSignerTests
{
    private static readonly byte[][] Parts =
    [
        """{"msg_id":"1","msg_type":"kernel_info_request"}"""u8.ToArray(),
        "{}"u8.ToArray(),
        "{}"u8.ToArray(),
        """{"code":"1+1"}"""u8.ToArray(),
    ];

    [Fact]
    public void SignatureIsTheHexHmacSha256OfTheFourJsonFramesInOrder()
    {
        var key = "a-secret-key";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Parts.SelectMany(p => p).ToArray()));

        Assert.Equal(expected, new MessageSigner(key).Sign(Parts));
    }

    [Fact]
    public void VerifyAcceptsTheSignatureItProduced()
    {
        var signer = new MessageSigner("k");
        var signature = Encoding.ASCII.GetBytes(signer.Sign(Parts));

        Assert.True(signer.Verify(signature, Parts));
    }

    [Fact]
    public void VerifyRejectsASignatureMadeWithAnotherKey()
    {
        var signature = Encoding.ASCII.GetBytes(new MessageSigner("other").Sign(Parts));

        Assert.False(new MessageSigner("k").Verify(signature, Parts));
    }

    [Fact]
    public void VerifyRejectsAMessageWhoseContentChangedAfterSigning()
    {
        var signer = new MessageSigner("k");
        var signature = Encoding.ASCII.GetBytes(signer.Sign(Parts));
        var tampered = Parts.ToArray();
        tampered[3] = """{"code":"2+2"}"""u8.ToArray();

        Assert.False(signer.Verify(signature, tampered));
    }

    [Fact]
    public void AnEmptyKeySignsWithAnEmptyStringAndAcceptsAnything()
    {
        var signer = new MessageSigner("");

        Assert.Equal("", signer.Sign(Parts));
        Assert.True(signer.Verify("whatever"u8, Parts));
    }
}
