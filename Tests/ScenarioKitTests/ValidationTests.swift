import JSON
import Testing
import GSTCore
@testable import ScenarioKit

/// Bad scenarios: every problem is reported with the file, the JSON path and what is wrong.
@Suite struct ValidationTests {
    /// A document in `section` from Deccan to Acme with `fields` merged over a valid base.
    static func doc(_ section: String = "b2b", _ fields: String = "", items: String = #"[{"rate": 18, "taxable_value": 100}]"#) -> String {
        minimal(#""documents": {"\#(section)": [{"supplier": "36AACCD8123P1ZB", "recipient": "27AAPCA4821K1ZD", "number": "INV-1", "date": "05-03-2025", "items": \#(items)\#(fields.isEmpty ? "" : ", " + fields)}]}"#)
    }

    /// The scenario fuzz target's crash (issue 11), byte for byte: the loader trapped turning these
    /// seconds into milliseconds.
    @Test func theFuzzersAfterSecondsOverflowIsRefused() {
        let bytes = Array(#"{"jobs": {"after_seconds": 9223372036854776}}"#.utf8)
        do {
            _ = try ScenarioLoader.load(bytes: bytes, name: "fuzz.json")
            Issue.record("loaded")
        } catch {
            #expect(error.lines.contains { $0.hasPrefix("fuzz.json: $.jobs.after_seconds: expected seconds") }, "\(error.lines)")
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let json: String
        let line: String   // the exact expected line, or a prefix ending in "…"
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(json: minimal(#""colour": "blue""#), line: "t.json: $.colour: unknown key \"colour\"; expected one of $schema, name, …"),
        Case(json: #"{"clock": {"now": "10-05-2025"}}"#, line: "t.json: $.clock.now: expected a date-time such as 2025-05-10T10:00:00+05:30 (or a date 2025-05-10), found \"10-05-2025\""),
        Case(json: #"{"clock": "virtual"}"#, line: "t.json: $.clock: expected \"real\" or an object {\"now\": \"2025-05-10T10:00:00+05:30\"}, found \"virtual\""),
        Case(json: minimal(#""jobs": {"after_polls": 2, "after_seconds": 3}"#), line: "t.json: $.jobs: give only one of after_polls, after_seconds"),
        Case(json: minimal(#""jobs": {"complete": "later"}"#), line: "t.json: $.jobs.complete: expected \"on_first_poll\" (or use after_polls / after_seconds), found \"later\""),
        Case(json: minimal(#""jobs": {"after_seconds": 1.2345}"#), line: "t.json: $.jobs.after_seconds: expected seconds from 0 to 31536000 (365 days) with at most three decimals (e.g. 2 or 0.5), found 1.2345"),
        // Issue 11: seconds whose milliseconds overflow Int64 trapped the loader (exit 132) instead of this line.
        Case(json: minimal(#""jobs": {"after_seconds": 9223372036854776}"#), line: "t.json: $.jobs.after_seconds: expected seconds from 0 to 31536000 (365 days) with at most three decimals (e.g. 2 or 0.5), found 9223372036854776"),
        Case(json: minimal(#""ids": {"seed": -1}"#), line: "t.json: $.ids.seed: expected a non-negative integer below 2^64, found -1"),
        Case(json: minimal(#""gstr2b": {"page_size": 0}"#), line: "t.json: $.gstr2b.page_size: must be between 1 and 1000000, found 0"),
        Case(json: minimal(#""credentials": {"sandbox": [{"api_key": "k", "api_secret": "s"}, {"api_key": "k", "api_secret": "t"}]}"#),
             line: "t.json: $.credentials.sandbox[1].api_key: api_key \"k\" is already declared at $.credentials.sandbox[0].api_key"),
        Case(json: minimal(#""credentials": {"vayana": [{"email": "x", "password": "p", "org_id": "o"}]}"#),
             line: "t.json: $.credentials.vayana[0].email: expected an email address, found \"x\""),
        Case(json: #"{"taxpayers": [{"gstin": "27ABCDE1234F1Z4", "trade_name": "X", "username": "x", "otp": "123456"}]}"#,
             line: "t.json: $.taxpayers[0].gstin: GSTIN 27ABCDE1234F1Z4 fails its check digit (the 15th character should be 0); set \"strict_gstin\": false to accept it"),
        Case(json: #"{"taxpayers": [{"gstin": "27ABCDE1234F1", "trade_name": "X", "username": "x", "otp": "123456"}]}"#,
             line: "t.json: $.taxpayers[0].gstin: \"27ABCDE1234F1\" is not a GSTIN: …"),
        Case(json: #"{"taxpayers": [{"gstin": "45AAPCA4821K1ZD", "trade_name": "X", "username": "x", "otp": "123456"}]}"#,
             line: "t.json: $.taxpayers[0].gstin: GSTIN 45AAPCA4821K1ZD has an unknown state code 45; expected 01–38, 96 or 97"),
        Case(json: #"{"taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "X", "username": "x", "otp": "12345"}]}"#,
             line: "t.json: $.taxpayers[0].otp: expected a 6-digit OTP string such as \"575757\", found \"12345\""),
        Case(json: #"{"taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "X", "otp": "123456"}]}"#,
             line: "t.json: $.taxpayers[0]: missing required key \"username\""),
        Case(json: #"{"clock": {"now": "2025-05-10"}, "taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "X", "username": "x", "otp": "123456", "gstr3b_filed": ["042025", "13-2025"]}]}"#,
             line: "t.json: $.taxpayers[0].gstr3b_filed[1]: expected a return period MMYYYY (e.g. 032025), found \"13-2025\""),
        Case(json: #"{"taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "X", "username": "x", "otp": "123456", "gstr1_filed": ["132025"]}]}"#,
             line: "t.json: $.taxpayers[0].gstr1_filed[0]: expected a return period MMYYYY (e.g. 032025), found \"132025\""),
        Case(json: doc(items: #"[{"rate": 18.5, "taxable_value": 100}]"#),
             line: "t.json: $.documents.b2b[0].items[0].rate: 18.5 is not in the GST rate list; expected one of 0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 12, 18, 28"),
        Case(json: doc(items: #"[{"rate": 18, "taxable_value": 100.123}]"#),
             line: "t.json: $.documents.b2b[0].items[0].taxable_value: expected an amount that is not negative and has at most two decimals, found 100.123"),
        Case(json: doc(items: #"[{"rate": 18, "taxable_value": "100"}]"#),
             line: "t.json: $.documents.b2b[0].items[0].taxable_value: expected an amount (a number such as 1500 or 397.44), found string"),
        Case(json: doc(items: #"[{"rate": 18, "taxable_value": 100}, {"rate": 18, "taxable_value": 5}]"#),
             line: "t.json: $.documents.b2b[0].items[1].rate: rate 18 already has a line at $.documents.b2b[0].items[0].rate; GSTN keeps one line per rate"),
        Case(json: doc(items: "[]"), line: "t.json: $.documents.b2b[0].items: a document needs at least one item"),
        Case(json: doc("b2x"), line: "t.json: $.documents.b2x: unknown key \"b2x\"; expected one of b2b, b2ba, b2bdn, b2bdna, b2bcn, b2bcna, ecom, ecoma"),
        Case(json: doc("b2b", #""filing": {"form": "R2"}"#), line: "t.json: $.documents.b2b[0].filing.form: expected one of R1, R1A, IFF, found \"R2\""),
        Case(json: doc("b2b", #""filing": {"period": "022025"}"#), line: "t.json: $.documents.b2b[0].filing.period: filing period 022025 is before the document's date 05-03-2025"),
        Case(json: doc("b2b", #""filing": {"filed_on": "20-03-2025"}"#), line: "t.json: $.documents.b2b[0].filing.filed_on: filed on 20-03-2025, before period 032025 ended; a return is filed after its period"),
        Case(json: doc("b2b", #""filing": {"filed": false, "filed_on": "11-04-2025"}"#), line: "t.json: $.documents.b2b[0].filing.filed_on: filed_on is given but filed is false"),
        Case(json: doc("b2b", #""date": "22-04-1025""#).replacing(#""date": "05-03-2025", "#, with: ""),
             line: "t.json: $.documents.b2b[0].filing.period: the document's date 22-04-1025 is in no return period 011900–122099"),
        Case(json: doc("b2b", #""ims": {"status": "X"}"#), line: "t.json: $.documents.b2b[0].ims.status: expected one of N, A, R, P, found \"X\""),
        Case(json: doc("b2b", #""ims": {"status": "P", "pending_blocked": true}"#),
             line: "t.json: $.documents.b2b[0].ims.status: status P (pending) is not possible on a record whose pending action is blocked (pending_blocked: true)"),
        Case(json: doc("b2ba"), line: "t.json: $.documents.b2ba[0]: missing required key \"original_number\""),
        Case(json: doc("b2b", #""original_number": "X-1""#), line: "t.json: $.documents.b2b[0].original_number: original_number belongs only to amendment sections (b2ba, b2bdna, b2bcna, ecoma), not b2b"),
        Case(json: doc("b2ba", #""original_number": "INV-0", "original_date": "06-03-2025""#),
             line: "t.json: $.documents.b2ba[0].original_date: original date 06-03-2025 is after the amended document's date 05-03-2025"),
        Case(json: doc("ecom", #""inv_typ": "R""#), line: "t.json: $.documents.ecom[0].inv_typ: inv_typ is not part of ecom records (e-commerce documents have no invoice type)"),
        Case(json: doc("b2b", #""pos": "40""#), line: "t.json: $.documents.b2b[0].pos: expected a state code \"01\"–\"38\", \"96\" or \"97\", found \"40\""),
        Case(json: doc("b2b", #""irn": "abc""#), line: "t.json: $.documents.b2b[0].irn: expected an IRN of 64 hexadecimal characters, found \"abc\""),
        Case(json: minimal(#""documents": {"b2b": [{"supplier": "24AHXPS4417L1ZM", "recipient": "27AAPCA4821K1ZD", "number": "A", "date": "05-03-2025", "items": [{"rate": 5, "taxable_value": 1}]}]}"#),
             line: "t.json: $.documents.b2b[0].supplier: unknown supplier 24AHXPS4417L1ZM: declare it in $.suppliers or $.taxpayers"),
        Case(json: minimal(#""documents": {"b2b": [{"supplier": "27AAPCA4821K1ZD", "recipient": "27AAPCA4821K1ZD", "number": "A", "date": "05-03-2025", "items": [{"rate": 5, "taxable_value": 1}]}]}"#),
             line: "t.json: $.documents.b2b[0].recipient: supplier and recipient are the same GSTIN 27AAPCA4821K1ZD"),
        Case(json: minimal(#""documents": {"b2b": [{"supplier": "36AACCD8123P1ZB", "recipient": "27AAPCA4821K1ZD", "number": "000/-", "date": "05-03-2025", "items": [{"rate": 5, "taxable_value": 1}]}]}"#),
             line: "t.json: $.documents.b2b[0].number: \"000/-\" is not a valid document number: 1–16 characters of A–Z, a–z, 0–9, / and -, not only zeros"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["062025"]}"#),
             line: "t.json: $.generate.periods[0]: period 062025 has not started on the scenario clock (10-05-2025)"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["032025"], "sections": {"b2b": 1, "b2x": 2}}"#),
             line: "t.json: $.generate.sections.b2x: \"b2x\" is not a section"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["032025"], "status": {"N": 0}}"#),
             line: "t.json: $.generate.status: give at least one status a weight above zero"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["032025"], "rates": ["18", "19"]}"#),
             line: "t.json: $.generate.rates[1]: \"19\" is not a rate"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["032025"], "filed_percent": 120}"#),
             line: "t.json: $.generate.filed_percent: must be between 0 and 100, found 120"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2000, "documents_per_supplier": 1000000, "periods": ["032025"]}"#),
             line: "t.json: $.generate: generate would create 2000000000 documents; the limit is 2000000"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": ["27AAPCA4821K1ZD"], "documents_per_supplier": 2, "periods": ["032025"]}"#),
             line: "t.json: $.generate.recipients: supplier 27AAPCA4821K1ZD has no recipient other than itself"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["032025"], "recipients": "nobody"}"#),
             line: "t.json: $.generate.recipients: expected \"all\", \"taxpayers\", \"suppliers\" or an array of GSTINs, found \"nobody\""),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["032025"], "recipients": "suppliers"}"#),
             line: "t.json: $.generate.recipients: new suppliers are not taxpayers, so their documents need taxpayer recipients; 36AACCD8123P1ZB is not one"),
        Case(json: #"{"taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "A", "username": "a", "otp": "123456"}], "suppliers": [{"gstin": "36AACCD8123P1ZB", "trade_name": "D"}, {"gstin": "24AHXPS4417L1ZM", "trade_name": "S"}], "generate": {"seed": 1, "suppliers": ["36AACCD8123P1ZB"], "documents_per_supplier": 2, "periods": ["032025"], "recipients": ["36AACCD8123P1ZB", "24AHXPS4417L1ZM", "27AAPCA4821K1ZD"]}}"#,
             line: "t.json: $.generate.recipients: neither supplier 36AACCD8123P1ZB nor recipient 24AHXPS4417L1ZM is a taxpayer, so no one would see their documents"),
        Case(json: minimal(#""generate": {"seed": 1, "suppliers": 2, "documents_per_supplier": 2, "periods": ["032025"], "taxable_value": {"min": 10, "max": 5}}"#),
             line: "t.json: $.generate.taxable_value: min 10 is above max 5"),
        Case(json: "[1, 2]", line: "t.json: $: expected an object, found array"),
        Case(json: #"{"name": "x",}"#, line: "t.json: $: invalid JSON at line 1, column 14 (byte 13): expected a string key in object, found '}'"),
    ]

    @Test(arguments: cases)
    func reportsPathAndProblem(_ c: Case) {
        let lines = errors(c.json)
        if c.line.hasSuffix("…") {
            #expect(lines.contains { $0.hasPrefix(String(c.line.dropLast())) }, "\(lines)")
        } else {
            #expect(lines.contains(c.line), "\(lines)")
        }
    }

    /// Found next to the fuzzer's "22-04-1025" case: a filed document of December 2099 on a real clock computed its
    /// GSTR-1 due date in January 2100 with a trapping `ReturnPeriod.next`, killing the process at start-up.
    @Test func aFiledDocumentOfTheLastNameablePeriodLoads() throws {
        let json = #"""
            {"clock": "real", "taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "Acme", "username": "acme", "otp": "575757"}],
             "suppliers": [{"gstin": "36AACCD8123P1ZB", "trade_name": "Deccan"}],
             "documents": {"b2b": [{"supplier": "36AACCD8123P1ZB", "recipient": "27AAPCA4821K1ZD", "number": "X-1", "date": "15-12-2099",
                                    "items": [{"rate": 18, "taxable_value": 100}], "filing": {"filed": true}}]}}
            """#
        let scenario = try ScenarioLoader.load(bytes: Array(json.utf8), name: "t.json")
        #expect(scenario.world.documents.first?.filing.filedOn == CivilDate(year: 2100, month: 1, day: 11))
    }

    @Test func collectsEveryProblemNotJustTheFirst() {
        let json = #"""
        {"clock": {"now": "2025-05-10T10:00:00+05:30"}, "jobs": {"after_polls": -1},
         "taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "", "username": "a", "otp": "1"}],
         "documents": {"b2b": [{"supplier": "36AACCD8123P1ZB", "recipient": "27AAPCA4821K1ZD", "number": "A", "date": "5-3-2025",
                                "items": [{"rate": 7, "taxable_value": 1}]}]}}
        """#
        let lines = errors(json)
        #expect(lines.count >= 6, "\(lines)")
        for path in ["$.jobs.after_polls", "$.taxpayers[0].trade_name", "$.taxpayers[0].otp", "$.documents.b2b[0].supplier",
                     "$.documents.b2b[0].date", "$.documents.b2b[0].items[0].rate"] {
            #expect(lines.contains { $0.hasPrefix("t.json: \(path): ") }, "missing \(path) in \(lines)")
        }
    }

    @Test func duplicateDocumentsAreNamedWithTheFirstOccurrence() {
        let d = #"{"supplier": "36AACCD8123P1ZB", "recipient": "27AAPCA4821K1ZD", "number": "INV-1", "date": "05-03-2025", "items": [{"rate": 18, "taxable_value": 1}]}"#
        let lines = errors(minimal(#""documents": {"b2b": [\#(d), \#(d)], "b2ba": []}"#))
        #expect(lines == ["t.json: $.documents.b2b[1].number: duplicate document: b2b 36AACCD8123P1ZB INV-1 is already declared at $.documents.b2b[0]"])
        // The same number in another section is a different record.
        #expect(errors(minimal(#""documents": {"b2b": [\#(d)], "b2bdn": [\#(d)]}"#)).isEmpty)
    }

    @Test func duplicateJSONKeysAndPartiesAreErrors() {
        #expect(errors(#"{"name": "a", "name": "b"}"#).first?.contains("duplicate key \"name\"") == true)
        let lines = errors(minimal(#""suppliers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "Again"}]"#))
        #expect(lines.first?.contains("duplicate key \"suppliers\"") == true)
        let twice = #"{"taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "A", "username": "a", "otp": "123456"}], "suppliers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "B"}]}"#
        #expect(errors(twice) == ["t.json: $.suppliers[0].gstin: GSTIN 27AAPCA4821K1ZD is already declared at $.taxpayers[0].gstin"])
    }

    /// A tenant whose clock was set back holds a world with dates after its clock: whatever the server
    /// holds must load again, so these are warnings, not errors.
    @Test func datesAfterTheClockAreWarnings() throws {
        let json = #"{"clock": {"now": "2025-05-10T10:00:00+05:30"}, "#
            + #""taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "Acme", "username": "acme", "otp": "575757", "gstr3b_filed": ["052025"]}], "#
            + #""suppliers": [{"gstin": "36AACCD8123P1ZB", "trade_name": "Deccan"}], "#
            + #""documents": {"b2b": [{"supplier": "36AACCD8123P1ZB", "recipient": "27AAPCA4821K1ZD", "number": "A", "date": "11-05-2025", "#
            + #""filing": {"filed_on": "12-06-2025"}, "items": [{"rate": 5, "taxable_value": 1}]}]}}"#
        let s = try ScenarioLoader.load(bytes: Array(json.utf8), name: "t.json")
        #expect(s.warnings.map(\.description) == [
            "$.taxpayers[0].gstr3b_filed[0]: GSTR-3B for 052025 is filed although the period has not ended on the scenario clock (10-05-2025)",
            "$.documents.b2b[0].date: date 11-05-2025 is after the scenario clock (10-05-2025)",
            "$.documents.b2b[0].filing.filed_on: filed on 12-06-2025, after the scenario clock (10-05-2025)",
        ])
        #expect(s.world.documents.count == 1 && s.world.taxpayers[0].gstr3bFiled == [ReturnPeriod(month: 5, year: 2025)!])
    }

    @Test func checkDigitFailuresAreWarningsWhenNotStrict() throws {
        let json = #"{"strict_gstin": false, "taxpayers": [{"gstin": "27ABCDE1234F1Z4", "trade_name": "X", "username": "x", "otp": "123456"}]}"#
        let s = try ScenarioLoader.load(bytes: Array(json.utf8), name: "t.json")
        #expect(s.warnings.map(\.description) == ["$.taxpayers[0].gstin: GSTIN 27ABCDE1234F1Z4 fails its check digit (the 15th character should be 0)"])
        #expect(!s.strictGSTIN)
    }

    @Test func taxpayerSupplierFilingMustAgreeWithItsGSTR1Filings() {
        let json = #"""
        {"clock": {"now": "2025-05-10"}, "taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "A", "username": "a", "otp": "123456", "gstr1_filed": ["032025"]}],
         "suppliers": [{"gstin": "36AACCD8123P1ZB", "trade_name": "D"}],
         "documents": {"b2b": [{"supplier": "27AAPCA4821K1ZD", "recipient": "36AACCD8123P1ZB", "number": "A-1", "date": "05-03-2025", "items": [{"rate": 5, "taxable_value": 1}]}]}}
        """#
        #expect(errors(json).first?.hasPrefix("t.json: $.documents.b2b[0].filing.filed: supplier 27AAPCA4821K1ZD is a taxpayer whose GSTR-1 for 032025 is filed") == true)
    }

    @Test func documentsBetweenTwoNonTaxpayersAreRefused() {
        let two = #"""
        {"taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "A", "username": "a", "otp": "123456"}],
         "suppliers": [{"gstin": "36AACCD8123P1ZB", "trade_name": "D"}, {"gstin": "24AHXPS4417L1ZM", "trade_name": "S"}],
         "documents": {"b2b": [{"supplier": "36AACCD8123P1ZB", "recipient": "24AHXPS4417L1ZM", "number": "A-1", "date": "05-03-2025", "items": [{"rate": 5, "taxable_value": 1}]}]}}
        """#
        #expect(errors(two) == ["t.json: $.documents.b2b[0]: neither supplier 36AACCD8123P1ZB nor recipient 24AHXPS4417L1ZM is a taxpayer, so no one would see this document"])
    }

    @Test func reservedBlocksAreKeptVerbatim() throws {
        let json = minimal(#""faults": [{"operation": "gstr2b.regenerate", "times": 1}], "steps": [], "$comment": "note""#)
        let s = try ScenarioLoader.load(bytes: Array(json.utf8), name: "t.json")
        #expect(s.faults == [["operation": "gstr2b.regenerate", "times": 1]])
        #expect(s.steps == [])
        #expect(Scenario.reservedKeys == ["faults", "steps"])
    }

    @Test func errorPrintsOneLinePerProblem() {
        let e = ScenarioError(file: "f.json", issues: [ScenarioIssue(path: "$.a[0].b", message: "x"), ScenarioIssue(path: .root, message: "y")])
        #expect(e.description == "f.json: $.a[0].b: x\nf.json: $: y")
        #expect(JSONPath("$.documents.b2b[3].items[0].rate").description == "$.documents.b2b[3].items[0].rate")
        #expect(JSONPath.root.key("a b").index(2).description == "$[\"a b\"][2]")
    }

    @Test func unreadableFileIsReported() {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/scenario.json") }
    }
}
