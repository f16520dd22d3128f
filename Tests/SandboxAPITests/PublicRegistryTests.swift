import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// The public registry beyond search: registration details a scenario states (a cancelled supplier),
/// the day-wise changed-GSTIN list they produce, and unregistered applicants with contact validation.
@Suite struct PublicRegistryTests {
    static let p = "/gst/compliance/public"
    static let cancelledOn = CivilDate(year: 2024, month: 6, day: 30)!
    static let registeredOn = CivilDate(year: 2019, month: 4, day: 1)!

    static func harness() -> Harness {
        var seed = TestWorld.seed()
        // Local Traders (27…): registered 01/04/2019, cancelled 30/06/2024.
        let i = seed.parties.firstIndex { $0.gstin == TestWorld.localSupplier }!
        seed.parties[i].registration = RegistrationDetails(legalName: "LOCAL TRADERS LLP", status: .cancelled, registeredOn: registeredOn,
                                                           cancelledOn: cancelledOn, taxpayerType: "Composition")
        seed.unregisteredApplicants = [
            UnregisteredApplicant(enrolmentNumber: "332200000001ES9", name: "Dev Prakruthi", pan: "SRIFP2884S", state: StateCode("33")!,
                                  enrolledOn: CivilDate(year: 2022, month: 9, day: 28)!,
                                  address: .init(buildingNumber: "3/1-10", street: "3rd Street", locality: "West Mambalam", pincode: "600033",
                                                 district: "Chennai", city: "Chennai", landmark: "West Mambalam Sub Post Office"),
                                  mobile: "9898989898", email: "dev@example.com"),
        ]
        return Harness(seed)
    }

    @Test func aCancelledRegistrationAsSearchAndTheChangedListShowIt() throws {
        let h = Self.harness()
        let auth = Harness.auth(h.platformToken())
        let search = h.send(.post, "\(Self.p)/gstin/search", headers: auth, body: #"{"gstin":"\#(TestWorld.localSupplier.value)"}"#)
        #expect(search.inner?["sts"] == "Cancelled" && search.inner?["cxdt"] == "30/06/2024" && search.inner?["rgdt"] == "01/04/2019")
        #expect(search.inner?["lgnm"] == "LOCAL TRADERS LLP" && search.inner?["dty"] == "Composition" && search.inner?["tradeNam"] == "Local Traders")

        func changes(_ date: String, _ state: String, page: Int? = nil) -> Reply {
            h.send(.post, "\(Self.p)/gstin/changed-list", headers: auth,
                   body: #"{"date":"\#(date)","state_code":"\#(state)"\#(page.map { ",\"page\":\($0)" } ?? "")}"#)
        }
        let cancelled = changes("30-06-2024", "27")
        #expect(ShapeComparer.differences(cancelled.json, OfficialExamples.parse(OfficialExamples.changedList), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(cancelled.inner?["gstLst"]?[0]?["gstdtls"]?.arrayValue?.count == 1 && cancelled.inner?["totalCount"]?.scalarText == "1")
        let entry = try #require(cancelled.inner?["gstLst"]?[0]?["gstdtls"]?[0])
        #expect(entry["chng_typ"] == "C" && entry["chng_dt"] == "30-06-2024" && entry["gstin"] == .string(MD5.hex(TestWorld.localSupplier.value)))
        #expect(changes("01-04-2019", "27").inner?["gstLst"]?[0]?["gstdtls"]?[0]?["chng_typ"] == "G")
        // Another state, another day, a page past the end: nothing.
        let none = changes("30-06-2024", "29")
        #expect(none.inner?["cnt"]?.scalarText == "0" && none.inner?["gstLst"]?.arrayValue?.isEmpty == true && none.inner?["ismpg"] == "N")
        #expect(changes("30-06-2024", "27", page: 2).inner?["cnt"]?.scalarText == "0")
        #expect(changes("30-06-2024", "27", page: Int.max).inner?["cnt"]?.scalarText == "0")   // no overflow
        #expect(changes("2024-06-30", "27").status == 422 && changes("30-06-2024", "2").status == 422 && changes("30-06-2024", "27", page: 0).status == 422)
        #expect(h.send(.post, "\(Self.p)/gstin/changed-list", headers: auth, body: #"{"state_code":"27"}"#).status == 400)
    }

    @Test func md5MatchesTheRFCVectors() {
        #expect(MD5.hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(MD5.hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890") == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test func unregisteredApplicantsAndTheirContactDetails() throws {
        let h = Self.harness()
        let auth = Harness.auth(h.platformToken())
        let found = h.send(.post, "\(Self.p)/unregistered-applicants", headers: auth, body: #"{"enrolment_number":"332200000001ES9"}"#)
        #expect(ShapeComparer.differences(found.json, OfficialExamples.parse(OfficialExamples.unregisteredApplicant), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(found.inner?["name"] == "Dev Prakruthi" && found.inner?["state"] == "Tamil Nadu" && found.inner?["regdt"] == "28/09/2022")
        #expect(found.inner?["authstatus"] == "A" && found.inner?["addtls"]?["pncd"] == "600033" && found.inner?["addtls"]?["cnty"] == "IND")
        let unknown = h.send(.post, "\(Self.p)/unregistered-applicants", headers: auth, body: #"{"enrolment_number":"332200000009ES9"}"#)
        #expect(unknown.errorCode == "FO8000")
        #expect(h.send(.post, "\(Self.p)/unregistered-applicants", headers: auth, body: "{}").status == 400)

        let both = h.send(.post, "\(Self.p)/unregistered-applicants/validation", headers: auth,
                          body: #"{"enrolment_number":"332200000001ES9","mobile":"9898989898","email":"someone@example.com"}"#)
        #expect(ShapeComparer.differences(both.json, OfficialExamples.parse(OfficialExamples.unregisteredValidation), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(both.inner == (try JSONParser.parse(#"{"Email Address":"unmatched","Enrolment Number":"332200000001ES9","Mobile Number":"matched"}"#)))
        let email = h.send(.post, "\(Self.p)/unregistered-applicants/validation", headers: auth,
                           body: #"{"enrolment_number":"332200000001es9","email":"DEV@example.com"}"#)
        #expect(email.inner == (try JSONParser.parse(#"{"Email Address":"matched","Enrolment Number":"332200000001ES9"}"#)))
        #expect(h.send(.post, "\(Self.p)/unregistered-applicants/validation", headers: auth, body: #"{"enrolment_number":"332200000001ES9"}"#).status == 400)
    }
}
