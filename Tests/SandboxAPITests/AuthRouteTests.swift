import Foundation
import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

@Suite struct AuthRouteTests {
    let h = Harness()

    // MARK: POST /authenticate

    @Test func authenticateIssuesA24HourToken() throws {
        let r = h.send(.post, "/authenticate", headers: [("x-api-key", TestWorld.apiKey), ("x-api-secret", TestWorld.apiSecret)])
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("platform_authenticate.200.response.json")).isEmpty)
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("platform_authenticate.200.schema.json")).isEmpty)
        #expect(r.json["timestamp"]?.intValue == Int(TestWorld.now))
        let token = try #require(r.data?["access_token"]?.stringValue)
        // valid just before 24 h, expired at 24 h
        let entry = try #require(h.tenant.read { $0.tokens.entry(for: token) })
        #expect(entry.expiresAt - entry.issuedAt == 24 * 3_600_000)
        #expect(entry.kind == .platform)
    }

    @Test func authenticateRefusals() {
        let missingSecret = h.send(.post, "/authenticate", headers: [("x-api-key", TestWorld.apiKey)])
        #expect(missingSecret.status == 401)
        #expect(missingSecret.message == "Unauthorized")
        #expect(missingSecret.data == nil)
        let missingKey = h.send(.post, "/authenticate", headers: [("x-api-secret", TestWorld.apiSecret)])
        #expect(missingKey.status == 401)
        let unknown = h.send(.post, "/authenticate", headers: [("x-api-key", "key_live_nobody"), ("x-api-secret", "x")])
        #expect(unknown.status == 401)
        #expect(unknown.message == "Unauthorized")
        let wrongSecret = h.send(.post, "/authenticate", headers: [("x-api-key", TestWorld.apiKey), ("x-api-secret", "nope")])
        #expect(wrongSecret.status == 403)
        #expect(wrongSecret.message == "Bad Credentials")
        #expect(Set(wrongSecret.json.objectValue!.keys) == ["code", "message", "timestamp", "transaction_id"])
    }

    @Test func testKeysGetTheirOwnTenant() throws {
        let r = h.send(.post, "/authenticate", headers: [("x-api-key", "key_test_abc"), ("x-api-secret", "secret_test_xyz")])
        #expect(r.status == 200)
        let token = try #require(r.data?["access_token"]?.stringValue)
        let t = try #require(h.registry.tenant(forToken: token))
        #expect(t !== h.tenant)
        #expect(t.id == "key_test_abc")
        // the token works with its own key, not with another tenant's key
        let body = #"{"username":"\#(TestWorld.recipientUser)","gstin":"\#(TestWorld.recipient.value)"}"#
        let ok = h.send(.post, "/gst/compliance/tax-payer/otp", headers: [("authorization", token), ("x-api-key", "key_test_abc")], body: body)
        #expect(ok.statusCD == "1")
        let cross = h.send(.post, "/gst/compliance/tax-payer/otp", headers: [("authorization", token), ("x-api-key", TestWorld.apiKey)], body: body)
        #expect(cross.status == 401)
    }

    // MARK: OTP

    var otpBody: String { #"{"username":"\#(TestWorld.recipientUser)","gstin":"\#(TestWorld.recipient.value)"}"# }

    @Test func generateOTPSuccessMatchesTheExample() {
        let token = h.platformToken()
        let r = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(token), body: otpBody)
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("auth_generate_otp.200.response.json")).isEmpty)
        #expect(r.data == ["status_cd": "1"])
    }

    @Test func generateOTPErrors() {
        let token = h.platformToken()
        let badPattern = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(token),
                                body: #"{"username":"acme.com","gstin":"29AAACQ3770E000"}"#)
        #expect(badPattern.status == 422)
        #expect(badPattern.message == "Invalid GSTIN pattern")
        #expect(ShapeComparer.differences(badPattern.json, VendorFixtures.example("auth_generate_otp.422.response.json")).isEmpty)

        let unknownUser = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(token),
                                 body: #"{"username":"someone.else","gstin":"\#(TestWorld.recipient.value)"}"#)
        #expect(unknownUser.status == 200)
        #expect(unknownUser.errorCode == "AUTH4033")
        #expect(unknownUser.statusCD == "0")
        let unknownGSTIN = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(token),
                                  body: #"{"username":"\#(TestWorld.recipientUser)","gstin":"\#(TestWorld.other.value)"}"#)
        #expect(unknownGSTIN.errorCode == "AUTH4033")

        let missing = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(token), body: #"{"gstin":"\#(TestWorld.recipient.value)"}"#)
        #expect(missing.status == 400)
        let notJSON = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(token), body: "username=x")
        #expect(notJSON.status == 422)
        #expect(notJSON.message?.hasPrefix("Invalid request body: line 1, column 1") == true)
    }

    @Test func otpRoutesNeedThePlatformToken() {
        let taxpayer = h.taxpayerToken()
        let r = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(taxpayer), body: otpBody)
        #expect(r.status == 403)
        #expect(r.message == "Insufficient privilege")
        let none = h.send(.post, "/gst/compliance/tax-payer/otp", headers: [("x-api-key", TestWorld.apiKey)], body: otpBody)
        #expect(none.status == 401)
        let bogus = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth("not-a-token"), body: otpBody)
        #expect(bogus.status == 403)
        #expect(bogus.message == "Invalid access token")
        let bearer = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth("Bearer " + h.platformToken()), body: otpBody)
        #expect(bearer.status == 403)
    }

    @Test func verifyOTPOpensASixHourSession() throws {
        let platform = h.platformToken()
        _ = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(platform), body: otpBody)
        let r = h.send(.post, "/gst/compliance/tax-payer/otp/verify?otp=\(TestWorld.recipientOTP)", headers: Harness.auth(platform), body: otpBody)
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("auth_verify_otp.200.response.json")).isEmpty)
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("auth_verify_otp.200.schema.json")).isEmpty)
        let token = try #require(r.data?["access_token"]?.stringValue)
        #expect(r.headers["authorization"] == token)
        #expect(r.data?["session_expiry"]?.intValue == Int(TestWorld.now + 6 * 3_600_000))
        #expect(r.data?["token_expiry"]?.intValue == Int(TestWorld.now + 6 * 3_600_000))
        // the OTP request is consumed
        let again = h.send(.post, "/gst/compliance/tax-payer/otp/verify?otp=\(TestWorld.recipientOTP)", headers: Harness.auth(platform), body: otpBody)
        #expect(again.errorCode == "AUTH4033")
    }

    @Test func verifyOTPErrors() {
        let platform = h.platformToken()
        // no OTP requested
        let early = h.send(.post, "/gst/compliance/tax-payer/otp/verify?otp=\(TestWorld.recipientOTP)", headers: Harness.auth(platform), body: otpBody)
        #expect(early.errorCode == "AUTH4033")
        #expect(early.errorMessage == "Invalid Session")
        _ = h.send(.post, "/gst/compliance/tax-payer/otp", headers: Harness.auth(platform), body: otpBody)
        let wrong = h.send(.post, "/gst/compliance/tax-payer/otp/verify?otp=111111", headers: Harness.auth(platform), body: otpBody)
        #expect(wrong.status == 200)
        #expect(ShapeComparer.differences(wrong.json, VendorFixtures.example("auth_verify_otp.AUTH4033.response.json")).isEmpty)
        #expect(wrong.errorCode == "AUTH4033")
        #expect(wrong.errorMessage == "Invalid Session")
        let missing = h.send(.post, "/gst/compliance/tax-payer/otp/verify", headers: Harness.auth(platform), body: otpBody)
        #expect(missing.status == 400)
        let letters = h.send(.post, "/gst/compliance/tax-payer/otp/verify?otp=abc", headers: Harness.auth(platform), body: otpBody)
        #expect(letters.status == 422)
        let pattern = h.send(.post, "/gst/compliance/tax-payer/otp/verify?otp=1", headers: Harness.auth(platform),
                             body: #"{"username":"acme.com","gstin":"29AAACQ3770E000"}"#)
        #expect(pattern.status == 422)
        #expect(pattern.message == "Invalid GSTIN pattern")
        #expect(ShapeComparer.differences(pattern.json, VendorFixtures.example("auth_verify_otp.500_invalid_gstin.response.json")).isEmpty)
        // the OTP request expires after 10 minutes on the tenant clock
        h.advanceClock(by: 11 * 60_000)
        let late = h.send(.post, "/gst/compliance/tax-payer/otp/verify?otp=\(TestWorld.recipientOTP)", headers: Harness.auth(platform), body: otpBody)
        #expect(late.errorCode == "AUTH4033")
    }

    // MARK: Session

    @Test func sessionExpiresAfterSixHoursOnTheTenantClock() {
        let token = h.taxpayerToken()
        let ok = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others", headers: Harness.auth(token))
        #expect(ok.statusCD == "1")
        h.advanceClock(by: 6 * 3_600_000)
        let expired = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others", headers: Harness.auth(token))
        #expect(expired.status == 403)
        #expect(expired.message == "Access token has expired")
        // refreshing an expired session: AUTH4033
        let refresh = h.send(.post, "/gst/compliance/tax-payer/session/refresh", headers: Harness.auth(token))
        #expect(refresh.errorCode == "AUTH4033")
    }

    /// Refusals read the clock of the tenant the `x-api-key` names, like everything else it answers; only
    /// a request no tenant can be known for is stamped with the wall clock.
    @Test func refusalsOfAKnownKeyCarryTheTenantClock() {
        h.advanceClock(by: 86_400_000)
        let tenantNow = Int(TestWorld.now + 86_400_000)
        let unknownToken = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others",
                                  headers: [("authorization", "not-a-token"), ("x-api-key", TestWorld.apiKey)])
        #expect(unknownToken.status == 403 && unknownToken.json["timestamp"]?.intValue == tenantNow)
        let wrongSecret = h.send(.post, "/authenticate", headers: [("x-api-key", TestWorld.apiKey), ("x-api-secret", "wrong")])
        #expect(wrongSecret.status == 403 && wrongSecret.json["timestamp"]?.intValue == tenantNow)
        let unknownKey = h.send(.post, "/authenticate", headers: [("x-api-key", "key_live_nobody"), ("x-api-secret", "s")])
        #expect(unknownKey.status == 401 && unknownKey.json["timestamp"]?.intValue == Int(TestWorld.now))
    }

    /// What a JWT library reads from a token (PyJWT's three segments, the Java SDK's `exp`).
    static func claims(of token: String) throws -> JSONValue {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 3)
        func decode(_ part: String) throws -> JSONValue {
            var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while text.count % 4 != 0 { text += "=" }
            let data = try #require(Data(base64Encoded: text))
            return try JSONParser.parse(Array(data))
        }
        #expect(try decode(parts[0]) == ["typ": "JWT", "alg": "HS256"])
        #expect(parts[2].count == 43)   // 32 bytes of HMAC-SHA256, base64url without padding
        return try decode(parts[1])
    }

    /// Tokens are JWTs whose `iat`/`exp` are on the wall clock (seconds), so a client comparing `exp`
    /// with its own clock accepts a session of a scenario frozen in 2025; the sandbox still expires it on
    /// the tenant clock.
    @Test func tokensAreJWTsWithWallClockExpiries() throws {
        let platform = try Self.claims(of: h.platformToken())
        #expect(platform["token_type"] == "platform" && platform["api_key"] == .string(TestWorld.apiKey))
        #expect(platform["iat"]?.intValue == Int(TestWorld.now / 1000))
        #expect(platform["exp"]?.intValue == Int((TestWorld.now + 24 * 3_600_000) / 1000))
        h.advanceClock(by: 86_400_000 * 30)   // the tenant clock's month does not show in a new token
        let session = try Self.claims(of: h.taxpayerToken())
        #expect(session["token_type"] == "taxpayer" && session["gstin"] == .string(TestWorld.recipient.value))
        #expect(session["exp"]?.intValue == Int((TestWorld.now + 6 * 3_600_000) / 1000))
        #expect(session["jti"]?.stringValue?.count == 48)
    }

    /// The official refresh example answers the token it was sent (`{{$headers 'authorization'}}`):
    /// the session is extended, not replaced, and its expiry is read on the wall clock.
    @Test func refreshExtendsTheSameToken() throws {
        let token = h.taxpayerToken()
        h.advanceClock(by: 3_600_000)
        let r = h.send(.post, "/gst/compliance/tax-payer/session/refresh", headers: Harness.auth(token))
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("auth_refresh_session.200.response.json")).isEmpty)
        #expect(r.data?["access_token"]?.stringValue == token)
        // The harness's wall clock stands still: 6 h from it, whatever the tenant clock shows.
        #expect(r.data?["token_expiry"]?.intValue == Int(TestWorld.now + 6 * 3_600_000))
        h.advanceClock(by: 6 * 3_600_000 - 1)   // 7 h after the login: alive only thanks to the refresh
        let used = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others", headers: Harness.auth(token))
        #expect(used.statusCD == "1")
        // platform token cannot refresh
        let platform = h.send(.post, "/gst/compliance/tax-payer/session/refresh", headers: Harness.auth(h.platformToken()))
        #expect(platform.status == 403)
    }

    @Test func logoutRevokes() {
        let token = h.taxpayerToken()
        let r = h.send(.post, "/gst/compliance/tax-payer/logout", headers: Harness.auth(token))
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("auth_logout.200.response.json")).isEmpty)
        let after = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others", headers: Harness.auth(token))
        #expect(after.status == 403)
        #expect(after.message == "Invalid access token")
    }

    @Test func taxpayerRoutesRefuseThePlatformTokenAndMissingKey() {
        let platform = h.platformToken()
        let r = h.send(.get, "/gst/compliance/tax-payer/invoices?section=B2B", headers: Harness.auth(platform))
        #expect(r.status == 403)
        #expect(r.message == "Insufficient privilege")
        let token = h.taxpayerToken()
        let noKey = h.send(.get, "/gst/compliance/tax-payer/invoices?section=B2B", headers: [("authorization", token)])
        #expect(noKey.status == 401)
        #expect(noKey.message == "Unauthorized")
    }

    @Test func seededTransactionIDsAreDeterministic() {
        let a = Harness(), b = Harness()
        let ra = a.send(.post, "/authenticate", headers: [("x-api-key", TestWorld.apiKey), ("x-api-secret", TestWorld.apiSecret)])
        let rb = b.send(.post, "/authenticate", headers: [("x-api-key", TestWorld.apiKey), ("x-api-secret", TestWorld.apiSecret)])
        #expect(ra.json["transaction_id"] == rb.json["transaction_id"])
    }
}
