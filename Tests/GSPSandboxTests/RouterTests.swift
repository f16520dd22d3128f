import HTTPWire
import Testing

/// The router lives in HTTPWire/Routing; its tests live here, beside its main user.
struct RouterTests {
    typealias R = Router<String>

    static func respond(_ name: String) -> Route<String>.Handler {
        { _, parameters, context in
            let values = parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            return HTTPResponse(status: .ok, body: Array("\(name)|\(values)|\(context)".utf8))
        }
    }

    static func request(_ method: HTTPMethod, _ target: String) -> HTTPRequest {
        HTTPRequest(method: method, target: target, version: .http1_1, headers: ["Host": "t"], body: [])
    }

    static let router: R = {
        var router = R()
        router.on(.get, "/gst/compliance/tax-payer/gstrs/gstr-1/{year}/{month}", operation: "gstr1.summary", handler: respond("summary"))
        router.on(.get, "/gst/compliance/tax-payer/gstrs/gstr-1/b2b/{year}/{month}", operation: "gstr1.b2b", handler: respond("b2b"))
        router.on(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}", operation: "gstr2b.get", handler: respond("2b"))
        router.on(.post, "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate", operation: "gstr2b.regenerate", handler: respond("regen"))
        router.on(.get, "/a/{x}/c", operation: "param-first", handler: respond("param-first"))
        router.on(.get, "/a/b/{y}", operation: "literal-first", handler: respond("literal-first"))
        router.on(.post, "/a/b/{y}", operation: "literal-first.post", handler: respond("literal-first.post"))
        router.on(.get, "/", operation: "root", handler: respond("root"))
        return router
    }()

    func run(_ method: HTTPMethod, _ target: String) -> String? {
        let request = Self.request(method, target)
        guard case .found(let route, let parameters) = Self.router.route(request) else { return nil }
        return String(decoding: route(request, parameters, "ctx").body, as: UTF8.self)
    }

    @Test func parametersAreCaptured_InPatternOrder() {
        #expect(run(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/03") == "2b|year=2024,month=03|ctx")
    }

    @Test func literalSegment_BeatsParameter_AtTheSameDepth() {
        #expect(run(.get, "/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/01") == "b2b|year=2024,month=01|ctx")
        #expect(run(.get, "/gst/compliance/tax-payer/gstrs/gstr-1/2024/01") == "summary|year=2024,month=01|ctx")
        // /a/b/c matches both /a/{x}/c and /a/b/{y}; the literal at the first differing segment wins.
        #expect(run(.get, "/a/b/c") == "literal-first|y=c|ctx")
        #expect(run(.get, "/a/z/c") == "param-first|x=z|ctx")
    }

    @Test func methodPicksAmongPatterns_ThatMatch() {
        // POST /a/b/c: the most specific pattern has POST.
        #expect(run(.post, "/a/b/c") == "literal-first.post|y=c|ctx")
    }

    @Test func queryString_IsNotPartOfTheMatch() {
        #expect(run(.post, "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?x=1") == "regen||ctx")
    }

    @Test func head_IsServedByGet() {
        #expect(run(.head, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/03") == "2b|year=2024,month=03|ctx")
    }

    @Test func root_Matches() {
        #expect(run(.get, "/") == "root||ctx")
    }

    @Test(arguments: [
        "/gst/compliance/tax-payer/gstrs/gstr-2b/2024",  // too short
        "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/03/x",  // too long
        "/gst/compliance/tax-payer/gstrs/gstr-2b//03",  // empty segment for a parameter
        "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/03/",  // trailing slash is significant
        "/GST/compliance/tax-payer/gstrs/gstr-2b/2024/03",  // literals are case-sensitive
        "*",
        "",
    ])
    func unknownPaths_AreNotFound(path: String) {
        guard case .notFound = Self.router.route(method: .get, path: path) else {
            Issue.record("\(path) should not match")
            return
        }
    }

    @Test func wrongMethod_IsMethodNotAllowed_WithTheAllowList() {
        guard case .methodNotAllowed(let allow) = Self.router.route(method: .delete, path: "/a/b/c") else {
            Issue.record("expected 405")
            return
        }
        #expect(allow == [.get, .head, .post])
        guard case .methodNotAllowed(let only) = Self.router.route(method: .get, path: "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate") else {
            Issue.record("expected 405")
            return
        }
        #expect(only == [.post])
    }

    @Test func mapContext_AdaptsAnAdapterRouteToTheRootContext() {
        let inner = Route<Int>(.get, "/n/{id}", operation: "n") { _, parameters, number in
            HTTPResponse(status: .ok, body: Array("\(parameters["id"]!)-\(number)".utf8))
        }
        var router = Router<String>()
        router.add(inner.mapContext { (text: String) in text.count })
        let request = Self.request(.get, "/n/7")
        guard case .found(let route, let parameters) = router.route(request) else {
            Issue.record("expected a match")
            return
        }
        #expect(route(request, parameters, "four").body == Array("7-4".utf8))
        #expect(route.operation == "n")
    }

    @Test(arguments: ["no-slash", "/a/{}", "/a/{x}/{x}", "/a/b{x}", "/a/{x"])
    func malformedPatterns_AreRejected(text: String) {
        #expect(throws: PathPattern.Error.self) { try PathPattern(parsing: text) }
    }

    @Test func patternDescription_RoundTrips() throws {
        let text = "/gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}"
        let pattern = try PathPattern(parsing: text)
        #expect(pattern.description == text)
        #expect(pattern.parameterNames == ["year", "month"])
        #expect(Self.router.routes.count == 8)
    }
}
