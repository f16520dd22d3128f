import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

@Suite struct EnvelopeTests {
    let stamp: Envelope.Stamp = {
        var ids = IDGenerator(seed: 1)
        return Envelope.Stamp(timestamp: 1_763_446_641_000, ids: &ids)
    }()

    @Test func stampUUIDIsTheCoreFormatterOutput() {
        for seed in [UInt64(0), 1, 42, .max] {
            var a = IDGenerator(seed: seed), b = IDGenerator(seed: seed)
            for _ in 0..<50 {
                let s = Envelope.Stamp(timestamp: 0, ids: &a)
                #expect(s.transactionID == b.transactionID())
            }
        }
    }

    @Test func shapes() throws {
        let ok = Envelope.success(inner: Array(#"{"reference_id":"x"}"#.utf8), stamp: stamp)
        #expect(String(decoding: ok.body, as: UTF8.self)
            == #"{"code":200,"data":{"data":{"reference_id":"x"},"status_cd":"1"},"timestamp":1763446641000,"transaction_id":"\#(stamp.transactionID)"}"#)
        let business = Envelope.businessError(.noDocumentFound, stamp: stamp)
        #expect(business.status == .ok)
        let parsed = try JSONParser.parse(business.body)
        #expect(parsed["data"]?["status_cd"] == "0")
        #expect(parsed["data"]?["error"]?["error_cd"] == "RET11416")
        let platform = Envelope.platformError(.unauthorized, stamp: stamp)
        #expect(platform.status == .unauthorized)
        #expect(String(decoding: platform.body, as: UTF8.self)
            == #"{"code":401,"message":"Unauthorized","timestamp":1763446641000,"transaction_id":"\#(stamp.transactionID)"}"#)
        #expect(platform.headers["Content-Type"] == "application/json")
    }

    @Test func routeTableHasAnOperationForEveryRoute() {
        let routes = SandboxRoutes.routes()
        let operations = routes.map(\.operation)
        #expect(Set(operations).count == routes.count)
        // Later route groups append after these (and check their own operations in their suites).
        #expect(Array(operations.prefix(18)) == [
            "auth.authenticate", "taxpayer.otp", "taxpayer.otp.verify", "taxpayer.session.refresh", "taxpayer.logout",
            "ims.invoices", "ims.count", "ims.save", "ims.reset", "ims.status", "ims.sales", "ims.addedBack",
            "gstr2b.get", "gstr2b.regenerate", "gstr2b.regenerate.status",
            "gstr1.b2b", "gstr1.b2ba", "gstr1.b2ba.legacy",
        ])
        let returns = ["b2b", "b2ba", "cdn", "cdna", "isd", "impg", "impgsez", "tcs", "tds", "amdhist"].map { "gstr2a.section.\($0)" }
            + ["gstr2a.document", "gstr3b.get", "gstr3b.save", "gstr3b.file"]
        #expect(Set(returns).isSubset(of: Set(operations)))
        #expect(operations.contains("returns.status") && !operations.contains("gstr.status"))
        _ = Router(routes)  // no clashes
    }
}

@Suite struct RenderCacheTests {
    @Test func boundedByEntriesAndBytes() {
        let registry = TenantRegistry(realTime: .fixed(0), testTenantSeed: TestWorld.seed())
        let tenant = try! registry.createTenant(id: "t", seed: TestWorld.seed())
        let other = Tenant(id: "t", template: WorldTemplate(seed: TestWorld.seed(), realTime: .fixed(0)))
        let cache = RenderCache(limit: 3, byteLimit: 100)
        cache.store([1, 2, 3], tenant: tenant, route: .named("a"), version: 1)
        #expect(cache.lookup(tenant, route: .named("a"), version: 1) == [1, 2, 3])
        #expect(cache.lookup(tenant, route: .named("a"), version: 2) == nil)      // another version
        #expect(cache.lookup(other, route: .named("a"), version: 1) == nil)       // another tenant
        cache.store(Array(repeating: 0, count: 26), tenant: tenant, route: .named("big"), version: 1)
        #expect(cache.count == 1)                                         // > a quarter of the budget: not kept
        cache.store(Array(repeating: 0, count: 20), tenant: tenant, route: .named("b"), version: 1)
        cache.store(Array(repeating: 0, count: 20), tenant: tenant, route: .named("c"), version: 1)
        #expect(cache.count == 3)
        #expect(cache.byteCount == 43)
        cache.store([9], tenant: tenant, route: .named("d"), version: 1)          // entry limit: emptied first
        #expect(cache.count == 1)
        #expect(cache.byteCount == 1)
        var calls = 0
        _ = cache.fragment(tenant, route: .named("e"), version: 1) { calls += 1; return [7] }
        _ = cache.fragment(tenant, route: .named("e"), version: 1) { calls += 1; return [7] }
        #expect(calls == 1)
    }
}
