import GSPSandbox
import GSPSandboxTesting
import JSON
import Testing

/// Issue 11's reproductions of a web page driving the control API, over real HTTP: each is refused
/// with 403/415/421 (401 without the configured token) and changes nothing, while vendor routes and the
/// health probe keep answering every origin and host.
struct ControlAccessTests {
    let foreign = "http://evil.example"

    func faultCount(_ sandbox: LiveSandbox) throws -> Int {
        try sandbox.call("GET", "/_sandbox/faults").json["faults"]?.arrayValue?.count ?? -1
    }

    @Test func aForeignPageCannotReadOrDriveTheControlAPI() throws {
        let sandbox = try LiveSandbox()
        // Reading every tenant's logins from another origin.
        let read = try sandbox.call("GET", "/_sandbox/tenants", headers: ["Origin": foreign])
        #expect(read.status == 403)
        #expect(!read.headers.contains { $0.name.lowercased() == "access-control-allow-origin" })
        // A preflight for DELETE is refused; the tenant stays.
        let preflight = try sandbox.client.request("OPTIONS", "/_sandbox/tenants/default", headers: [
            ("Host", "localhost"), ("Origin", foreign), ("Access-Control-Request-Method", "DELETE")])
        #expect(preflight.status == 403 && preflight.header("Access-Control-Allow-Origin") == nil)
        // A simple (unpreflighted) text/plain POST installing a fault: refused, no fault.
        for headers in [["Origin": foreign, "Content-Type": "text/plain"], ["Content-Type": "text/plain"],
                        ["Content-Type": "application/x-www-form-urlencoded"]] {
            let body = Array(#"{"match":{"path":"*"},"drop":true}"#.utf8)
            let posted = try sandbox.client.request("POST", "/_sandbox/faults", headers: [("Host", "localhost")] + headers.map { ($0.key, $0.value) }, body: body)
            #expect(posted.status == 403 || posted.status == 415, "\(headers)")
        }
        #expect(try faultCount(sandbox) == 0)
        // DNS rebinding: the page's own name in Host.
        let rebound = try sandbox.call("POST", "/_sandbox/reset", headers: ["Host": "evil.example:8080"])
        #expect(rebound.status == 421)
        #expect(try sandbox.call("GET", "/_sandbox/tenants").json["tenants"]?.arrayValue?.count == 1)
    }

    @Test func vendorRoutesAndHealthStayOpenToEveryOriginAndHost() throws {
        let sandbox = try LiveSandbox()
        let login = try sandbox.call("POST", "/authenticate", headers: [
            "Host": "gsp-sandbox:8080", "Origin": foreign, "x-api-key": "key_test_cors", "x-api-secret": "secret_test_cors"])
        #expect(login.status == 200)
        #expect(login.headers.contains { $0.name == "Access-Control-Allow-Origin" && $0.value == "*" })
        let preflight = try sandbox.client.request("OPTIONS", "/gst/compliance/tax-payer/invoices", headers: [
            ("Host", "gsp-sandbox"), ("Origin", foreign), ("Access-Control-Request-Method", "GET")])
        #expect(preflight.status == 204 && preflight.header("Access-Control-Allow-Origin") == "*")
        let health = try sandbox.call("GET", "/_sandbox/health", headers: ["Host": "gsp-sandbox", "Origin": foreign])
        #expect(health.status == 200)
    }

    @Test func serveOptionsOpenTheControlAPIDeliberately() throws {
        let sandbox = try LiveSandbox { $0.controlAccess = ControlAccess(allowedOrigins: ["http://localhost:3000"], allowedHosts: ["gsp-sandbox"]) }
        let page = try sandbox.call("GET", "/_sandbox/tenants", headers: ["Origin": "http://localhost:3000"])
        #expect(page.status == 200)
        #expect(page.headers.contains { $0.name == "Access-Control-Allow-Origin" && $0.value == "http://localhost:3000" })
        #expect(try sandbox.call("GET", "/_sandbox/tenants", headers: ["Origin": foreign]).status == 403)
        #expect(try sandbox.call("GET", "/_sandbox/tenants", headers: ["Host": "gsp-sandbox:8080"]).status == 200)
        #expect(try sandbox.call("GET", "/_sandbox/tenants", headers: ["Host": "other-service"]).status == 421)
    }

    @Test func aConfiguredTokenIsRequiredOnEveryControlCallButHealth() throws {
        let sandbox = try LiveSandbox { $0.controlAccess.token = "t0ken" }
        let missing = try sandbox.call("POST", "/_sandbox/reset")
        #expect(missing.status == 401)
        #expect(missing.headers.contains { $0.name == "WWW-Authenticate" })
        #expect(try sandbox.call("GET", "/_sandbox/tenants", headers: [ControlAccess.tokenHeader: "wrong"]).status == 401)
        #expect(try sandbox.call("GET", "/_sandbox/tenants", headers: [ControlAccess.tokenHeader: "t0ken"]).status == 200)
        #expect(try sandbox.call("GET", "/_sandbox/health").status == 200)
        let login = try sandbox.call("POST", "/authenticate", headers: ["x-api-key": "key_test_token", "x-api-secret": "secret_test_token"])
        #expect(login.status == 200)
    }

    @Test func theTestingLibrarySendsItsSandboxesToken() throws {
        let sandbox = try TestSandbox.start { $0.controlAccess.token = "suite-token" }
        defer { sandbox.stop() }
        #expect(try sandbox.control("GET", "/tenants").status == 200)
        #expect(try sandbox.client.request("GET", "/_sandbox/tenants").status == 401)
    }

    @Test func secretsAreListedOnlyWhenAskedFor() throws {
        let sandbox = try LiveSandbox()
        let listed = try sandbox.call("GET", "/_sandbox/tenants")
        let text = String(decoding: JSONWriter.write(listed.json), as: UTF8.self)
        #expect(listed.json["tenants"]?[0]?["credentials"]?["sandbox"]?[0]?["api_key"] == "key_live_gspsandbox")
        #expect(!text.contains("secret") && !text.contains("password"))
        let shown = try sandbox.call("GET", "/_sandbox/tenants/default?secrets=true")
        #expect(shown.json["credentials"]?["sandbox"]?[0]?["api_secret"] != nil)
        #expect(shown.json["credentials"]?["vayana"]?[0]?["password"] != nil)
    }
}
