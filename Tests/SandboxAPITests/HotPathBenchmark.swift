#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// CPU time of the calling thread, in microseconds (wall time on a shared box says little).
func threadCPUMicroseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
}

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
        let cpu0 = threadCPUMicroseconds()
        let d = ContinuousClock().measure {
            for _ in 0..<n {
                guard case .found(let route, let params) = h.router.route(request) else { return }
                bytes += route(request, params, h.context).body.count
            }
        }
        let cpu = threadCPUMicroseconds() - cpu0
        print("BENCH gstr1.b2b \(period): \(n) requests in \(d), \(d / n) per request (thread CPU \(Double(cpu) / Double(n)) µs), \(bytes / n) bytes per body")
    }

    /// Parser and validator alone, many times (for profiles).
    @Test func parseAndValidateLoop() throws {
        let records = (0..<1000).map { IMSRouteTests.record("B-\($0)", action: $0 % 2 == 0 ? "A" : "R") }.joined(separator: ",")
        let body = Array(IMSRouteTests.body(#""b2b":[\#(records)]"#).utf8)
        var parseCPU: Int64 = 0, validateCPU: Int64 = 0
        for _ in 0..<30 {
            let a = threadCPUMicroseconds()
            let v = try JSONParser.parse(body)
            let b = threadCPUMicroseconds()
            _ = IMSRequestValidator.validate(v, kind: .save, sessionGSTIN: TestWorld.recipient)
            validateCPU += threadCPUMicroseconds() - b
            parseCPU += b - a
        }
        print("BENCH loop: parse \(parseCPU / 30) µs, validate \(validateCPU / 30) µs per 1000-record body")
    }

    /// IMS save of 1,000 records: parse, validate, submit, then the poll that applies them.
    @Test func imsSaveOfAThousandRecords() throws {
        var seed = TestWorld.seed()
        seed.documents = (0..<1000).map { i in
            TestWorld.document(.b2b, from: TestWorld.supplier, number: "B-\(i)", date: TestWorld.date(10, 10), taxable: 399_900)
        }
        let h = Harness(seed)
        let t = h.taxpayerToken()
        let records = (0..<1000).map { IMSRouteTests.record("B-\($0)", action: $0 % 2 == 0 ? "A" : "R") }.joined(separator: ",")
        let body = Array(IMSRouteTests.body(#""b2b":[\#(records)]"#).utf8)
        let save = HTTPRequest(method: .post, target: "/gst/compliance/tax-payer/invoices/status/save", version: .http1_1,
                               headers: HTTPHeaders(Harness.auth(t)), body: body)
        let clock = ContinuousClock()
        let p0 = threadCPUMicroseconds()
        let parsed = try JSONParser.parse(body)
        let p1 = threadCPUMicroseconds()
        _ = IMSRequestValidator.validate(parsed, kind: .save, sessionGSTIN: TestWorld.recipient)
        let p2 = threadCPUMicroseconds()
        print("BENCH ims.save parts: parse \(p1 - p0) µs, validate \(p2 - p1) µs")
        var id = ""
        let cpu0 = threadCPUMicroseconds()
        let submit = clock.measure {
            guard case .found(let route, let params) = h.router.route(save) else { return }
            let r = route(save, params, h.context)
            id = (try? JSONParser.parse(r.body))?["data"]?["data"]?["reference_id"]?.stringValue ?? ""
        }
        let poll = HTTPRequest(method: .get, target: "/gst/compliance/tax-payer/invoices/status?reference_id=\(id)", version: .http1_1,
                               headers: HTTPHeaders(Harness.auth(t)), body: [])
        let cpu1 = threadCPUMicroseconds()
        var status = ""
        let apply = clock.measure {
            guard case .found(let route, let params) = h.router.route(poll) else { return }
            status = String(decoding: route(poll, params, h.context).body, as: UTF8.self)
        }
        let cpu2 = threadCPUMicroseconds()
        print("BENCH ims.save 1000 records (\(body.count) bytes): submit \(submit) (thread CPU \(cpu1 - cpu0) µs), "
              + "poll+apply \(apply) (thread CPU \(cpu2 - cpu1) µs); \(status.prefix(100))")
    }
}
