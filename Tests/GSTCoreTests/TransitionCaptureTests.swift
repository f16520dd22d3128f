import GSTCore
import Testing

/// Each request's `TransitionCapture` gets exactly the transitions its own lock holds recorded, even
/// with concurrent requests on one tenant.
struct TransitionCaptureTests {
    @Test func concurrentWritersOnOneTenantEachGetTheirOwnTransitions() async {
        let tenant = Tenant(id: "t", template: WorldTemplate(seed: WorldSeed(), realTime: RealTime { 0 }))
        let captures = await withTaskGroup(of: (Int, [String]).self) { group in
            for worker in 0..<4 {
                group.addTask {
                    let capture = TransitionCapture()
                    TransitionCapture.$current.withValue(capture) {
                        for i in 0..<16 { tenant.write { $0.advanceClock(by: Int64(worker * 1000 + i)) } }
                    }
                    return (worker, capture.transitions.items.map(\.text))
                }
            }
            var out: [Int: [String]] = [:]
            for await (worker, texts) in group { out[worker] = texts }
            return out
        }
        for worker in 0..<4 {
            #expect(captures[worker] == (0..<16).map { "clock advanced by \(worker * 1000 + $0) ms" })
        }
        // Nothing is left behind in the tenant's own journal.
        #expect(tenant.write { $0.takeTransitions() }.isEmpty)
    }

    @Test func withoutACaptureTransitionsStayInTheTenant() {
        let tenant = Tenant(id: "t", template: WorldTemplate(seed: WorldSeed(), realTime: RealTime { 0 }))
        tenant.write { $0.advanceClock(by: 5) }
        #expect(tenant.write { $0.takeTransitions() }.map(\.text) == ["clock advanced by 5 ms"])
    }

    @Test func aCaptureKeepsAtMostItsLimit() {
        let tenant = Tenant(id: "t", template: WorldTemplate(seed: WorldSeed(), realTime: RealTime { 0 }))
        let capture = TransitionCapture()
        TransitionCapture.$current.withValue(capture) {
            for _ in 0..<(TransitionCapture.limit + 6) { tenant.write { $0.advanceClock(by: 1) } }
        }
        #expect(capture.transitions.items.count == TransitionCapture.limit)
        #expect(capture.transitions.dropped == 6)
    }

    @Test func aCaptureNamesTheOneTenantItsRequestTouched() {
        let first = Tenant(id: "a", template: WorldTemplate(seed: WorldSeed(), realTime: RealTime { 0 }))
        let second = Tenant(id: "b", template: WorldTemplate(seed: WorldSeed(), realTime: RealTime { 0 }))
        let untouched = TransitionCapture()
        #expect(untouched.tenant == nil)

        let one = TransitionCapture()
        TransitionCapture.$current.withValue(one) {
            _ = first.read { $0.now }
            first.write { $0.advanceClock(by: 1) }
        }
        #expect(one.tenant === first)

        // Two tenants: no single answer, so the caller falls back to the tenant the request names.
        let both = TransitionCapture()
        TransitionCapture.$current.withValue(both) {
            _ = first.read { $0.now }
            _ = second.read { $0.now }
            _ = first.read { $0.now }
        }
        #expect(both.tenant == nil)
    }
}
