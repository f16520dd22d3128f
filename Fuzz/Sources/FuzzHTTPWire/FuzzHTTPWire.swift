// libFuzzer entry point for RequestParser. Not named main.swift: SwiftPM would rename an
// executable's entry point and the link with libFuzzer's own main would break (see
// swift-server-notes §4). Properties checked on every input:
//   1. no trap, no unbounded growth (run with -rss_limit_mb, tight limits below);
//   2. parsing the input whole gives the same events as parsing it in pieces whose sizes come
//      from the input's first bytes, and as feeding it byte by byte (short inputs);
//   3. at most one error, always last, and a dead parser stays silent;
//   4. every parsed request, written back canonically, parses to the same request.
import HTTPWire

/// Small limits so every limit path is reachable by short inputs.
let fuzzLimits = ParserLimits(
    maxRequestTargetBytes: 64,
    maxHeaderBytes: 256,
    maxHeaderCount: 8,
    maxBodyBytes: 512,
    maxChunkLineBytes: 32
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPWire(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)

    var wholeParser = RequestParser(limits: fuzzLimits)
    let whole = withoutContinue(wholeParser.feed(input))
    checkErrorIsTerminal(whole, &wholeParser)

    // Piece sizes 1...32 cycling over the first four bytes.
    var splitParser = RequestParser(limits: fuzzLimits)
    var split: [ParseEvent] = []
    var offset = 0
    var step = 0
    while offset < count {
        let size = 1 + Int(input[step % min(count, 4)] & 31)
        let end = min(count, offset + size)
        split += splitParser.feed(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
        offset = end
        step += 1
    }
    precondition(withoutContinue(split) == whole, "split feeding differs from whole")

    if count <= 512 {
        var dripParser = RequestParser(limits: fuzzLimits)
        var drip: [ParseEvent] = []
        for index in 0..<count {
            drip += dripParser.feed(UnsafeRawBufferPointer(rebasing: input[index..<(index + 1)]))
        }
        precondition(withoutContinue(drip) == whole, "byte-at-a-time feeding differs from whole")
    }

    for event in whole {
        if case .request(let request) = event { checkRoundTrip(request) }
    }
    return 0
}

func withoutContinue(_ events: [ParseEvent]) -> [ParseEvent] {
    events.filter { $0 != .continueExpected }
}

func checkErrorIsTerminal(_ events: [ParseEvent], _ parser: inout RequestParser) {
    guard let errorIndex = events.firstIndex(where: { if case .error = $0 { true } else { false } }) else { return }
    precondition(errorIndex == events.count - 1, "events after an error")
    precondition(parser.feed(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8)).isEmpty, "dead parser produced events")
    precondition(!parser.hasPartialRequest, "dead parser reports a partial request")
}

/// Writes the request back with a Content-Length body and parses it again (default limits:
/// the canonical form may be longer than the original).
func checkRoundTrip(_ request: HTTPRequest) {
    var bytes: [UInt8] = []
    bytes += request.method.rawValue.utf8
    bytes.append(0x20)
    bytes += request.target.utf8
    bytes += (request.version == .http1_1 ? " HTTP/1.1\r\n" : " HTTP/1.0\r\n").utf8
    var expectedHeaders = HTTPHeaders()
    for (name, value) in request.headers {
        let lower = name.lowercased()
        if lower == "content-length" || lower == "transfer-encoding" { continue }
        expectedHeaders.add(name, value)
        bytes += "\(name): \(value)\r\n".utf8
    }
    if !request.body.isEmpty {
        expectedHeaders.add("Content-Length", String(request.body.count))
        bytes += "Content-Length: \(request.body.count)\r\n".utf8
    }
    bytes += "\r\n".utf8
    bytes += request.body

    var parser = RequestParser()
    let events = withoutContinue(parser.feed(bytes))
    guard events.count == 1, case .request(let again) = events[0] else {
        preconditionFailure("round trip did not parse: \(events)")
    }
    precondition(again.method == request.method && again.target == request.target && again.path == request.path
        && again.query == request.query && again.version == request.version && again.body == request.body
        && again.keepAlive == request.keepAlive && again.headers == expectedHeaders, "round trip changed the request")
}
