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
            "cxdt": "", "dty": .string(r.taxpayerType), "einvoiceStatus": r.eInvoicing ? "Yes" : "No",
            "gstin": .string(r.gstin.value), "lgnm": .string(r.legalName), "lstupdt": .string(r.lastUpdatedOn.slashed),
            "rgdt": .string(r.registeredOn.slashed), "stj": .string(r.stateJurisdiction),
            "stjCd": .string(r.stateJurisdictionCode), "sts": .string(r.status), "tradeNam": .string(r.tradeName),
        ]
    }
}
