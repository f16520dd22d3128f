/// The states a server moves through; each moves only forward, so repeated signals are harmless.
public enum ServerState: Sendable, Equatable {
    case idle, running, draining, stopped
}

/// The server's lifecycle as a pure state machine. `HTTPServer` keeps one behind a `Mutex` and
/// performs the actions it returns.
struct ServerLifecycle: Sendable, Equatable {
    private(set) var state: ServerState = .idle
    /// The listening socket's fd is closed (its source's cancel handler ran).
    private(set) var listenerClosed = false
    private(set) var openConnections = 0

    enum StartAction: Equatable { case start, refuse }
    enum DrainAction: Equatable { case beginDrain, none }

    mutating func start() -> StartAction {
        guard state == .idle else { return .refuse }
        state = .running
        return .start
    }

    /// A shutdown request: only the first one does anything.
    mutating func requestDrain() -> DrainAction {
        switch state {
        case .running:
            state = .draining
            return .beginDrain
        case .idle:
            state = .stopped
            return .none
        case .draining, .stopped:
            return .none
        }
    }

    mutating func connectionOpened() { openConnections += 1 }

    /// Returns true when this step completed the drain (the caller then announces `stopped`).
    mutating func connectionClosed() -> Bool {
        openConnections -= 1
        return finishIfDrained()
    }

    mutating func listenerDidClose() -> Bool {
        listenerClosed = true
        return finishIfDrained()
    }

    private mutating func finishIfDrained() -> Bool {
        guard state == .draining, listenerClosed, openConnections == 0 else { return false }
        state = .stopped
        return true
    }
}
