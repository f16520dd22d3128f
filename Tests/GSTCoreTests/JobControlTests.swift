import Testing
@testable import GSTCore

/// The control API's job and tenant operations, as pure state changes.
@Suite("Forcing jobs and replacing tenants")
struct JobControlTests: FixtureSuite {
    let inv1 = Fixture.key(.b2b, Fixture.intra, "INV-1")

    @Test("complete applies a job that its timing still holds back")
    func forceComplete() throws {
        var s = F.state(timing: .afterPolls(5))
        let id = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        #expect(s.jobList.map(\.referenceID) == [id])
        let job = try s.forceCompleteJob(id)
        #expect(job.isCompleted)
        #expect(s.status(inv1) == .accepted)
        #expect(throws: JobControlError.alreadyCompleted(id)) { try s.forceCompleteJob(id) }
        #expect(throws: JobControlError.unknownJob("nope")) { try s.forceFailJob("nope") }
    }

    @Test("fail ends an IMS job ER without applying anything, and a 2B regeneration failed")
    func forceFail() throws {
        var s = F.state(timing: .afterPolls(5))
        let id = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        let failed = try s.forceFailJob(id)
        guard let outcome = failed.result as? IMSJobOutcome else { Issue.record("no IMS result"); return }
        #expect(outcome.status == .error)
        #expect(TenantState.isFailure(failed.result))
        #expect(s.status(inv1) == .noAction)
        guard case .completed(let polled)? = s.pollIMSJob(referenceID: id, recipient: r) else { Issue.record("not completed"); return }
        #expect(polled.status == .error)

        s.setClock(to: CivilDate(year: 2025, month: 6, day: 20)!.startEpochMilliseconds)
        guard case .started(let ref) = s.requestGSTR2BRegeneration(recipient: r, period: F.may) else {
            Issue.record("regeneration refused"); return
        }
        try s.forceFailJob(ref)
        #expect(s.pollGSTR2BRegeneration(referenceID: ref, recipient: r) == .failed)
    }

    @Test("replacing a tenant keeps its id and tokens, re-routes its credentials, and refuses another's")
    func replace() throws {
        let registry = TenantRegistry(realTime: .fixed(F.now), testTenantSeed: F.seed())
        var first = F.seed()
        first.credentials = TenantCredentials(sandboxKeys: ["k1": "s1"])
        var other = F.seed()
        other.credentials = TenantCredentials(sandboxKeys: ["k2": "s2"])
        let t = try registry.createTenant(id: "a", seed: first)
        try registry.createTenant(id: "b", seed: other)
        let token = registry.issueToken(.platform, lifetime: 3_600_000, in: t)

        var next = F.seed(documents: [])
        next.credentials = TenantCredentials(sandboxKeys: ["k3": "s3"])
        let fresh = try registry.replaceTenant(id: "a", template: registry.template(of: next))
        #expect(fresh.read { $0.documents.count } == 0)
        #expect(registry.tenant(forSandboxKey: "k1") == nil)
        #expect(registry.tenant(forSandboxKey: "k3")?.id == "a")
        #expect(registry.checkToken(token)?.tenant.id == "a")
        #expect(registry.credentials(of: fresh).sandboxKeys == ["k3": "s3"])

        #expect(throws: TenantRegistryError.credentialInUse("k2")) { try registry.replaceTenant(id: "a", template: registry.template(of: other)) }
        #expect(registry.tenant(forSandboxKey: "k3")?.id == "a")
        #expect(throws: TenantRegistryError.unknownTenant("zz")) { try registry.replaceTenant(id: "zz", template: registry.template(of: next)) }
    }
}
