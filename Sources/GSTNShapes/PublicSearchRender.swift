import GSTCore
import JSON

/// GSTN's public taxpayer search as Sandbox's official examples show it.
///
/// - `public/gstin/search` ("200 Success"): `{adadr, ctb, ctj, ctjCd, cxdt, dty, einvoiceStatus, gstin,
///   lgnm, lstupdt, nba, pradr:{addr:{bnm, bno, dst, flno, geocodelvl, landMark, lg, loc, locality, lt,
///   pncd, st, stcd}, ntr}, rgdt, stj, stjCd, sts, tradeNam}`; dates DD/MM/YYYY, `ntr` the nature of
///   business as one string, no additional places (`adadr` []), `cxdt` "" while not cancelled.
/// - `public/gstin/verify` ("200 valid gstin"): `{bussNature, gstin, legalName, pan, regStartDate,
///   stateCode, stateName, status, validGstin}`; `bussNature` the nature of business, `validGstin` whether
///   the check character is right.
/// - `public/pan/search` ("200 Success"): `data` is an array of `{data:{ctb, ctj, ctjCd, cxdt, dty,
///   einvoiceStatus, gstin, lgnm, lstupdt, rgdt, stj, stjCd, sts, tradeNam}, gstin}`.
package enum PublicSearchRender {
    package static func taxpayer(_ r: Registration) -> [UInt8] {
        var o = summary(r)
        let a = r.address
        o["adadr"] = []
        o["nba"] = .array(r.natureOfBusiness.map { .string($0) })
        o["pradr"] = .object([
            "addr": .object([
                "bnm": .string(a.building), "bno": .string(a.buildingNumber), "dst": .string(a.district), "flno": .string(a.floor),
                "geocodelvl": "NA", "landMark": "", "lg": "", "loc": .string(a.locality), "locality": "", "lt": "",
                "pncd": .string(a.pincode), "st": .string(a.street), "stcd": .string(a.state),
            ]),
            "ntr": .string(r.natureOfBusiness.joined(separator: ", ")),
        ])
        return JSONWriter.write(.object(o))
    }

    package static func verification(_ r: Registration) -> [UInt8] {
        JSONWriter.write(.object([
            "bussNature": .string(r.natureOfBusiness.joined(separator: ", ")), "gstin": .string(r.gstin.value),
            "legalName": .string(r.legalName), "pan": .string(r.gstin.pan), "regStartDate": .string(r.registeredOn.slashed),
            "stateCode": .string(r.gstin.stateCode.value), "stateName": .string(r.address.state), "status": .string(r.status),
            "validGstin": .bool(r.gstin.hasValidCheckDigit),
        ]))
    }

    package static func pan(_ registrations: [Registration]) -> [UInt8] {
        JSONWriter.write(.array(registrations.map { .object(["data": .object(summary($0)), "gstin": .string($0.gstin.value)]) }))
    }

    private static func summary(_ r: Registration) -> [String: JSONValue] {
        [
            "ctb": .string(r.constitution), "ctj": .string(r.centreJurisdiction), "ctjCd": .string(r.centreJurisdictionCode),
            "cxdt": .string(r.cancelledOn?.slashed ?? ""), "dty": .string(r.taxpayerType), "einvoiceStatus": r.eInvoicing ? "Yes" : "No",
            "gstin": .string(r.gstin.value), "lgnm": .string(r.legalName), "lstupdt": .string(r.lastUpdatedOn.slashed),
            "rgdt": .string(r.registeredOn.slashed), "stj": .string(r.stateJurisdiction),
            "stjCd": .string(r.stateJurisdictionCode), "sts": .string(r.status), "tradeNam": .string(r.tradeName),
        ]
    }
}

extension PublicSearchRender {
    /// Day-wise changed GSTINs (`public/gstin/changed-list`), one page: `{cnt, cpgnum, gstLst:[{gstdtls:
    /// [{chng_dt, chng_typ, gstin (MD5 hex)}], state_cd}], ismpg, totalCount, tpgcnt}`, keys in byte order.
    package static func changedList(_ all: [RegistrationChange], state: StateCode, page: Int, pageSize: Int) -> [UInt8] {
        let pages = max(1, (all.count + pageSize - 1) / pageSize)
        // A page past the last (any Int a body gives) shows nothing, without multiplying it.
        let start = page > pages ? all.count : min(all.count, (page - 1) * pageSize)
        let shown = all[start..<min(all.count, start + pageSize)]
        var b = JSONBuilder(capacity: 160 + shown.count * 90)
        b.beginObject()
        b.field("cnt", shown.count)
        b.field("cpgnum", page)
        b.key("gstLst"); b.beginArray()
        if !shown.isEmpty {
            b.beginObject()
            b.key("gstdtls"); b.beginArray()
            for c in shown {
                b.beginObject(); b.field("chng_dt", c.on.dashed); b.field("chng_typ", c.kind.rawValue); b.field("gstin", MD5.hex(c.gstin.value)); b.endObject()
            }
            b.endArray()
            b.field("state_cd", state.value)
            b.endObject()
        }
        b.endArray()
        b.field("ismpg", pages > 1 ? "Y" : "N")
        b.field("totalCount", all.count)
        b.field("tpgcnt", pages)
        b.endObject()
        return b.bytes
    }
}

extension PublicSearchRender {
    /// An unregistered applicant (`public/unregistered-applicants`), as the official example: `{addtls{bnm, bno,
    /// city, cnty, dst, landMark, lg, loc, lt, pncd, st, stcd}, authstatus A|C, candt, goodsdetails, name, pan,
    /// regdt, servicedetails, state}`, dates DD/MM/YYYY, keys in byte order; no coordinates (`lg`, `lt` "").
    package static func applicant(_ a: UnregisteredApplicant) -> [UInt8] {
        var b = JSONBuilder(capacity: 512)
        b.beginObject()
        b.key("addtls"); b.beginObject()
        b.field("bnm", a.address.building); b.field("bno", a.address.buildingNumber); b.field("city", a.address.city)
        b.field("cnty", "IND"); b.field("dst", a.address.district); b.field("landMark", a.address.landmark); b.field("lg", "")
        b.field("loc", a.address.locality); b.field("lt", ""); b.field("pncd", a.address.pincode); b.field("st", a.address.street)
        b.field("stcd", a.stateName)
        b.endObject()
        b.field("authstatus", a.active ? "A" : "C")
        b.field("candt", a.cancelledOn?.slashed ?? "")
        b.field("goodsdetails", a.goods)
        b.field("name", a.name)
        b.field("pan", a.pan)
        b.field("regdt", a.enrolledOn.slashed)
        b.field("servicedetails", a.services)
        b.field("state", a.stateName)
        b.endObject()
        return b.bytes
    }

    /// The contact-detail validation: `{"Email Address"?, "Enrolment Number", "Mobile Number"?}` with
    /// "matched" / "unmatched" for each detail given, as the official example.
    package static func contactValidation(_ a: UnregisteredApplicant, mobile: String?, email: String?) -> [UInt8] {
        var b = JSONBuilder(capacity: 128)
        b.beginObject()
        if let email { b.field("Email Address", a.matches(email: email) ? "matched" : "unmatched") }
        b.field("Enrolment Number", a.enrolmentNumber)
        if let mobile { b.field("Mobile Number", a.matches(mobile: mobile) ? "matched" : "unmatched") }
        b.endObject()
        return b.bytes
    }
}
