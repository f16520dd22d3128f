import GSTCore
import GSTNShapes
import Testing

/// GSTN's catalogue is the one list of codes both vendors answer and fault rules accept.
@Suite struct GSTNCatalogueTests {
    let today = CivilDate(year: 2025, month: 5, day: 10)!

    @Test func datedMessagesNameTheNextDraftDate() {
        #expect(GSTNError.catalogued(code: "IMS2B009", today: today)?.message == "Kindly generate 2b after 14/05/2025")
        #expect(GSTNError.catalogued(code: "RET2B1023", today: today)?.message.contains("available by 14/05/2025") == true)
    }

    @Test func aCodeWithTwoWordingsAnswersTheFirstByCode() {
        #expect(GSTNError.catalogued(code: "RET191251", today: today) == .resetInProgress)
        #expect(GSTNError.catalogued(code: "RET191114", today: today) == .invoiceDateOutOfRange)
    }

    @Test func knownCodesAreTheCataloguesSortedAndUnique() {
        let codes = GSTNError.knownCodes
        #expect(codes == Array(Set(GSTNError.catalogue(today: today).map(\.code))).sorted())
        #expect(codes.contains("AUTH4034") && codes.contains("RET11402") && codes.contains("IMSSAV005"))
        #expect(GSTNError.catalogued(code: "NOPE123", today: today) == nil)
    }
}
