import GSTCore
import JSON

/// Writes a tenant's live state back as a scenario file, so a snapshot is just a scenario: the same
/// loader validates and loads it, and it can be checked into git, edited and diffed.
///
/// Everything that shapes a response is written explicitly: the clock's current instant, taxpayers
/// with their filed GSTR-3B / GSTR-1 periods, suppliers, every document with its tax heads spelled
/// out (`igst`/`cgst`/`sgst` on each item, so no rounding rule is re-applied) and its current IMS
/// status, credentials, job timing, the id seed and the 2B page size.
///
/// Not part of a snapshot (documented in the README): issued tokens, in-flight jobs, generated 2B
/// snapshots (an imported tenant builds each 2B from its documents on first access, as a
/// regeneration would) and the id generator's position (ids restart from the seed).
/// Records that a GSTR-3B filing removed from IMS are not marked: the loader removes them again from
/// the filed periods, by the same rule.
public enum ScenarioExporter {
    /// The scenario JSON of `state`, with the `credentials` that route to the tenant and the `seed`'s
    /// id seed (neither is tenant state).
    public static func export(state: TenantState, seed: WorldSeed, credentials: TenantCredentials, name: String,
                              description: String? = nil, strictGSTIN: Bool = true) -> JSONValue {
        var top: [String: JSONValue] = ["name": .string(name)]
        if let description { top["description"] = .string(description) }
        if !strictGSTIN { top["strict_gstin"] = .bool(false) }
        top["clock"] = state.clock.isFollowingRealTime && state.now == state.realTime.now()
            ? .string("real")
            : .object(["now": .string(ScenarioSummary.rfc3339(state.now))])
        top["jobs"] = jobs(state.jobTiming)
        if let idSeed = seed.idSeed { top["ids"] = .object(["seed": .number(JSONNumber(idSeed))]) }
        top["gstr2b"] = .object(["page_size": .number(JSONNumber(state.gstr2bPageSize))])
        top["credentials"] = self.credentials(credentials)

        let taxpayers = state.taxpayers.values.sorted { $0.gstin.value < $1.gstin.value }
        top["taxpayers"] = .array(taxpayers.map(taxpayer))
        let taxpayerGSTINs = Set(state.taxpayers.keys)
        let suppliers = state.parties.values.filter { !taxpayerGSTINs.contains($0.gstin) }.sorted { $0.gstin.value < $1.gstin.value }
        top["suppliers"] = .array(suppliers.map { .object(["gstin": .string($0.gstin.value), "trade_name": .string($0.tradeName)]) })

        var sections: [String: [JSONValue]] = [:]
        for doc in state.documents.all.sorted(by: { $0.key < $1.key }) {
            sections[doc.section.rawValue, default: []].append(document(doc))
        }
        top["documents"] = .object(sections.mapValues { .array($0) })
        return .object(top)
    }

    static func jobs(_ timing: JobTiming) -> JSONValue {
        switch timing {
        case .onFirstPoll: return .object(["complete": .string("on_first_poll")])
        case .afterPolls(let n): return .object(["after_polls": .number(JSONNumber(n))])
        case .afterMilliseconds(let ms):
            // Seconds with up to three decimals, the loader's format.
            let text = ms % 1000 == 0 ? String(ms / 1000) : "\(ms / 1000)." + String(String(ms % 1000 + 1000).dropFirst())
            return .object(["after_seconds": .number(JSONNumber(text: text)!)])
        }
    }

    /// `{"sandbox": [...], "vayana": [...]}` as a scenario file writes them.
    public static func credentials(_ c: TenantCredentials) -> JSONValue {
        let sandbox = c.sandboxKeys.sorted { $0.key < $1.key }.map { key, secret -> JSONValue in
            .object(["api_key": .string(key), "api_secret": .string(secret)])
        }
        let vayana = c.vayanaLogins.map { l -> JSONValue in
            .object(["email": .string(l.email), "password": .string(l.password), "org_id": .string(l.organisationID)])
        }
        return .object(["sandbox": .array(sandbox), "vayana": .array(vayana)])
    }

    static func taxpayer(_ t: Taxpayer) -> JSONValue {
        .object([
            "gstin": .string(t.gstin.value), "trade_name": .string(t.tradeName),
            "username": .string(t.username), "otp": .string(t.otp),
            "gstr3b_filed": periods(t.gstr3bFiled), "gstr1_filed": periods(t.gstr1Filed),
        ])
    }

    static func periods(_ set: Set<ReturnPeriod>) -> JSONValue { .array(set.sorted().map { .string($0.mmyyyy) }) }

    static func amount(_ a: Amount) -> JSONValue { .number(JSONNumber(a)) }

    static func document(_ d: Document) -> JSONValue {
        var o: [String: JSONValue] = [
            "supplier": .string(d.supplier.value), "recipient": .string(d.recipient.value),
            "number": .string(d.number), "date": .string(d.date.dashed),
            "pos": .string(d.placeOfSupply.value), "reverse_charge": .bool(d.reverseCharge),
        ]
        if d.section != .ecom && d.section != .ecoma { o["inv_typ"] = .string(d.invoiceType.rawValue) }
        if let n = d.originalNumber { o["original_number"] = .string(n) }
        if let dt = d.originalDate { o["original_date"] = .string(dt.dashed) }
        o["items"] = .array(d.items.map { i in
            .object([
                "rate": .number(JSONNumber(text: i.rate.description)!), "taxable_value": amount(i.taxableValue),
                "igst": amount(i.igst), "cgst": amount(i.cgst), "sgst": amount(i.sgst), "cess": amount(i.cess),
            ])
        })
        var filing: [String: JSONValue] = [
            "form": .string(d.filing.form.rawValue), "period": .string(d.filing.period.mmyyyy), "filed": .bool(d.filing.filed),
        ]
        if let on = d.filing.filedOn { filing["filed_on"] = .string(on.dashed) }
        o["filing"] = .object(filing)
        var ims: [String: JSONValue] = ["status": .string(d.ims.status.rawValue), "pending_blocked": .bool(d.ims.pendingActionBlocked)]
        if let r = d.ims.remarks { ims["remarks"] = .string(r) }
        o["ims"] = .object(ims)
        if let irn = d.irn {
            o["irn"] = .string(irn)
            if let on = d.irnDate { o["irn_date"] = .string(on.dashed) }
        }
        return .object(o)
    }
}
