import GSTCore
import HTTPWire
import JSON
import TestSupport
import Testing
import VayanaAPI

/// The world every test starts from: one tenant that has BOTH a Sandbox API key and a Vayana login, so
/// both vendors see it. The recipient taxpayer receives documents of March 2025 from two suppliers; the
/// second supplier is a taxpayer too (its GSTR-1).
enum World {
    static let recipient = GSTIN(body14: "27AAACR5055K1Z")!
    static let supplierA = GSTIN(body14: "29AABCS1429B1Z")!
    static let supplierB = GSTIN(body14: "24AAACT2727Q1Z")!
    static let otherRecipient = GSTIN(body14: "24AAGCC1234D1Z")!
    static let march = ReturnPeriod(month: 3, year: 2025)!

    static let organisation = "3f1c2b4a-0d7e-4c55-9a0e-6b2f8d9c1e21"
    static let email = "accounts@example.com"
    static let password = "correct horse"
    static let sandboxKey = "key_live_shared_world"

    static let recipientUser = "recipient.user"
    static let recipientOTP = "575757"
    static let supplierBUser = "supplier.b"
    static let supplierBOTP = "121212"

    /// 20 April 2025, 10:00 IST: the March 2025 draft GSTR-2B exists (14 April), April's does not.
    static let now = CivilDate(year: 2025, month: 4, day: 20)!.epochMilliseconds(atHour: 10)

    static func invoice(_ section: IMSSection = .b2b, from supplier: GSTIN, to recipient: GSTIN = recipient, _ number: String,
                        rupees: Int64, pos: String = "27", day: Int = 10, pendingBlocked: Bool = false) -> Document {
        TestDocuments.document(
            section, from: supplier, to: recipient, number: number, date: CivilDate(year: 2025, month: 3, day: day)!, period: march,
            taxable: [Amount(rupees: rupees)], placeOfSupply: StateCode(pos)!, pendingBlocked: pendingBlocked)
    }

    static func seed(pageSize: Int = 500, jobTiming: JobTiming = .onFirstPoll) -> WorldSeed {
        WorldSeed(
            credentials: TenantCredentials(
                sandboxKeys: [sandboxKey: "secret_live_shared"],
                vayanaLogins: [VayanaLogin(email: email, password: password, organisationID: organisation)]),
            parties: [
                Party(gstin: supplierA, tradeName: "Alpha Traders"),
                Party(gstin: supplierB, tradeName: "Bravo Industries"),
                Party(gstin: otherRecipient, tradeName: "Charlie Retail"),
            ],
            taxpayers: [
                Taxpayer(gstin: recipient, tradeName: "Recipient Pvt Ltd", username: recipientUser, otp: recipientOTP),
                Taxpayer(gstin: supplierB, tradeName: "Bravo Industries", username: supplierBUser, otp: supplierBOTP),
            ],
            documents: [
                invoice(from: supplierA, "A-001", rupees: 10_000),
                invoice(from: supplierA, "A-002", rupees: 5_000, day: 12),
                // POS rule: supplier state = POS (29) ≠ recipient state (27): never in IMS, ITC not available.
                invoice(from: supplierA, "A-003", rupees: 2_000, pos: "29", day: 14),
                invoice(.b2bcn, from: supplierA, "A-CN1", rupees: 1_000, day: 20),
                invoice(from: supplierB, "B-001", rupees: 7_500, day: 5, pendingBlocked: true),
                invoice(from: supplierB, to: otherRecipient, "B-002", rupees: 3_000, pos: "24", day: 6),
                invoice(from: supplierB, to: otherRecipient, "B-003", rupees: 4_000, pos: "24", day: 7),
            ],
            clock: .fixed(epochMilliseconds: now), jobTiming: jobTiming, idSeed: 42, gstr2bPageSize: pageSize)
    }
}

/// A response, parsed.
struct Reply {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var json: JSONValue

    var text: String { String(decoding: body, as: UTF8.self) }
    /// `data` of the envelope.
    var data: JSONValue? { json["data"] }
    /// `error.message` of the envelope.
    var errorKey: String? { json["error"]?["message"]?.stringValue }
    /// `error.args.gstn-err.error-code`.
    var gstnCode: String? { json["error"]?["args"]?["gstn-err"]?["error-code"]?.stringValue }

    /// The raw bytes of a v3 success's `data` (between the envelope's fixed prefix and suffix).
    var rawData: [UInt8] {
        let prefix = #"{"status":"1","data":"#.utf8.count
        let suffix = #","error":null,"info":null,"additionalInfo":null,"alert":null}"#.utf8.count
        guard body.count >= prefix + suffix else { return [] }
        return Array(body[prefix..<(body.count - suffix)])
    }
}

/// An in-process Vayana EAS: the routes in a router over a fresh registry holding one tenant.
final class Harness: @unchecked Sendable {
    let registry: TenantRegistry
    let tenant: Tenant
    let context: VayanaContext
    let router: Router<VayanaContext>
    /// The user token of `login()`, sent by `send` unless headers are given.
    var userToken = ""

    init(seed: WorldSeed = World.seed()) {
        let realTime = RealTime.fixed(World.now)
        registry = TenantRegistry(realTime: realTime, testTenantSeed: WorldSeed())
        tenant = try! registry.createTenant(id: "shared", seed: seed)
        context = VayanaContext(registry: registry, realTime: realTime)
        router = Router(VayanaRoutes.routes())
    }

    static let gstn = "/basic/gstn/v1.0/taxpayerapi"

    var authHeaders: [(String, String)] {
        [("X-FLYNN-N-ORG-ID", World.organisation), ("X-FLYNN-N-USER-TOKEN", userToken)]
    }

    /// Sends a request through the router; `headers` nil means the logged-in user's EAS headers.
    func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)]? = nil, body: String = "",
              sourceLocation: SourceLocation = #_sourceLocation) -> Reply {
        var h = HTTPHeaders(headers ?? authHeaders)
        if !body.isEmpty { h.add("Content-Type", "application/json") }
        let request = HTTPRequest(method: method, target: target, version: .http1_1, headers: h, body: Array(body.utf8))
        guard case .found(let route, let params) = router.route(request) else {
            Issue.record("no route for \(method) \(target)", sourceLocation: sourceLocation)
            return Reply(status: 0, headers: [:], body: [], json: .null)
        }
        let response = route(request, params, context)
        #expect(response.headers["Content-Type"] == "application/json", sourceLocation: sourceLocation)
        let json: JSONValue
        do { json = try JSONParser.parse(response.body) } catch {
            Issue.record("response is not JSON: \(error)", sourceLocation: sourceLocation)
            json = .null
        }
        return Reply(status: response.status.code, headers: response.headers, body: response.body, json: json)
    }

    func get(_ target: String, headers: [(String, String)]? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Reply {
        send(.get, target, headers: headers, sourceLocation: sourceLocation)
    }

    /// Logs in (theodore) and keeps the user token.
    @discardableResult
    func login(minutes: Int = 360) -> Reply {
        let reply = send(.post, "/theodore/apis/v1/authtokens", headers: [],
                         body: #"{"handle":"\#(World.email)","password":"\#(World.password)","handleType":"email","tokenDurationInMins":\#(minutes)}"#)
        userToken = reply.data?["token"]?.stringValue ?? ""
        return reply
    }

    /// OTPREQUEST + AUTHTOKEN for a taxpayer; returns the `gst-session-id`.
    @discardableResult
    func openSession(_ gstin: GSTIN = World.recipient, username: String = World.recipientUser, otp: String = World.recipientOTP) -> String {
        let request = send(.post, "\(Self.gstn)/v0.2/authenticate/OTPREQUEST", body: #"{"gstin":"\#(gstin.value)","username":"\#(username)"}"#)
        let id = request.data?["otp-request-id"]?.stringValue ?? ""
        let token = send(.post, "\(Self.gstn)/v0.2/authenticate/AUTHTOKEN", body: #"{"otp-request-id":"\#(id)","otp":"\#(otp)"}"#)
        return token.data?["gst-session-id"]?.stringValue ?? ""
    }

    /// Login and a GSTN session for the recipient.
    func ready() -> Harness {
        login()
        openSession()
        return self
    }

    /// Runs `body` on the tenant's state (what Sandbox's routes and the control API do through GSTCore).
    func world<R: Sendable>(_ body: (inout TenantState) -> R) -> R { tenant.write(body) }
}

/// Parses a JSON literal (examples).
func json(_ text: String) -> JSONValue { try! JSONParser.parse(text) }

extension JSONValue {
    /// Object keys, sorted.
    var keys: [String] { (objectValue ?? [:]).keys.sorted() }
    /// Number or string text.
    var text: String? { numberValue?.text ?? stringValue }
}
