import HTTPWire

/// Says, without routing, that a request cannot reach a slow route: the first path segments of
/// the slow routes (today only `_sandbox`) are collected once, and a request under none of them
/// is quick. Routing every request a second time to ask would cost each vendor request a route
/// match; this costs a byte comparison or two.
struct SlowRouteFilter: Sendable {
    /// Nil when some slow route starts with a `{parameter}`: then every request must be routed.
    private let firstSegments: [[UInt8]]?

    init<Context>(routes: [Route<Context>]) {
        var segments: [[UInt8]] = []
        for route in routes where route.workload == .slow {
            guard case .literal(let text)? = route.pattern.segments.first else {
                firstSegments = nil
                return
            }
            let bytes = Array(text.utf8)
            if !segments.contains(bytes) { segments.append(bytes) }
        }
        firstSegments = segments
    }

    /// False when no slow route can match `path`; true when one may (route to find out).
    /// Works on the path's contiguous UTF-8 bytes: String.UTF8View's index steps cost ~500
    /// instructions a request here, this a handful.
    func mayBeSlow(path: String) -> Bool {
        guard let firstSegments else { return true }
        guard !firstSegments.isEmpty else { return false }
        return path.utf8.withContiguousStorageIfAvailable { bytes in
            firstSegments.contains { Self.path(bytes, startsWithSegment: $0) }
        } ?? true
    }

    /// `/SEGMENT` followed by `/` or the end.
    private static func path(_ bytes: UnsafeBufferPointer<UInt8>, startsWithSegment segment: [UInt8]) -> Bool {
        let slash = UInt8(ascii: "/")
        guard bytes.count > segment.count, bytes[0] == slash else { return false }
        for index in segment.indices where bytes[index + 1] != segment[index] { return false }
        return bytes.count == segment.count + 1 || bytes[segment.count + 1] == slash
    }
}
