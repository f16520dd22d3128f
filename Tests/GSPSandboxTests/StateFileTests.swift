import GSPSandbox
import Glibc
import Testing

/// `StateFile.save` writes through a temporary file that it creates itself: a link or file someone
/// planted at the temporary path is never written through.
struct StateFileTests {
    let directory: String
    let path: String
    /// The temporary name `save` uses first.
    var temporary: String { path + ".tmp.\(getpid())" }

    init() throws {
        var template = Array("/tmp/gsp-sandbox-statefile-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(made != nil)
        directory = String(cString: template)
        path = directory + "/state.json"
    }

    func cleanUp() {
        for name in ["state.json", "state.json.tmp.\(getpid())", "target"] { unlink(directory + "/" + name) }
        rmdir(directory + "/state.json.tmp.\(getpid())")
        rmdir(directory)
    }

    func contents(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        while case let byte = fgetc(file), byte != EOF { bytes.append(UInt8(byte)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func world() throws -> SandboxWorld {
        try SandboxApplication(configuration: SandboxConfiguration(port: 0)).context.world
    }

    @Test func aSymlinkPlantedAtTheTemporaryPath_IsNotFollowed_AndTheSaveSucceeds() throws {
        defer { cleanUp() }
        let target = directory + "/target"
        let file = try #require(fopen(target, "w"))
        fputs("untouched", file)
        fclose(file)
        #expect(symlink(target, temporary) == 0)

        let world = try world()
        #expect(try StateFile.save(world, to: path) >= 1)

        #expect(contents(target) == "untouched")
        var info = stat()
        #expect(lstat(path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFREG)
        #expect(info.st_mode & 0o777 == 0o600)  // the snapshot holds API secrets
        #expect(lstat(temporary, &info) != 0)  // nothing left behind
        #expect(try StateFile.load(from: path, into: world).isEmpty == false)
    }

    @Test func somethingAtTheTemporaryPathThatCannotBeRemoved_FailsTheSaveClearly_AndChangesNothing() throws {
        defer { cleanUp() }
        let file = try #require(fopen(path, "w"))
        fputs("previous", file)
        fclose(file)
        #expect(mkdir(temporary, 0o700) == 0)  // unlink cannot remove a directory

        let error = #expect(throws: StateFileError.self) { try StateFile.save(try world(), to: path) }
        #expect(error?.description == "cannot create the temporary file \(temporary): File exists")
        #expect(contents(path) == "previous")
    }
}
