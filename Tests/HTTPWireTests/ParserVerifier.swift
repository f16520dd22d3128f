import Testing
@testable import HTTPWire

/// Drives `RequestParser` several ways over the same bytes and checks that the events agree,
/// like NIO's `ByteToMessageDecoderVerifier`: one byte at a time, the whole buffer at once,
/// one message per buffer, and (for short inputs) every split into two reads.
///
/// `.continueExpected` is left out of the comparison: whether it appears depends, by design,
/// on whether body bytes came with the head. Tests of 100-continue feed explicitly.
enum ParserVerifier {
    static func events(
        _ messages: [[UInt8]],
        limits: ParserLimits = .default,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [ParseEvent] {
        let whole = messages.flatMap { $0 }

        var parser = RequestParser(limits: limits)
        let all = withoutContinue(parser.feed(whole))

        parser = RequestParser(limits: limits)
        var each: [ParseEvent] = []
        for message in messages { each += parser.feed(message) }
        #expect(withoutContinue(each) == all, "one message per buffer differs from whole buffer", sourceLocation: sourceLocation)

        parser = RequestParser(limits: limits)
        var drip: [ParseEvent] = []
        for byte in whole { drip += parser.feed([byte]) }
        #expect(withoutContinue(drip) == all, "byte-at-a-time differs from whole buffer", sourceLocation: sourceLocation)

        if whole.count <= 600 {
            for split in 1..<max(whole.count, 1) {
                parser = RequestParser(limits: limits)
                let two = parser.feed(Array(whole[..<split])) + parser.feed(Array(whole[split...]))
                if withoutContinue(two) != all {
                    Issue.record("split at \(split) differs from whole buffer", sourceLocation: sourceLocation)
                    break
                }
            }
        }
        return all
    }

    static func events(_ messages: String..., limits: ParserLimits = .default, sourceLocation: SourceLocation = #_sourceLocation) -> [ParseEvent] {
        events(messages.map { Array($0.utf8) }, limits: limits, sourceLocation: sourceLocation)
    }

    static func withoutContinue(_ events: [ParseEvent]) -> [ParseEvent] {
        events.filter { $0 != .continueExpected }
    }

    /// The requests, recording an issue if any event is not a request.
    static func requests(_ messages: String..., limits: ParserLimits = .default, sourceLocation: SourceLocation = #_sourceLocation) -> [HTTPRequest] {
        let events = events(messages.map { Array($0.utf8) }, limits: limits, sourceLocation: sourceLocation)
        return events.compactMap { event in
            if case .request(let request) = event { return request }
            Issue.record("unexpected event \(event)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The status of the single terminal error, recording an issue if the events end otherwise.
    static func errorStatus(_ messages: [[UInt8]], limits: ParserLimits = .default, sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        let events = events(messages, limits: limits, sourceLocation: sourceLocation)
        guard case .error(let error)? = events.last else {
            Issue.record("expected an error, got \(events)", sourceLocation: sourceLocation)
            return nil
        }
        return error.status.code
    }
}

extension Array where Element == UInt8 {
    init(_ string: String) { self = Array(string.utf8) }
}
