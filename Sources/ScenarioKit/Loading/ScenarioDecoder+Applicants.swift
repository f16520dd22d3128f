import GSTCore
import JSON

extension ScenarioDecoder {
    static let applicantKeys = ["enrolment_number", "name", "pan", "state_code", "status", "enrolled_on", "cancelled_on", "address",
                                "mobile", "email", "goods", "services"]
    static let applicantAddressKeys = ["building_number", "building", "street", "locality", "pincode", "district", "city", "landmark"]

    /// `unregistered_applicants`: people GSTN knows by an enrolment number (15 upper-case letters and
    /// digits, unique), with a PAN, a state code, status A (active) or C (cancelled, with `cancelled_on`),
    /// `enrolled_on`, an address with a six-digit `pincode`, a ten-digit `mobile` and an `email`.
    mutating func unregisteredApplicants(_ value: JSONValue, at path: JSONPath) -> [UnregisteredApplicant] {
        guard let list = array(value, at: path) else { return [] }
        var out: [UnregisteredApplicant] = []
        var seen: [String: JSONPath] = [:]
        for (entry, ep) in list {
            guard let m = object(entry, at: ep, allowed: Self.applicantKeys,
                                 required: ["enrolment_number", "name", "pan", "state_code", "enrolled_on", "address", "mobile", "email"]) else { continue }
            func text(_ key: String, nonEmpty: Bool = true) -> String? { m[key].flatMap { string($0.0, at: $0.1, nonEmpty: nonEmpty) } }
            func matching(_ key: String, _ what: String, _ ok: (String) -> Bool) -> String? {
                guard let s = text(key) else { return nil }
                guard ok(s) else { fail(ep.key(key), "expected \(what), found \"\(s)\""); return nil }
                return s
            }
            let number = matching("enrolment_number", "15 upper-case letters and digits such as \"292200000001ES9\"") { s in
                s.utf8.count == 15 && s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }
            }
            let pan = matching("pan", "a PAN such as \"SRIFP2884S\"") { s in
                let u = Array(s.utf8)
                return u.count == 10 && u[0..<5].allSatisfy { $0 >= 65 && $0 <= 90 } && u[5..<9].allSatisfy { $0 >= 48 && $0 <= 57 } && u[9] >= 65 && u[9] <= 90
            }
            let state = matching("state_code", "a GST state code such as \"33\"") { StateCode($0) != nil && $0.utf8.count == 2 }.flatMap(StateCode.init)
            let mobile = matching("mobile", "ten digits") { $0.utf8.count == 10 && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
            let email = matching("email", "an email address") { $0.contains("@") && !$0.hasPrefix("@") && !$0.hasSuffix("@") }
            let name = text("name")
            let enrolled = m["enrolled_on"].flatMap { date($0.0, at: $0.1) }
            let cancelled = m["cancelled_on"].flatMap { date($0.0, at: $0.1) }
            var active = true
            if let (v, p) = m["status"] {
                switch v {
                case .string("A"): active = true
                case .string("C"): active = false
                default: fail(p, "expected \"A\" (active) or \"C\" (cancelled), found \(ScenarioDecoder.show(v))")
                }
            }
            if !active, cancelled == nil { fail(ep, "a cancelled applicant (status C) needs cancelled_on") }
            if active, cancelled != nil { fail(ep.key("cancelled_on"), "only a cancelled applicant (status C) has cancelled_on") }
            if let e = enrolled, let c = cancelled, c < e { fail(ep.key("cancelled_on"), "is before enrolled_on (\(e))") }
            var address: UnregisteredApplicant.Address?
            if let (v, p) = m["address"], let a = object(v, at: p, allowed: Self.applicantAddressKeys, required: ["pincode"]) {
                func field(_ k: String) -> String { a[k].flatMap { string($0.0, at: $0.1, nonEmpty: false) } ?? "" }
                let pincode = field("pincode")
                if pincode.utf8.count == 6, pincode.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                    address = UnregisteredApplicant.Address(buildingNumber: field("building_number"), building: field("building"),
                                                            street: field("street"), locality: field("locality"), pincode: pincode,
                                                            district: field("district"), city: field("city"), landmark: field("landmark"))
                } else { fail(p.key("pincode"), "expected six digits, found \"\(pincode)\"") }
            }
            guard let number, let pan, let state, let mobile, let email, let name, let enrolled, let address else { continue }
            if let earlier = seen[number] { fail(ep.key("enrolment_number"), "\(number) is already declared at \(earlier)"); continue }
            seen[number] = ep.key("enrolment_number")
            out.append(UnregisteredApplicant(enrolmentNumber: number, name: name, pan: pan, state: state, active: active, enrolledOn: enrolled,
                                             cancelledOn: cancelled, address: address, mobile: mobile, email: email,
                                             goods: text("goods", nonEmpty: false) ?? "", services: text("services", nonEmpty: false) ?? ""))
        }
        return out
    }
}
