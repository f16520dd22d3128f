import GSPSandbox
import GSTCore
import Glibc
import JSON
import ScenarioKit
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

    /// Saved `key_test_` forks of the generated default world are written as its recipe plus their
    /// changes, and load back as forks of the world the restarted sandbox already built: none is
    /// generated or built again, and each holds exactly what it held.
    @Test func savedForksOfAGeneratedWorldLoadAsForksOfTheBuiltWorld() throws {
        defer { cleanUp() }
        let world = try world()
        let keys = (1...3).map { "key_test_statefile\($0)" }
        let tenants = try keys.map { try #require(world.registry.authenticateSandbox(key: $0, secret: "secret_test_x")) }
        let acme = try #require(GSTIN("27AAPCA4821K1ZD"))
        tenants[1].write { $0.advanceClock(by: 3_600_000) }
        _ = tenants[2].write { s in
            let d = s.documents.received(by: acme)[0]
            let item = IMSActionItem(section: d.section, supplier: d.supplier, number: d.number, period: d.filing.period,
                                     action: .rejected, previousStatus: d.ims.status)
            return s.submitIMSAction(.save([item]), recipient: acme)
        }
        let before = tenants.map { t in t.read { ($0.now, $0.documents.all) } }
        #expect(try StateFile.save(world, to: path) >= 4)
        let text = try #require(contents(path))
        let saved = try #require(try JSONParser.parse(Array(text.utf8))["tenants"]?.arrayValue)
        for entry in saved where keys.contains(entry["id"]?.stringValue ?? "") {
            #expect(entry["scenario"]?["changes"] != nil && entry["scenario"]?["documents"]?["b2b"]?.arrayValue?.count ?? 0 < 50)
        }

        let restarted = try self.world()
        try StateFile.load(from: path, into: restarted)
        let built = try #require(restarted.templates[restarted.scenarios[0].name])
        for (key, (now, documents)) in zip(keys, before) {
            let tenant = try #require(restarted.registry.tenant(id: key))
            #expect(tenant.read { built.changes(of: $0) } != nil, "\(key) forks the built world")
            #expect(tenant.read { $0.now } == now)
            #expect(Set(tenant.read { $0.documents.all }) == Set(documents))
        }
    }
}
