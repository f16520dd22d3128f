import GSTCore
import HTTPWire
import JSON
import Testing
import VayanaAPI

/// theodore login, the EAS headers and the GSTN session.
@Suite struct AuthTests {
    static let gstn = Harness.gstn

    @Test func loginIssuesUserTokenAndOrganisation() {
        let h = Harness()
        let reply = h.login(minutes: 360)
        #expect(reply.status == 200)
        // v1 shape, as theodore answers: only `data`.
        #expect(reply.json.keys == ["data"])
        let data = reply.data!
        #expect(data.keys == ["associatedOrgs", "email", "expiry", "token"])
        #expect(data["associatedOrgs"]?[0]?["organisation"]?["id"]?.stringValue == World.organisation)
        #expect(data["email"]?.stringValue == World.email)
        #expect(data["expiry"]?.text == String(World.now + 360 * 60_000))
        let token = data["token"]?.stringValue ?? ""
        #expect(!token.isEmpty)
    }

    @Test func loginDurationDefaultsTo20AndIsCappedAt360() {
        let h = Harness()
        let defaulted = h.send(.post, "/theodore/apis/v1/authtokens", headers: [],
                               body: #"{"handle":"\#(World.email)","password":"\#(World.password)"}"#)
        #expect(defaulted.data?["expiry"]?.text == String(World.now + 20 * 60_000))
        let capped = h.login(minutes: 370)
        #expect(capped.data?["expiry"]?.text == String(World.now + 360 * 60_000))
    }

    @Test func loginRefusesWrongCredentialsAndBadBodies() {
        let h = Harness()
        let wrong = h.send(.post, "/theodore/apis/v1/authtokens", headers: [],
                           body: #"{"handle":"\#(World.email)","password":"nope","handleType":"email"}"#)
        #expect(wrong.status == 401)
        #expect(wrong.json == json(#"{"error":{"message":"err-invalid-credentials","type":"Authorization","args":{}}}"#))
        let missing = h.send(.post, "/theodore/apis/v1/authtokens", headers: [], body: #"{"handle":"\#(World.email)"}"#)
        #expect(missing.status == 400)
        #expect(missing.json["error"]?["args"] == json(#"{"parameter-name":"password"}"#))
        let notJSON = h.send(.post, "/theodore/apis/v1/authtokens", headers: [], body: "handle=x")
        #expect(notJSON.status == 400)
        #expect(notJSON.errorKey == "err-invalid-json")
    }

    // MARK: EAS headers

    @Test func missingOrUnknownOrganisationIsInvalidOrg() {
        let h = Harness()
        h.login()
        let expected = json("""
            {"status":"0","data":null,"error":{"message":"err-invalid-org","type":"Authorization","args":{}},
             "info":null,"additionalInfo":null,"alert":null}
            """)
        let target = "\(Self.gstn)/v0.3/returns/ims/GETCNT?gstin=\(World.recipient.value)&goods_typ=ALL_OTH"
        let missing = h.get(target, headers: [("X-FLYNN-N-USER-TOKEN", h.userToken)])
        #expect(missing.status == 403)
        #expect(missing.json == expected)
        let unknown = h.get(target, headers: [("X-FLYNN-N-ORG-ID", "not-an-org"), ("X-FLYNN-N-USER-TOKEN", h.userToken)])
        #expect(unknown.status == 403)
        #expect(unknown.json == expected)
    }

    @Test func missingOrUnknownUserTokenIsInvalidToken() {
        let h = Harness()
        h.login()
        let target = "\(Self.gstn)/v0.3/returns/ims/GETCNT?gstin=\(World.recipient.value)&goods_typ=ALL_OTH"
        let missing = h.get(target, headers: [("X-FLYNN-N-ORG-ID", World.organisation)])
        #expect(missing.status == 403)
        #expect(missing.errorKey == "err-invalid-token")
        #expect(missing.json["error"]?["type"]?.stringValue == "Authorization")
        let forged = h.get(target, headers: [("X-FLYNN-N-ORG-ID", World.organisation), ("X-FLYNN-N-USER-TOKEN", "forged")])
        #expect(forged.status == 403)
        #expect(forged.errorKey == "err-invalid-token")
        // A Sandbox platform token of the same tenant is not an EAS user token.
        let sandboxToken = h.registry.issueToken(.platform, lifetime: 3_600_000, in: h.tenant)
        let platform = h.get(target, headers: [("X-FLYNN-N-ORG-ID", World.organisation), ("X-FLYNN-N-USER-TOKEN", sandboxToken)])
        #expect(platform.errorKey == "err-invalid-token")
    }

    @Test func userTokenExpiresOnTheTenantClock() {
        let h = Harness()
        h.login(minutes: 1)
        let target = "\(Self.gstn)/v0.2/authenticate/OTPREQUEST"
        let body = #"{"gstin":"\#(World.recipient.value)","username":"\#(World.recipientUser)"}"#
        #expect(h.send(.post, target, body: body).status == 200)
        h.world { $0.advanceClock(by: 60_000) }
        let expired = h.send(.post, target, body: body)
        #expect(expired.status == 403)
        // v1.0 authentication routes answer in the v1 shape.
        #expect(expired.json == json(#"{"error":{"message":"err-expired-token","type":"Authorization","args":{}}}"#))
    }

    // MARK: GSTN session

    @Test func otpRequestAndAuthTokenMatchTheV1Examples() {
        let h = Harness()
        h.login()
        let otp = h.send(.post, "\(Self.gstn)/v0.2/authenticate/OTPREQUEST",
                         body: #"{"gstin":"\#(World.recipient.value)","username":"\#(World.recipientUser)"}"#)
        #expect(otp.status == 200)
        #expect(otp.json.keys == ["data"])
        #expect(otp.data?.keys == ["otp-request-id"])
        let requestID = otp.data?["otp-request-id"]?.stringValue ?? ""
        #expect(requestID.utf8.count == 36)  // a UUID, as in the example

        let token = h.send(.post, "\(Self.gstn)/v0.2/authenticate/AUTHTOKEN",
                           body: #"{"otp-request-id":"\#(requestID)","otp":"\#(World.recipientOTP)"}"#)
        #expect(token.status == 200)
        #expect(token.json.keys == ["data"])
        #expect(token.data?.keys == ["gst-session-id"])
        let session = token.data?["gst-session-id"]?.stringValue ?? ""
        #expect(h.world { VayanaSessionProbe.hasSession(World.recipient, $0) })

        // The request id is used up.
        let again = h.send(.post, "\(Self.gstn)/v0.2/authenticate/AUTHTOKEN",
                           body: #"{"otp-request-id":"\#(requestID)","otp":"\#(World.recipientOTP)"}"#)
        #expect(again.status == 502)
        #expect(again.gstnCode == "AUTH4033")
        #expect(!session.isEmpty)
    }

    @Test func wrongUsernameAndWrongOTPAreGSTNErrors() {
        let h = Harness()
        h.login()
        let badUser = h.send(.post, "\(Self.gstn)/v0.2/authenticate/OTPREQUEST",
                             body: #"{"gstin":"\#(World.recipient.value)","username":"someone.else"}"#)
        #expect(badUser.status == 502)
        #expect(badUser.json == json("""
            {"error":{"message":"err-gstn-returned-error","type":"Gstn",
             "args":{"gstn-err":{"status-code":"0","error-code":"AUTH4033","message":"Invalid Session"}}}}
            """))
        let otp = h.send(.post, "\(Self.gstn)/v0.2/authenticate/OTPREQUEST",
                         body: #"{"gstin":"\#(World.recipient.value)","username":"\#(World.recipientUser)"}"#)
        let id = otp.data?["otp-request-id"]?.stringValue ?? ""
        let badOTP = h.send(.post, "\(Self.gstn)/v0.2/authenticate/AUTHTOKEN", body: #"{"otp-request-id":"\#(id)","otp":"000000"}"#)
        #expect(badOTP.status == 502)
        #expect(badOTP.gstnCode == "AUTH4034")
        // Still redeemable with the right OTP.
        let good = h.send(.post, "\(Self.gstn)/v0.2/authenticate/AUTHTOKEN", body: #"{"otp-request-id":"\#(id)","otp":"\#(World.recipientOTP)"}"#)
        #expect(good.status == 200)
    }

    @Test func otpRequestValidatesTheGSTIN() {
        let h = Harness()
        h.login()
        let malformed = h.send(.post, "\(Self.gstn)/v0.2/authenticate/OTPREQUEST", body: #"{"gstin":"27ABC","username":"x"}"#)
        #expect(malformed.status == 400)
        #expect(malformed.json == json(#"{"error":{"message":"err-invalid-gstin-format","type":"ClientRequest","args":{"parameter-name":"gstin"}}}"#))
        let unknown = h.send(.post, "\(Self.gstn)/v0.2/authenticate/OTPREQUEST",
                             body: #"{"gstin":"\#(World.supplierA.value)","username":"x"}"#)
        #expect(unknown.status == 404)
        #expect(unknown.errorKey == "err-invalid-gstin")
    }

    @Test func refreshKeepsTheSessionIdAndExtendsIt() {
        let h = Harness()
        h.login()
        let session = h.openSession()
        h.world { $0.advanceClock(by: 5 * 3_600_000) }
        let refresh = h.send(.post, "\(Self.gstn)/v0.2/authenticate/REFRESHTOKEN", body: #"{"gst-session-id":"\#(session)"}"#)
        #expect(refresh.status == 200)
        #expect(refresh.json == json(#"{"data":{"gst-session-id":"\#(session)"}}"#))
        // 5 h + 2 h after the session opened: alive only because the refresh extended it.
        h.world { $0.advanceClock(by: 2 * 3_600_000) }
        h.login()  // the user token lasts 6 h as well
        let count = h.get("\(Self.gstn)/v0.3/returns/ims/GETCNT?gstin=\(World.recipient.value)&goods_typ=ALL_OTH")
        #expect(count.status == 200)
        // Refreshing twice with the same id works (the id is stable).
        let again = h.send(.post, "\(Self.gstn)/v0.2/authenticate/REFRESHTOKEN", body: #"{"gst-session-id":"\#(session)"}"#)
        #expect(again.status == 200)
        let unknown = h.send(.post, "\(Self.gstn)/v0.2/authenticate/REFRESHTOKEN", body: #"{"gst-session-id":"nope"}"#)
        #expect(unknown.status == 502)
        #expect(unknown.gstnCode == "AUTH4033")
    }

    @Test func sessionExpiresAfterSixHours() {
        let h = Harness().ready()
        let target = "\(Self.gstn)/v0.3/returns/ims/GETCNT?gstin=\(World.recipient.value)&goods_typ=ALL_OTH"
        #expect(h.get(target).status == 200)
        // Keep the user token alive (it lasts 6 h too) with a fresh login.
        h.world { $0.advanceClock(by: 6 * 3_600_000) }
        h.login()
        let expired = h.get(target)
        #expect(expired.status == 502)
        #expect(expired.gstnCode == "RET11402")
    }

    @Test func v3HeaderFormAnswersInTheV3Envelope() {
        let h = Harness()
        h.login()
        let base = "/basic/gstn/v3.0/taxpayerapi/v0.2/authenticate"
        let otp = h.send(.post, base, headers: h.authHeaders + [("action", "OTPREQUEST")],
                         body: #"{"gstin":"\#(World.recipient.value)","username":"\#(World.recipientUser)"}"#)
        #expect(otp.status == 200)
        let id = otp.data?["otp-request-id"]?.stringValue ?? ""
        let token = h.send(.post, base, headers: h.authHeaders + [("action", "AUTHTOKEN")],
                           body: #"{"otp-request-id":"\#(id)","otp":"\#(World.recipientOTP)"}"#)
        #expect(token.status == 200)
        // Key by key against eas-auth-authtoken-v3.0.response.json, and in its order.
        let session = token.data?["gst-session-id"]?.stringValue ?? ""
        #expect(token.json == json("""
            {"status":"1","data":{"gst-session-id":"\(session)"},"error":null,"info":null,"additionalInfo":null,"alert":null}
            """))
        #expect(token.text.hasPrefix(#"{"status":"1","data":{"gst-session-id":"#))
        #expect(token.text.hasSuffix(#","error":null,"info":null,"additionalInfo":null,"alert":null}"#))

        let noAction = h.send(.post, base, body: #"{"gst-session-id":"\#(session)"}"#)
        #expect(noAction.status == 400)
        #expect(noAction.json["error"]?["args"] == json(#"{"parameter-name":"action"}"#))
        let badAction = h.send(.post, base, headers: h.authHeaders + [("action", "LOGOUT")], body: "{}")
        #expect(badAction.status == 400)
        #expect(badAction.errorKey == "err-invalid-parameter")
    }

    @Test func unsupportedFlynnVersionIsNotFound() {
        let h = Harness()
        h.login()
        let reply = h.send(.post, "/basic/gstn/v9.9/taxpayerapi/v0.2/authenticate/OTPREQUEST", body: "{}")
        #expect(reply.status == 404)
        #expect(reply.errorKey == "err-resource-not-found")
    }
}

/// Reads the tenant's token book as the routes do.
enum VayanaSessionProbe {
    static func hasSession(_ gstin: GSTIN, _ state: TenantState) -> Bool {
        state.tokens.allTokens.contains { state.tokens.check($0, now: state.now) == .valid(.gstnSession(gstin)) }
    }
}
