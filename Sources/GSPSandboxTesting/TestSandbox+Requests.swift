import GSPSandbox
import GSTCore
import JSON

extension TestSandbox {
    /// Any request; `json` is sent with `Content-Type: application/json`. A control request carries the
    /// sandbox's control token when it has one (`controlHeaders`).
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], json: JSONValue? = nil) throws -> HTTPClient.Response {
        var headers = controlHeaders(for: target, adding: headers)
        var body: [UInt8] = []
        if let json { (headers, body) = HTTPClient.jsonRequest(json, headers: headers) }
        switch transport {
        case .socket: return try client.request(method, target, headers: headers, body: body)
        case .inProcess: return try respondInProcess(method, target, headers: headers, body: body)
        }
    }

    public func get(_ target: String, headers: [(String, String)] = []) throws -> HTTPClient.Response {
        try request("GET", target, headers: headers)
    }

    public func post(_ target: String, headers: [(String, String)] = [], json: JSONValue? = nil) throws -> HTTPClient.Response {
        try request("POST", target, headers: headers, json: json)
    }

    // MARK: Control API

    /// `headers`, plus `X-Sandbox-Control-Token` when `target` is a control route, the sandbox has a
    /// control token and `headers` carry none: what a client of a guarded sandbox sends.
    public func controlHeaders(for target: String, adding headers: [(String, String)] = []) -> [(String, String)] {
        guard target.hasPrefix("/_sandbox/"), let token = application.context.configuration.controlAccess.token,
              !headers.contains(where: { $0.0.lowercased() == ControlAccess.tokenHeader.lowercased() }) else { return headers }
        return headers + [(ControlAccess.tokenHeader, token)]
    }

    /// Any control route, e.g. `control("POST", "/_sandbox/tenants/t1/reset")`; `path` may omit
    /// the `/_sandbox` prefix.
    public func control(_ method: String, _ path: String, json: JSONValue? = nil) throws -> HTTPClient.Response {
        let target = path.hasPrefix("/_sandbox") ? path : "/_sandbox" + (path.hasPrefix("/") ? path : "/" + path)
        return try request(method, target, json: json)
    }

    /// `GET /_sandbox/scenario`: clock, credentials, taxpayers and what each period allows.
    public func scenarioSummary(tenant: String? = nil) throws -> JSONValue {
        let reply = try control("GET", "/scenario" + (tenant.map { "?tenant=\($0)" } ?? ""))
        guard reply.status == 200, let json = reply.json else { throw Failure(description: "scenario summary: \(reply.status) \(reply.text)") }
        return json
    }
}
