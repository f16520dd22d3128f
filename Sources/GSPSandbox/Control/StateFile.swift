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
            .object(["id": .string(tenant.id), "scenario": world.export(tenant)])
        }
        return .object(["tenants": .array(entries)])
    }

    /// Writes the snapshot atomically; returns how many tenants it saved.
    @discardableResult
    public static func save(_ world: SandboxWorld, to path: String) throws(StateFileError) -> Int {
        let snapshot = snapshot(of: world)
        try writeAtomically(JSONWriter.write(snapshot, pretty: true), to: path)
        return snapshot["tenants"]?.arrayValue?.count ?? 0
    }

    /// A new temporary file beside `path` (mode 0600: the snapshot holds every tenant's API secrets),
    /// written and fsynced, renamed over `path`, then the directory fsynced so the rename survives a
    /// power cut too. A crash at any point leaves the previous file whole.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(StateFileError) {
        let temp = path + ".tmp.\(getpid())"
        let fd = try createExclusively(temp)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write", temp)
                close(fd); unlink(temp)
                throw error
            }
            offset += n
        }
        if fsync(fd) != 0 {
            let error = failure("cannot fsync", temp)
            close(fd); unlink(temp)
            throw error
        }
        if close(fd) != 0 {
            let error = failure("cannot close", temp)
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let error = failure("cannot rename \(temp) to", path)
            unlink(temp)
            throw error
        }
        try fsyncDirectory(of: path)
    }

    /// Opens the temporary file with `O_CREAT|O_EXCL|O_NOFOLLOW`, so it never writes through a file
    /// or a symbolic link that someone else put at that path (the directory may be shared, like
    /// /tmp). Something already there is a leftover of a save that died (in a container the pid,
    /// and so the name, is the same on every run): it is unlinked, which removes a link itself and
    /// never its target, and the create is tried once more. If that fails too, the save fails.
    private static func createExclusively(_ temp: String) throws(StateFileError) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var fd = open(temp, flags, 0o600)
        if fd < 0 && errno == EEXIST {
            unlink(temp)
            fd = open(temp, flags, 0o600)
        }
        guard fd >= 0 else { throw failure("cannot create the temporary file", temp) }
        return fd
    }

    private static func fsyncDirectory(of path: String) throws(StateFileError) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("saved, but cannot open the directory to fsync it:", directory) }
        defer { close(fd) }
        // EINVAL: a file system that cannot sync directories; nothing more can be done there.
        guard fsync(fd) == 0 || errno == EINVAL else { throw failure("saved, but cannot fsync the directory", directory) }
    }

    /// "what PATH: strerror(errno)", read before anything else can change errno.
    private static func failure(_ what: String, _ path: String) -> StateFileError {
        StateFileError("\(what) \(path): \(String(cString: strerror(errno)))")
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
        // Saved forks of one generated world share its recipe: generated once, here or at start-up.
        var generated: [String: WorldSeed] = [:]
        for (i, entry) in entries.enumerated() {
            guard case .string(let id)? = entry["id"], let json = entry["scenario"] else {
                throw StateFileError("\(path): $.tenants[\(i)] needs \"id\" and \"scenario\"")
            }
            do {
                let scenario = try ScenarioLoader.load(json: json, name: "\(path) tenants[\(i)]") { world.builtWorld(recipe: $0) ?? generated[$0] }
                if let fingerprint = scenario.recipeFingerprint { generated[fingerprint] = scenario.world }
                loaded.append((id, scenario))
            } catch {
                throw StateFileError(error.description)
            }
        }
        for (id, scenario) in loaded {
            let template = world.template(for: scenario)
            do throws(TenantRegistryError) {
                if world.registry.tenant(id: id) != nil {
                    try world.registry.replaceTenant(id: id, template: template)
                } else {
                    try world.registry.createTenant(id: id, template: template)
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
