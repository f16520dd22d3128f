/// One line of the tenant's journal: a human-readable description of a state change, for the
/// control API ("IMS b2b 27ABCDE1234F1Z5 INV-1 N→A", "job 0032e479bcb644c → P").
public struct StateTransition: Hashable, Sendable, CustomStringConvertible {
    /// Tenant-clock instant.
    public var at: Int64
    /// The tenant state version after the change.
    public var version: UInt64
    public var text: String
    public init(at: Int64, version: UInt64, text: String) { self.at = at; self.version = version; self.text = text }
    public var description: String { text }
}
