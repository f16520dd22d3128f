/// A route path such as `/gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}`: segments separated
/// by `/`, each either a literal (compared byte for byte, case-sensitive, not percent-decoded) or a
/// `{name}` parameter that matches any one non-empty segment.
///
/// A path with N slashes has N segments (`/` has one empty segment, `/a/` has `a` and an empty one),
/// so a trailing slash is significant, as it is for the vendors' servers.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    /// Why a pattern string was refused.
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        public let pattern: String
        public let reason: String
        public var description: String { "invalid path pattern \"\(pattern)\": \(reason)" }
    }

    public let segments: [Segment]
    /// Literal segments as bytes, so matching compares bytes without building Strings.
    let literalBytes: [[UInt8]?]
    /// How many `{name}` segments there are (the size of a match's `PathParameters`).
    let parameterCount: Int

    /// The pattern as written.
    public var description: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(let name): "{\(name)}"
            }
        }.joined(separator: "/")
    }

    /// The names of the `{name}` segments, in order.
    public var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// Parses a pattern; it must start with `/`, parameters must fill a whole segment, have a
    /// non-empty name and appear once.
    public init(parsing text: String) throws(Error) {
        guard text.first == "/" else { throw Error(pattern: text, reason: "must start with /") }
        var segments: [Segment] = []
        var names: Set<String> = []
        for part in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if part.first == "{" && part.last == "}" && part.count >= 2 {
                let name = String(part.dropFirst().dropLast())
                guard !name.isEmpty, !name.contains("{"), !name.contains("}") else {
                    throw Error(pattern: text, reason: "bad parameter segment \"\(part)\"")
                }
                guard names.insert(name).inserted else {
                    throw Error(pattern: text, reason: "parameter {\(name)} appears twice")
                }
                segments.append(.parameter(name))
            } else {
                guard !part.contains("{"), !part.contains("}") else {
                    throw Error(pattern: text, reason: "a parameter must be a whole segment: \"\(part)\"")
                }
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
        self.literalBytes = segments.map { if case .literal(let text) = $0 { Array(text.utf8) } else { nil } }
        parameterCount = names.count
    }

    /// Route tables are written as literals; a malformed one is a programming error.
    public init(stringLiteral value: String) {
        do { try self.init(parsing: value) } catch { preconditionFailure(error.description) }
    }

    public static func == (lhs: PathPattern, rhs: PathPattern) -> Bool { lhs.segments == rhs.segments }
    public func hash(into hasher: inout Hasher) { hasher.combine(segments) }

    /// Two patterns with the same shape (same literals, parameters in the same places) match
    /// exactly the same paths, whatever their parameter names.
    func hasSameShape(as other: PathPattern) -> Bool {
        literalBytes == other.literalBytes
    }

    /// Orders patterns of equal length so that the more specific comes first: at the first segment
    /// where they differ in kind, a literal beats a parameter.
    func isMoreSpecific(than other: PathPattern) -> Bool {
        for (mine, theirs) in zip(literalBytes, other.literalBytes) {
            switch (mine, theirs) {
            case (.some, .none): return true
            case (.none, .some): return false
            default: continue
            }
        }
        return false
    }
}
