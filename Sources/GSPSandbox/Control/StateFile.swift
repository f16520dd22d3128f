import GSTCore
import Glibc
import JSON
import ScenarioKit
import Synchronization

/// `serve --state-file PATH`: every tenant saved as `{"tenants": [{"id", "scenario": EXPORT}]}` on
/// graceful shutdown, and loaded back at start. Each entry is an export (a scenario file), so the
/// same validation applies on load.
///
/// Precedence: the `--scenario` files (or the default) build their tenants first; then each saved
/// tenant replaces the tenant of the same id or is created. So a saved world wins over the file it
/// came from, and tenants created at runtime (including `key_test_` ones) come back too.
public enum StateFile {
    /// All tenants as one JSON document.
    public static func snapshot(of world: SandboxWorld) -> JSONValue {
        let entries = world.registry.tenants.map { tenant -> JSONValue in
            let scenario = world.scenario(for: tenant)
            let credentials = world.registry.credentials(of: tenant)
            let json = tenant.read { s in
                ScenarioExporter.export(state: s, seed: tenant.seed, credentials: credentials, name: scenario.name, description: scenario.description,
                                        strictGSTIN: scenario.strictGSTIN)
            }
            return .object(["id": .string(tenant.id), "scenario": json])
        }
        return .object(["tenants": .array(entries)])
    }

    /// Writes the snapshot atomically: a temporary file in the same directory, fsync, then rename.
    @discardableResult
    public static func save(_ world: SandboxWorld, to path: String) throws(StateFileError) -> Int {
        let snapshot = snapshot(of: world)
        let bytes = JSONWriter.write(snapshot, pretty: true)
        let temp = path + ".tmp.\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw StateFileError("cannot write \(temp): \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                close(fd); unlink(temp)
                throw StateFileError("cannot write \(temp): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        fsync(fd)
        close(fd)
        guard rename(temp, path) == 0 else {
            unlink(temp)
            throw StateFileError("cannot rename \(temp) to \(path): \(String(cString: strerror(errno)))")
        }
        return snapshot["tenants"]?.arrayValue?.count ?? 0
    }

    /// Loads a saved file into `world` if it exists; returns the ids restored. Every entry is validated
    /// before any tenant changes, so a bad file changes nothing.
    @discardableResult
    public static func load(from path: String, into world: SandboxWorld) throws(StateFileError) -> [String] {
        guard access(path, F_OK) == 0 else { return [] }
        guard let bytes = readAll(path) else { throw StateFileError("cannot read \(path): \(String(cString: strerror(errno)))") }
        guard case .object(let top)? = try? JSONParser.parse(bytes), case .array(let entries)? = top["tenants"] else {
            throw StateFileError("\(path): expected {\"tenants\": [{\"id\": ..., \"scenario\": {...}}]}")
        }
        var loaded: [(String, Scenario)] = []
        for (i, entry) in entries.enumerated() {
            guard case .string(let id)? = entry["id"], let json = entry["scenario"] else {
                throw StateFileError("\(path): $.tenants[\(i)] needs \"id\" and \"scenario\"")
            }
            do { loaded.append((id, try ScenarioLoader.load(json: json, name: "\(path) tenants[\(i)]"))) } catch {
                throw StateFileError(error.description)
            }
        }
        for (id, scenario) in loaded {
            do throws(TenantRegistryError) {
                if world.registry.tenant(id: id) != nil {
                    try world.registry.replaceTenant(id: id, seed: scenario.world)
                } else {
                    try world.registry.createTenant(id: id, seed: scenario.world)
                }
            } catch {
                throw StateFileError("\(path): tenant \(id): \(error)")
            }
            world.runtimeScenarios.withLock { $0[id] = scenario }
        }
        return loaded.map(\.0)
    }

    static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return out }
            out.append(contentsOf: buffer[0..<n])
        }
    }
}

public struct StateFileError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
