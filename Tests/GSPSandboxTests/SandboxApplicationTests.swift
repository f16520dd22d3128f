import GSPSandbox
import HTTPTestClient
import HTTPWire
import JSON
import Testing

struct SandboxApplicationTests {
    let app: SandboxApplication

    init() throws {
        app = try SandboxApplication(configuration: SandboxConfiguration(port: 0))
    }

    func request(_ method: HTTPMethod, _ target: String) -> HTTPRequest {
        HTTPRequest(method: method, target: target, version: .http1_1, headers: ["Host": "t"], body: [])
    }

    @Test func health_Answers200JSON_WithTheVersion() {
        let response = app.respond(to: request(.get, "/_sandbox/health"))
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"status":"ok","version":"\#(SandboxVersion.current)"}"#)
    }

    @Test func unknownRoute_Is404JSON_NamingTheRequest() {
        let response = app.respond(to: request(.get, "/nope/\"quoted\""))
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"no route for GET /nope/\"quoted\""}"#)
    }

    /// An unknown path under a vendor's prefixes answers in that vendor's envelope, so a client's error
    /// handling sees the shape it knows.
    @Test func unknownVendorPaths_Are404_InTheVendorsEnvelope() throws {
        let sandbox = app.respond(to: request(.get, "/gst/compliance/tax-payer/no-such-thing"))
        #expect(sandbox.status == .notFound)
        let body = try JSONParser.parse(sandbox.body)
        #expect(body["code"] == 404 && body["message"] == "Not Found")
        #expect(body["timestamp"]?.intValue != nil && body["transaction_id"]?.stringValue?.count == 36)

        let vayana = app.respond(to: request(.get, "/basic/gstn/v1.0/nothing-here"))
        #expect(vayana.status == .notFound)
        let eas = try JSONParser.parse(vayana.body)
        #expect(eas["error"]?["message"] == "err-resource-not-found" && eas["error"]?["type"] == "ResourceNotFound")
    }

    @Test func wrongMethod_Is405_WithAllow() {
        let response = app.respond(to: request(.post, "/_sandbox/health"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD")
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""allow":"GET, HEAD""#))
    }

    @Test func extraRoutes_AreServedBesideTheBuiltInOnes() throws {
        let extra = Route<ApplicationContext>(.get, "/vendor/{id}", operation: "vendor.get") { _, parameters, context in
            .json(.ok, Array(#"{"id":"\#(parameters["id"]!)","v":"\#(context.version)"}"#.utf8))
        }
        let app = try SandboxApplication(configuration: SandboxConfiguration(port: 0), routes: [extra])
        let response = app.respond(to: request(.get, "/vendor/42"))
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"id":"42","v":"\#(SandboxVersion.current)"}"#)
        #expect(app.router.routes.map(\.operation).last == "vendor.get")
        #expect(app.router.routes.map(\.operation).contains("control.health"))
    }
}

/// The sandbox over a real socket, as CI users and the CLI see it.
struct SandboxServerTests {
    @Test func liveServer_AnswersHealthHeadNotFoundAndMethodNotAllowed() throws {
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(port: 0))
        try sandbox.start()
        defer {
            sandbox.shutdown()
            _ = sandbox.waitUntilStopped(timeout: .seconds(10))
        }
        let port = try #require(sandbox.port)
        #expect(sandbox.baseURL == "http://127.0.0.1:\(port)")
        let client = try HTTPClient.open(port: port)

        try client.send("GET /_sandbox/health HTTP/1.1\r\nHost: t\r\n\r\n")
        let health = try client.readResponse()
        #expect(health.status == 200)
        #expect(health.text.hasPrefix(#"{"status":"ok""#))

        try client.send("HEAD /_sandbox/health HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(bodyless: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == health.header("Content-Length"))

        try client.send("GET /missing HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 404)

        try client.send("DELETE /_sandbox/health HTTP/1.1\r\nHost: t\r\n\r\n")
        let refused = try client.readResponse()
        #expect(refused.status == 405)
        #expect(refused.header("Allow") == "GET, HEAD")

        try client.send("GET /_sandbox/health HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)  // still the same keep-alive connection
    }

    @Test func shutdown_StopsTheSandbox() throws {
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(port: 0))
        try sandbox.start()
        sandbox.shutdown()
        #expect(sandbox.waitUntilStopped(timeout: .seconds(10)))
    }
}

/// Browser frontends on another origin can call the sandbox.
struct CORSTests {
    @Test func preflight_IsAnsweredBeforeRouting_AndResponsesAllowAnyOrigin() throws {
        let app = try SandboxApplication(configuration: SandboxConfiguration(port: 0))
        let preflight = app.respond(to: HTTPRequest(
            method: .options, target: "/gst/compliance/tax-payer/invoices", version: .http1_1,
            headers: ["Host": "t", "Origin": "http://localhost:3000", "Access-Control-Request-Method": "GET",
                      "Access-Control-Request-Headers": "authorization, x-api-key"], body: []))
        #expect(preflight.status == .noContent)
        #expect(preflight.headers["Access-Control-Allow-Origin"] == "*")
        #expect(preflight.headers["Access-Control-Allow-Headers"] == "authorization, x-api-key")
        let plainOptions = app.respond(to: HTTPRequest(method: .options, target: "/_sandbox/health", version: .http1_1,
                                                       headers: ["Host": "t"], body: []))
        #expect(plainOptions.status == .methodNotAllowed)  // not a preflight: routed as usual
        let health = app.respond(to: HTTPRequest(method: .get, target: "/_sandbox/health", version: .http1_1,
                                                 headers: ["Host": "t", "Origin": "http://localhost:3000"], body: []))
        #expect(health.headers["Access-Control-Allow-Origin"] == "*")
    }
}

/// A scenario loaded at runtime brings its fault rules; a bad rule refuses the load.
struct RuntimeScenarioFaultTests {
    /// A request from a local client; a body is sent as JSON.
    func request(_ method: HTTPMethod, _ target: String, _ body: String = "", headers: [(String, String)] = []) -> HTTPRequest {
        let type: [(String, String)] = body.isEmpty ? [] : [("Content-Type", "application/json")]
        return HTTPRequest(method: method, target: target, version: .http1_1, headers: HTTPHeaders([("Host", "localhost")] + type + headers),
                           body: Array(body.utf8))
    }

    static func scenario(faults: String) -> String {
        #"{"name":"faulty","clock":{"now":"2025-05-10T10:00:00+05:30"},"#
            + #""credentials":{"sandbox":[{"api_key":"key_live_faulty","api_secret":"secret_live_faulty"}]},"#
            + #""taxpayers":[],"faults":\#(faults)}"#
    }

    @Test func loadedScenarioInstallsItsFaults_AndABadRuleChangesNothing() throws {
        let app = try SandboxApplication(configuration: SandboxConfiguration(port: 0))
        let login = request(.post, "/authenticate", headers: [("x-api-key", "key_live_faulty"), ("x-api-secret", "secret_live_faulty")])

        let bad = app.respond(to: request(.put, "/_sandbox/tenants/default/scenario",
                                          Self.scenario(faults: #"[{"match":{"operation":"auth.authenticate"},"respond":{"status":"nope"}}]"#)))
        #expect(bad.status == .badRequest)
        #expect(app.respond(to: login).status == .unauthorized)  // the old world (and its keys) stayed

        let good = app.respond(to: request(.put, "/_sandbox/tenants/default/scenario",
                                           Self.scenario(faults: #"[{"match":{"operation":"auth.authenticate"},"times":1,"respond":{"status":503}}]"#)))
        #expect(good.status == .ok)
        #expect(app.respond(to: login).status == .serviceUnavailable)  // the rule fires once
        #expect(app.respond(to: login).status == .ok)
    }
}
