import GSTCore
import JSON

/// The summary as JSON, as `GET /_sandbox/scenario` serves it (keys sorted by the writer).
extension ScenarioSummary {
    public var json: JSONValue {
        var root: [String: JSONValue] = [
            "name": .string(name),
            "now": .string(ScenarioSummary.rfc3339(now)),
            "now_epoch_ms": .number(JSONNumber(now)),
            "clock": .string(clockFollowsRealTime ? "real" : "fixed"),
            "credentials": [
                "sandbox": .array(credentials.sandboxKeys.keys.sorted().map {
                    ["api_key": .string($0), "api_secret": .string(credentials.sandboxKeys[$0]!)]
                }),
                "vayana": .array(credentials.vayanaLogins.map {
                    ["email": .string($0.email), "password": .string($0.password), "org_id": .string($0.organisationID)]
                }),
            ],
            "counts": [
                "suppliers": .number(JSONNumber(supplierCount)),
                "documents": .number(JSONNumber(documentCount)),
                "by_section": ScenarioSummary.counts(documentsBySection, IMSSection.allCases, \.rawValue),
            ],
            "taxpayers": .array(taxpayers.map(\.json)),
        ]
        if let description { root["description"] = .string(description) }
        return .object(root)
    }

    static func counts<K: Hashable>(_ d: [K: Int], _ order: [K], _ name: (K) -> String) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for k in order { o[name(k)] = .number(JSONNumber(d[k] ?? 0)) }
        return .object(o)
    }

    /// `2025-05-10T10:00:00+05:30`: the instant in IST, the way scenario files write it.
    public static func rfc3339(_ epochMilliseconds: Int64) -> String {
        let date = CivilDate(epochMilliseconds: epochMilliseconds)
        let local = epochMilliseconds + CivilDate.istOffsetMilliseconds - Int64(date.daysSinceEpoch) * 86_400_000
        let seconds = Int(local / 1000), millis = Int(local % 1000)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        // Four digits, as RFC 3339 and `ScenarioTime.parse` require: year 1 is "0001", not "1".
        let year = date.year >= 0 && date.year < 1000 ? String(String(date.year + 10000).dropFirst()) : String(date.year)
        var s = "\(year)-\(two(date.month))-\(two(date.day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        if millis != 0 { s += "." + String(String(millis + 1000).dropFirst()) }
        return s + "+05:30"
    }
}

extension ScenarioSummary.TaxpayerSummary {
    public var json: JSONValue {
        [
            "gstin": .string(gstin.value), "trade_name": .string(tradeName),
            "username": .string(username), "otp": .string(otp),
            // The scenario format's `ledgers` block: what an export would write.
            "ledgers": ScenarioExporter.ledgers(OpeningBalances(cash: cash, credit: credit)),
            "periods": .array(periods.map(\.json)),
        ]
    }
}

extension ScenarioSummary.PeriodSummary {
    /// `gstr2b` is one of `regenerable`, `not_yet` (with `gstr2b_available_from`), `gstr3b_filed`,
    /// `future_period` — what a regeneration request answers (success, IMS2B009, IMS2B007, IMS2B007).
    /// `gstr3b_next` is the recipe's next step for the period's GSTR-3B: `file_gstr1_first`, `quarterly`
    /// (no GSTR-3B this month), `save`, `offset`, `file` or `filed`; `preference` monthly or quarterly.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "period": .string(period.mmyyyy),
            "gstr3b_filed": .bool(gstr3bFiled),
            "gstr1_filed": .bool(gstr1Filed),
            "preference": .string(preference == .monthly ? "monthly" : "quarterly"),
            "gstr3b_next": .string(gstr3bNext.rawValue),
            "inward": [
                "documents": .number(JSONNumber(inward.values.reduce(0, +))),
                "by_section": ScenarioSummary.counts(inward, IMSSection.allCases, \.rawValue),
                "ims_status": ScenarioSummary.counts(imsStatus, IMSStatus.allCases, \.rawValue),
            ],
            "outward": [
                "documents": .number(JSONNumber(outward.values.reduce(0, +))),
                "by_section": ScenarioSummary.counts(outward, IMSSection.allCases, \.rawValue),
                "counterparties": .number(JSONNumber(outwardCounterparties)),
            ],
        ]
        switch gstr2b {
        case .regenerable: o["gstr2b"] = "regenerable"
        case .gstr3bFiled: o["gstr2b"] = "gstr3b_filed"
        case .futurePeriod: o["gstr2b"] = "future_period"
        case .draftNotYetAvailable(let date):
            o["gstr2b"] = "not_yet"
            o["gstr2b_available_from"] = .string(date.dashed)
        }
        return .object(o)
    }
}
