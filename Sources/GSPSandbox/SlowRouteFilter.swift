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
    func mayBeSlow(path: String) -> Bool {
        guard let firstSegments else { return true }
        guard !firstSegments.isEmpty else { return false }
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/") else { return true }  // "*" and odd forms: let the router say
        let rest = bytes.dropFirst()
        let segment = rest[..<(rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex)]
        return firstSegments.contains { $0.elementsEqual(segment) }
    }
}
