using System.Text;
using ClaimFraud.Kernel.Native;

namespace ClaimFraud.Kernel.Tests.Native;

public class ZmqSocketTests
{
    [Fact]
    public void AMultipartMessageArrivesWholeAndInOrder()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        using var push = context.CreateSocket(ZmqSocketType.Push);
        pull.Bind("inproc://multipart");
        push.Connect("inproc://multipart");

        push.Send(["one"u8.ToArray(), [], new byte[100_000]]);
        var frames = pull.Receive(wait: true);

        Assert.NotNull(frames);
        Assert.Equal(3, frames.Count);
        Assert.Equal("one", Encoding.UTF8.GetString(frames[0]));
        Assert.Empty(frames[1]);
        Assert.Equal(100_000, frames[2].Length);
    }

    [Fact]
    public void ReceivingWithoutWaitingReturnsNullWhenNothingIsThere()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.Bind("inproc://empty");

        Assert.Null(pull.Receive(wait: false));
    }

    [Fact]
    public void AWaitingReceiveGivesUpAfterTheReceiveTimeout()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.ReceiveTimeout = TimeSpan.FromMilliseconds(50);
        pull.Bind("inproc://timeout");

        Assert.Null(pull.Receive(wait: true));
    }

    [Fact]
    public void PollReportsOnlyTheSocketThatHasAMessage()
    {
        using var context = new ZmqContext();
        using var quiet = context.CreateSocket(ZmqSocketType.Pull);
        using var busy = context.CreateSocket(ZmqSocketType.Pull);
        using var push = context.CreateSocket(ZmqSocketType.Push);
        quiet.Bind("inproc://quiet");
        busy.Bind("inproc://busy");
        push.Connect("inproc://busy");
        push.Send(["x"u8.ToArray()]);

        Span<bool> readable = stackalloc bool[2];
        var ready = ZmqPoller.WaitReadable([quiet, busy], readable, TimeSpan.FromSeconds(5));

        Assert.Equal(1, ready);
        Assert.False(readable[0]);
        Assert.True(readable[1]);
    }

    [Fact]
    public void ABadEndpointFailsWithLibzmqsOwnMessage()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Pub);

        var error = Assert.Throws<ZmqException>(() => socket.Bind("nonsense://here"));

        Assert.Contains("zmq_bind(nonsense://here)", error.Message);
        Assert.NotEqual(0, error.ErrorNumber);
        Assert.DoesNotContain("error " + error.ErrorNumber + " ", error.Message); // strerror text, not a bare number
    }

    [Fact]
    public void ASocketCannotBeUsedAfterItIsDisposed()
    {
        using var context = new ZmqContext();
        var socket = context.CreateSocket(ZmqSocketType.Pull);
        socket.Dispose();

        Assert.Throws<ObjectDisposedException>(() => socket.Receive());
    }

    [Fact]
    public void TheLibraryVersionIsFourPointSomething()
    {
        Assert.StartsWith("4.", ZmqContext.LibraryVersion);
    }
}
