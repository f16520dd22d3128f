import GSTCore
import HTTPWire
import JSON
import Testing
import VayanaAPI

/// The documented EAS errors, key by key against `vayana-examples/` (copied here verbatim).
@Suite struct ErrorTests {
    static let gstn = Harness.gstn

    /// eas-error-invalid-gstin-format.400.json
    static let invalidGSTINFormat = json("""
        {"status":"0","data":null,"error":{"message":"err-invalid-gstin-format","type":"ClientRequest",
         "args":{"parameter-name":"gstin"}},"info":null,"additionalInfo":null,"alert":null}
        """)
    /// eas-error-invalid-gst-returns-api-version.400.json
    static let invalidAPIVersion = json("""
        {"status":"0","data":null,"error":{"message":"err-invalid-gst-returns-api-version","type":"ClientRequest",
         "args":{"version":"v8.0"}},"info":null,"additionalInfo":null,"alert":null}
        """)
    /// eas-error-gstn-returned-error.502.json
    static let unauthorizedUser = json("""
        {"status":"0","data":null,"error":{"message":"err-gstn-returned-error","type":"Gstn",
         "args":{"gstn-err":{"status-code":"0","error-code":"RET11402","message":"Unauthorized User"}}},
         "info":null,"additionalInfo":null,"alert":null}
        """)

    /// Every GSTIN-taking route: returns, each IMS GET.
    static func targets(gstin: String, version: String = "v0.3") -> [String] {
        let b = "\(gstn)/\(version)"
        return [
            "\(b)/returns?gstn_ret_type=gstr2b&gstin=\(gstin)&rtnprd=032025&action=GET2B",
            "\(b)/returns/ims/GETINV?gstin=\(gstin)&section=B2B",
            "\(b)/returns/ims/GETCNT?gstin=\(gstin)&goods_typ=ALL_OTH",
            "\(b)/returns/ims/REQSTS?gstin=\(gstin)&int_tran_id=0032e479bcb644c",
            "\(b)/returns/ims/FILEDET?gstin=\(gstin)&token=abc",
        ]
    }

    @Test func invalidGSTINFormatMatchesTheExample() {
        let h = Harness().ready()
        for target in Self.targets(gstin: "33GSPTN0791G1Z") {
            let reply = h.get(target)
            #expect(reply.status == 400, "\(target)")
            #expect(reply.json == Self.invalidGSTINFormat, "\(target)")
            // The envelope's keys in the example's order.
            #expect(reply.text.hasPrefix(#"{"status":"0","data":null,"error":{"message":"err-invalid-gstin-format","type":"ClientRequest","args":"#))
        }
    }

    @Test func invalidAPIVersionMatchesTheExample() {
        let h = Harness().ready()
        for target in Self.targets(gstin: World.recipient.value, version: "v8.0") {
            let reply = h.get(target)
            #expect(reply.status == 400, "\(target)")
            #expect(reply.json == Self.invalidAPIVersion, "\(target)")
        }
        let auth = h.send(.post, "\(Self.gstn)/v8.0/authenticate/OTPREQUEST", body: "{}")
        #expect(auth.status == 400)
        #expect(auth.errorKey == "err-invalid-gst-returns-api-version")
    }

    @Test func gstinTheTenantDoesNotKnowIsNotFound() {
        let h = Harness().ready()
        // Well-formed, and a supplier of the world, but no taxpayer of it.
        for target in Self.targets(gstin: World.supplierA.value) {
            let reply = h.get(target)
            #expect(reply.status == 404, "\(target)")
            #expect(reply.json == json("""
                {"status":"0","data":null,"error":{"message":"err-invalid-gstin","type":"ResourceNotFound",
                 "args":{"parameter-name":"gstin"}},"info":null,"additionalInfo":null,"alert":null}
                """), "\(target)")
        }
    }

    @Test func noGSTNSessionIsUnauthorizedUser() {
        let h = Harness()
        h.login()
        for target in Self.targets(gstin: World.recipient.value) {
            let reply = h.get(target)
            #expect(reply.status == 502, "\(target)")
            #expect(reply.json == Self.unauthorizedUser, "\(target)")
        }
        // SAVE is refused the same way (rtin has no session).
        let save = h.send(.put, "\(Self.gstn)/v0.3/returns/ims/SAVE",
                          body: #"{"action":"SAVE","data":{"rtin":"\#(World.recipient.value)","reqtyp":"SAVE","invdata":{}}}"#)
        #expect(save.status == 502)
        #expect(save.json == Self.unauthorizedUser)
        // A session for one GSTIN does not open another's.
        h.openSession(World.supplierB, username: World.supplierBUser, otp: World.supplierBOTP)
        #expect(h.get(Self.targets(gstin: World.recipient.value)[2]).json == Self.unauthorizedUser)
    }

    @Test func gstr2bErrorsCarrySandboxsGSTNMessages() {
        let h = Harness().ready()
        // February 2025: generated (draft date 14 March passed), no document → RET2B1016.
        let empty = h.get("\(Self.gstn)/v3.0/returns?gstn_ret_type=gstr2b&gstin=\(World.recipient.value)&rtnprd=022025")
        #expect(empty.status == 502)
        #expect(empty.json == json("""
            {"status":"0","data":null,"error":{"message":"err-gstn-returned-error","type":"Gstn",
             "args":{"gstn-err":{"status-code":"0","error-code":"RET2B1016",
             "message":"For current tax period, no details are available to view."}}},"info":null,"additionalInfo":null,"alert":null}
            """))
        // April 2025: the draft is due on 14 May → RET2B1023 naming that date.
        let early = h.get("\(Self.gstn)/v3.0/returns?gstn_ret_type=gstr2b&gstin=\(World.recipient.value)&rtnprd=042025")
        #expect(early.status == 502)
        #expect(early.gstnCode == "RET2B1023")
        #expect(early.json["error"]?["args"]?["gstn-err"]?["message"]?.stringValue == "GSTR-2B is being generated and should be "
            + "available by 14/05/2025. Either you do not have any records in GSTR-2B or the generation is still in progress. "
            + "If you are still not able to access it, please raise a ticket with GST support team.")
    }

    @Test func gstr1WithoutDocumentsIsRET11416() {
        let h = Harness()
        h.login()
        h.openSession(World.supplierB, username: World.supplierBUser, otp: World.supplierBOTP)
        let expected = json("""
            {"status":"0","data":null,"error":{"message":"err-gstn-returned-error","type":"Gstn",
             "args":{"gstn-err":{"status-code":"0","error-code":"RET11416",
             "message":"No document found in selected financial year. Either this document exists in a different financial year or the document number is incorrect."}}},
             "info":null,"additionalInfo":null,"alert":null}
            """)
        let base = "\(Self.gstn)/v3.0/returns?gstn_ret_type=gstr1&gstin=\(World.supplierB.value)"
        #expect(h.get("\(base)&ret_period=022025&action=B2B").json == expected)
        #expect(h.get("\(base)&ret_period=032025&action=B2BA").json == expected)
        // Sections the world never holds.
        #expect(h.get("\(base)&ret_period=032025&action=B2CS").json == expected)
    }

    @Test func unemulatedReturnsAreHonestGSTNErrors() {
        let h = Harness().ready()
        for (type, action) in [("gstr3b", "RETFILE"), ("gstr9", "RETSUM"), ("gstr2b", "GEN2B")] {
            let reply = h.get("\(Self.gstn)/v3.0/returns?gstn_ret_type=\(type)&gstin=\(World.recipient.value)&ret_period=032025&action=\(action)")
            #expect(reply.status == 502, "\(type)")
            #expect(reply.gstnCode == "GEN5002", "\(type)")
        }
        let unknownType = h.get("\(Self.gstn)/v3.0/returns?gstn_ret_type=gstr99&gstin=\(World.recipient.value)")
        #expect(unknownType.status == 400)
        #expect(unknownType.json["error"]?["args"] == json(#"{"parameter-name":"gstn_ret_type"}"#))
        let noType = h.get("\(Self.gstn)/v3.0/returns?gstin=\(World.recipient.value)&rtnprd=032025")
        #expect(noType.status == 400)
        #expect(noType.errorKey == "err-missing-parameter")
    }

    @Test func badQueryValuesAreClientRequestErrors() {
        let h = Harness().ready()
        let g = World.recipient.value
        let cases: [(String, String, String)] = [
            ("returns/ims/GETINV?gstin=\(g)", "err-missing-parameter", "section"),
            ("returns/ims/GETINV?gstin=\(g)&section=XYZ", "err-invalid-parameter", "section"),
            ("returns/ims/GETINV?gstin=\(g)&section=B2B&status=Q", "err-invalid-parameter", "status"),
            ("returns/ims/GETCNT?gstin=\(g)", "err-missing-parameter", "goods_typ"),
            ("returns/ims/GETCNT?gstin=\(g)&goods_typ=IMPORTS", "err-invalid-parameter", "goods_typ"),
            ("returns/ims/REQSTS?gstin=\(g)", "err-missing-parameter", "int_tran_id"),
            ("returns/ims/GETINV?section=B2B", "err-missing-parameter", "gstin"),
            ("returns?gstn_ret_type=gstr2b&gstin=\(g)", "err-missing-parameter", "rtnprd"),
            ("returns?gstn_ret_type=gstr2b&gstin=\(g)&rtnprd=132025", "err-invalid-parameter", "rtnprd"),
            ("returns?gstn_ret_type=gstr2b&gstin=\(g)&rtnprd=032025&file_num=0", "err-invalid-parameter", "file_num"),
            ("returns?gstn_ret_type=gstr2b&gstin=\(g)&ret_period=032025&action=GETX", "err-invalid-parameter", "action"),
        ]
        for (path, key, parameter) in cases {
            let reply = h.get("\(Self.gstn)/v0.3/\(path)")
            #expect(reply.status == 400, "\(path)")
            #expect(reply.errorKey == key, "\(path)")
            #expect(reply.json["error"]?["type"]?.stringValue == "ClientRequest", "\(path)")
            #expect(reply.json["error"]?["args"] == .object(["parameter-name": .string(parameter)]), "\(path)")
        }
    }

    @Test func unknownRequestIdIsIMS0008() {
        let h = Harness().ready()
        let reply = h.get("\(Self.gstn)/v0.3/returns/ims/REQSTS?gstin=\(World.recipient.value)&int_tran_id=0032e479bcb644c")
        #expect(reply.status == 502)
        #expect(reply.json["error"]?["args"] == json("""
            {"gstn-err":{"status-code":"0","error-code":"IMS0008","message":"No records found for requested internal transaction Id"}}
            """))
    }
}
