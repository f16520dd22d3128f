import Testing
@testable import GSTCore

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("many tasks saving on one tenant lose no update; readers never see half a job")
    func noLostUpdates() async throws {
        let workers = 12, jobsPerWorker = 20, recordsPerJob = 10
        let total = workers * jobsPerWorker * recordsPerJob
        let docs = BulkWorld.documents(count: total, suppliers: 40, sections: [.b2b])
        let tenant = Tenant(id: "c", template: WorldTemplate(seed: Fixture.seed(idSeed: nil, documents: docs), realTime: .fixed(0)))
        let r = Fixture.recipient

        await withTaskGroup(of: Int.self) { group in
            for w in 0..<workers {
                group.addTask {
                    var applied = 0
                    for j in 0..<jobsPerWorker {
                        let first = (w * jobsPerWorker + j) * recordsPerJob
                        let items = (first..<first + recordsPerJob).map { i in
                            Fixture.item(.b2b, BulkWorld.supplier(i % 40), "D\(i)", action: .accepted)
                        }
                        let id = tenant.write { $0.submitIMSAction(.save(items), recipient: r) }
                        let poll = tenant.write { $0.pollIMSJob(referenceID: id, recipient: r) }
                        applied += poll?.outcome?.processedCount ?? 0
                    }
                    return applied
                }
            }
            // A reader running alongside: accepted counts only ever move by whole jobs.
            group.addTask {
                var torn = 0
                for _ in 0..<100 {
                    let accepted = tenant.read { $0.imsCounts(recipient: r)[.b2b]!.accept }
                    if accepted % recordsPerJob != 0 { torn += 1 }
                }
                return -torn
            }
            var applied = 0, torn = 0
            for await n in group { if n >= 0 { applied += n } else { torn -= n } }
            #expect(applied == total)
            #expect(torn == 0)
        }
        let counts = tenant.read { $0.imsCounts(recipient: r)[.b2b]! }
        #expect(counts.accept == total && counts.noAction == 0)
        #expect(tenant.read { $0.jobs.count } == workers * jobsPerWorker)
    }

    @Test("concurrent first authentications of one test key create one tenant")
    func racingAuthentication() async {
        let reg = TenantRegistry(realTime: .fixed(0), testTenantSeed: Fixture.seed())
        let ids = await withTaskGroup(of: ObjectIdentifier?.self) { group in
            for _ in 0..<16 {
                group.addTask { reg.authenticateSandbox(key: "key_test_race", secret: "secret_test_race").map(ObjectIdentifier.init) }
            }
            var out = Set<ObjectIdentifier?>()
            for await id in group { out.insert(id) }
            return out
        }
        #expect(ids.count == 1 && !ids.contains(nil))
        #expect(reg.tenants.count == 1)
    }
}
