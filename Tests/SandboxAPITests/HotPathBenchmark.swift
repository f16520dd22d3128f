#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GSTCore
import HTTPWire
import Testing
@testable import SandboxAPI

/// In-process cost of the cached GSTR-1 B2B GET (handler only: routing, authorization, cache hit,
/// envelope). Opt-in: `SANDBOX_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter HotPath`.
@Suite(.serialized, .enabled(if: getenv("SANDBOX_BENCH") != nil)) struct HotPathBenchmark {
    @Test(arguments: ["2024/10", "2024/08"])
    func gstr1B2BGet(period: String) {
        var seed = TestWorld.seed()
        seed.documents = (0..<300).map { i in
            TestWorld.document(.b2b, from: TestWorld.supplier, to: i % 3 == 0 ? TestWorld.other : TestWorld.recipient,
                               number: "B-\(i)", date: TestWorld.date(1 + i % 28, 10), taxable: Int64(10_000 + i))
        }
        let h = Harness(seed)
        let t = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        let request = HTTPRequest(method: .get, target: "/gst/compliance/tax-payer/gstrs/gstr-1/b2b/\(period)", version: .http1_1,
                                  headers: HTTPHeaders(Harness.auth(t)), body: [])
        let n = 20_000
        var bytes = 0
        let d = ContinuousClock().measure {
            for _ in 0..<n {
                guard case .found(let route, let params) = h.router.route(request) else { return }
                bytes += route(request, params, h.context).body.count
            }
        }
        print("BENCH gstr1.b2b \(period): \(n) requests in \(d), \(d / n) per request, \(bytes / n) bytes per body")
    }
}
