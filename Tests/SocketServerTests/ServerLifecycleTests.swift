import Testing

@testable import SocketServer

struct ServerLifecycleTests {
    @Test func runningServer_DrainsThenStops_WhenListenerAndConnectionsClose() {
        var lifecycle = ServerLifecycle()
        #expect(lifecycle.start() == .start)
        lifecycle.connectionOpened()
        lifecycle.connectionOpened()
        #expect(lifecycle.requestDrain() == .beginDrain)
        #expect(lifecycle.state == .draining)
        #expect(lifecycle.connectionClosed() == false)
        #expect(lifecycle.listenerDidClose() == false)
        #expect(lifecycle.connectionClosed() == true)
        #expect(lifecycle.state == .stopped)
    }

    @Test func repeatedShutdownRequests_AreHarmless() {
        var lifecycle = ServerLifecycle()
        _ = lifecycle.start()
        #expect(lifecycle.requestDrain() == .beginDrain)
        #expect(lifecycle.requestDrain() == .none)
        #expect(lifecycle.listenerDidClose() == true)
        #expect(lifecycle.requestDrain() == .none)
        #expect(lifecycle.state == .stopped)
    }

    @Test func closingConnections_WhileRunning_DoesNotStop() {
        var lifecycle = ServerLifecycle()
        _ = lifecycle.start()
        lifecycle.connectionOpened()
        #expect(lifecycle.connectionClosed() == false)
        #expect(lifecycle.state == .running)
    }

    @Test func startTwice_IsRefused() {
        var lifecycle = ServerLifecycle()
        #expect(lifecycle.start() == .start)
        #expect(lifecycle.start() == .refuse)
    }
}
