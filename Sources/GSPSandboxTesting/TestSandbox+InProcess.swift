import GSPSandbox
import Glibc
import HTTPWire

extension TestSandbox {
    /// One request straight through `application.respond(to:)`, built as the parser would hand it
    /// over (Host, the caller's headers, Content-Length as `HTTPClient` sends them), then answered
    /// as the server would write it: the response is serialized and read back with the client's
    /// own reader, so a test sees the same status, headers and body in both transports.
    func respondInProcess(_ method: String, _ target: String, headers: [(String, String)], body: [UInt8]) throws -> HTTPClient.Response {
        var fields = HTTPHeaders()
        fields.add("Host", "127.0.0.1")
        for (name, value) in headers { fields.add(name, value) }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) { fields.add("Content-Length", String(body.count)) }
        let request = HTTPRequest(method: HTTPMethod(method), target: target, version: .http1_1, headers: fields, body: body)
        let response = application.respond(to: request)
        switch response.delivery {
        case .immediate: break
        case .delayed(let milliseconds):
            var pause = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
            nanosleep(&pause, nil)
        case .dropConnection:
            throw HTTPClient.Failure(description: "connection closed before a response (a fault rule dropped it)")
        }
        var wire: [UInt8] = []
        ResponseSerializer.write(response, requestMethod: request.method, version: request.version, keepAlive: request.keepAlive,
                                 date: HTTPDate.imfFixdate(epochSeconds: time(nil)), into: &wire)
        guard let parsed = try HTTPClient.Response.take(from: &wire, bodyless: request.method == .head) else {
            throw Failure(description: "the serialized response of \(method) \(target) did not read back whole")
        }
        return parsed
    }
}
