import Glibc

/// The files the control API may read as scenarios (`{"scenario": PATH}`, `{"path": PATH}`): regular
/// files under the directories the user named at start — each `--scenario` file's directory and every
/// `--scenario-dir` (default `Scenarios/` in the working directory, when present). A path is resolved
/// with `realpath` (so `..` and symbolic links are followed first, then judged) and must land inside one
/// of them; anything else is "not an allowed scenario path", whether or not it exists, so the control
/// API reveals nothing of the rest of the file system.
public struct ScenarioFiles: Sendable {
    /// The allowed directories, resolved once at start (absolute, no symbolic links).
    public let directories: [String]

    public init(configuration: SandboxConfiguration) {
        var named = configuration.scenarioPaths.map(Self.directory(of:))
        named += configuration.scenarioDirectories ?? ["Scenarios"]
        var resolved: [String] = []
        for directory in named {
            if let real = Self.realPath(directory), Self.isDirectory(real), !resolved.contains(real) { resolved.append(real) }
        }
        directories = resolved
    }

    /// What a requested path comes to.
    public enum Resolution: Equatable {
        /// A regular file inside an allowed directory, by its real path.
        case allowed(String)
        /// Inside an allowed directory, but no regular file is there.
        case missing
        /// Anywhere else, or nothing at all: the answer does not tell which.
        case refused
    }

    /// Resolves `path` (relative to the working directory) against the allowed directories.
    public func resolve(_ path: String) -> Resolution {
        guard !path.isEmpty, !path.utf8.contains(0) else { return .refused }
        if let real = Self.realPath(path) {
            guard isInside(real) else { return .refused }
            return Self.isRegularFile(real) ? .allowed(real) : .missing
        }
        // Not there: say so only when its directory is an allowed one (a typo in a scenario name).
        if let parent = Self.realPath(Self.directory(of: path)), isInside(parent) || directories.contains(parent) {
            return .missing
        }
        return .refused
    }

    func isInside(_ real: String) -> Bool {
        directories.contains { real.hasPrefix($0 == "/" ? "/" : $0 + "/") }
    }

    // MARK: File system

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func isDirectory(_ path: String) -> Bool { mode(of: path).map { $0 & S_IFMT == S_IFDIR } ?? false }
    static func isRegularFile(_ path: String) -> Bool { mode(of: path).map { $0 & S_IFMT == S_IFREG } ?? false }

    /// The bytes of an allowed file, read through a descriptor that refuses a symbolic link swapped in
    /// since `resolve` and anything but a regular file (a FIFO would block the reader).
    public static func contents(of realPath: String) -> [UInt8]? {
        let fd = open(realPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    static func mode(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode : nil
    }
}
