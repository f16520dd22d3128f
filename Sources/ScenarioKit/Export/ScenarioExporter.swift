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
/// Records that a GSTR-3B filing removed from IMS carry `removed_from_ims` (the loader would also
/// remove them again from the filed periods, by the same rule).
///
/// A tenant of a generated world is written as its scenario's recipe plus its changes instead
/// (`export(changes:of:credentials:)`), so the file grows with the changes, not the world.
public enum ScenarioExporter {
    /// The scenario JSON of `state`, with the `credentials` that route to the tenant and the `seed`'s
    /// id seed (neither is tenant state).
    public static func export(state: TenantState, seed: WorldSeed, credentials: TenantCredentials, name: String,
                              description: String? = nil, strictGSTIN: Bool = true) -> JSONValue {
        var top: [String: JSONValue] = ["name": .string(name)]
        if let description { top["description"] = .string(description) }
        if !strictGSTIN { top["strict_gstin"] = .bool(false) }
        top["clock"] = clock(state.clockSetting)
        top["jobs"] = jobs(state.jobTiming)
        if let idSeed = seed.idSeed { top["ids"] = .object(["seed": .number(JSONNumber(idSeed))]) }
        top["gstr2b"] = .object(["page_size": .number(JSONNumber(state.gstr2bPageSize))])
        top["credentials"] = self.credentials(credentials)

        let taxpayers = state.taxpayers.values.sorted { $0.gstin.value < $1.gstin.value }
        top["taxpayers"] = .array(taxpayers.map { taxpayer($0, registration: state.parties[$0.gstin]?.registration) })
        let taxpayerGSTINs = Set(state.taxpayers.keys)
        let suppliers = state.parties.values.filter { !taxpayerGSTINs.contains($0.gstin) }.sorted { $0.gstin.value < $1.gstin.value }
        top["suppliers"] = .array(suppliers.map(supplier))

        if !seed.unregisteredApplicants.isEmpty { top["unregistered_applicants"] = .array(seed.unregisteredApplicants.map(applicant)) }
        top["documents"] = documents(state.documents.all.sorted { $0.key < $1.key })
        return .object(top)
    }

    // MARK: A generated world: its recipe and the tenant's changes

    /// The export of a tenant of a generated world: the scenario's recipe (clock, settings, declared
    /// taxpayers and suppliers, listed documents and `generate` blocks, as the file gave them, so the
    /// loader builds the same world) and a `changes` block with what the tenant changed on top
    /// (`WorldTemplate.changes(of:)`). Its size grows with the changes, not with the world: the same
    /// 100,000-document tenant exports in a few kilobytes instead of tens of megabytes.
    public static func export(changes: WorldChanges, of scenario: Scenario, credentials: TenantCredentials) -> JSONValue {
        var top = recipe(of: scenario)
        top["name"] = .string(scenario.name)
        if let description = scenario.description { top["description"] = .string(description) }
        top["credentials"] = self.credentials(credentials)
        var block: [String: JSONValue] = ["clock": clock(changes.clock)]
        if !changes.taxpayers.isEmpty { block["taxpayers"] = .array(changes.taxpayers.map { taxpayer($0) }) }
        if !changes.documents.isEmpty { block["documents"] = documents(changes.documents) }
        if !changes.removed.isEmpty {
            block["removed"] = .array(changes.removed.map { k in
                .object(["section": .string(k.section.rawValue), "supplier": .string(k.supplier.value), "number": .string(k.number)])
            })
        }
        top["changes"] = .object(block)
        return .object(top)
    }

    /// What builds a scenario's world, written as the file format: everything but its name,
    /// description, credentials and changes. Taxpayers and suppliers keep the file's order (the
    /// generator draws recipients from them in that order).
    static func recipe(of scenario: Scenario) -> [String: JSONValue] {
        let seed = scenario.world
        var top: [String: JSONValue] = ["clock": clock(seed.clock), "jobs": jobs(seed.jobTiming)]
        if !scenario.strictGSTIN { top["strict_gstin"] = .bool(false) }
        if let idSeed = seed.idSeed { top["ids"] = .object(["seed": .number(JSONNumber(idSeed))]) }
        top["gstr2b"] = .object(["page_size": .number(JSONNumber(seed.gstr2bPageSize))])
        let registrations = Dictionary(seed.parties.map { ($0.gstin, $0.registration) }, uniquingKeysWith: { a, _ in a })
        top["taxpayers"] = .array(seed.taxpayers.map { taxpayer($0, registration: registrations[$0.gstin] ?? nil) })
        let declared = seed.parties.prefix(scenario.declaredPartyCount).dropFirst(seed.taxpayers.count)
        top["suppliers"] = .array(declared.map(supplier))
        if !seed.unregisteredApplicants.isEmpty { top["unregistered_applicants"] = .array(seed.unregisteredApplicants.map(applicant)) }
        top["documents"] = documents(Array(seed.documents.prefix(scenario.listedDocumentCount)))
        if !scenario.generateSpecs.isEmpty { top["generate"] = .array(scenario.generateSpecs.map(\.json)) }
        return top
    }

    /// SHA-256 of the recipe as written: two files with the same recipe build the same world, so it is
    /// built once (`ScenarioLoader.load(json:builtWorld:)`).
    public static func recipeFingerprint(of scenario: Scenario) -> String {
        SHA256.hex(JSONWriter.write(.object(recipe(of: scenario))))
    }

    static func documents(_ list: [Document]) -> JSONValue {
        var sections: [String: [JSONValue]] = [:]
        for doc in list { sections[doc.section.rawValue, default: []].append(document(doc)) }
        return .object(sections.mapValues { .array($0) })
    }

    static func clock(_ setting: ClockSetting) -> JSONValue {
        switch setting {
        case .realTime: .string("real")
        case .fixed(let ms): .object(["now": .string(ScenarioSummary.rfc3339(ms))])
        }
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

    /// A taxpayer, with its ledgers as the scenario's opening balances plus their history (`LedgerLog`)
    /// and the receipts of returns it filed, so an import holds the same ledgers, payments and ARNs.
    static func taxpayer(_ t: Taxpayer, registration: RegistrationDetails? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "gstin": .string(t.gstin.value), "trade_name": .string(t.tradeName),
            "username": .string(t.username), "otp": .string(t.otp),
            "gstr3b_filed": periods(t.gstr3bFiled), "gstr1_filed": periods(t.gstr1Filed),
        ]
        if let log = LedgerLog.json(t) { o["ledgers"] = log }
        if !t.filingReceipts.isEmpty { o["filings"] = .array(t.filingReceipts.map(LedgerLog.filing)) }
        if !t.preferences.isEmpty {
            var years: [String: [String: JSONValue]] = [:]
            for (q, p) in t.preferences { years[FinancialYear.label(q.yearStart), default: [:]]["Q\(q.quarter)"] = .string(p.rawValue) }
            o["preferences"] = .object(years.mapValues { .object($0) })
        }
        if let registration { o["registration"] = self.registration(registration) }
        if !t.declaredTurnover.isEmpty {
            o["aato"] = .object(Dictionary(uniqueKeysWithValues: t.declaredTurnover.map { (FinancialYear.label($0.key), amount($0.value)) }))
        }
        return .object(o)
    }

    static func supplier(_ p: Party) -> JSONValue {
        var o: [String: JSONValue] = ["gstin": .string(p.gstin.value), "trade_name": .string(p.tradeName)]
        if let r = p.registration { o["registration"] = registration(r) }
        return .object(o)
    }

    static func applicant(_ a: UnregisteredApplicant) -> JSONValue {
        var o: [String: JSONValue] = [
            "enrolment_number": .string(a.enrolmentNumber), "name": .string(a.name), "pan": .string(a.pan),
            "state_code": .string(a.state.value), "status": .string(a.active ? "A" : "C"), "enrolled_on": .string(a.enrolledOn.dashed),
            "mobile": .string(a.mobile), "email": .string(a.email), "goods": .string(a.goods), "services": .string(a.services),
            "address": .object([
                "building_number": .string(a.address.buildingNumber), "building": .string(a.address.building), "street": .string(a.address.street),
                "locality": .string(a.address.locality), "pincode": .string(a.address.pincode), "district": .string(a.address.district),
                "city": .string(a.address.city), "landmark": .string(a.address.landmark),
            ]),
        ]
        if let c = a.cancelledOn { o["cancelled_on"] = .string(c.dashed) }
        return .object(o)
    }

    /// The scenario's `registration` block: what it stated, nothing derived.
    static func registration(_ d: RegistrationDetails) -> JSONValue {
        var o: [String: JSONValue] = [:]
        if let v = d.legalName { o["legal_name"] = .string(v) }
        if let v = d.status { o["status"] = .string(v.rawValue) }
        if let v = d.registeredOn { o["registered_on"] = .string(v.dashed) }
        if let v = d.cancelledOn { o["cancelled_on"] = .string(v.dashed) }
        if let v = d.lastUpdatedOn { o["last_updated_on"] = .string(v.dashed) }
        if let v = d.constitution { o["constitution"] = .string(v) }
        if let v = d.taxpayerType { o["taxpayer_type"] = .string(v) }
        if let v = d.natureOfBusiness { o["nature_of_business"] = .array(v.map { .string($0) }) }
        if let v = d.eInvoicing { o["einvoice"] = .bool(v) }
        return .object(o)
    }

    /// The scenario's `ledgers` block.
    static func ledgers(_ b: OpeningBalances) -> JSONValue {
        func minor(_ m: MinorHeads) -> JSONValue {
            .object(["tax": amount(m.tax), "interest": amount(m.interest), "penalty": amount(m.penalty), "fee": amount(m.fee), "other": amount(m.other)])
        }
        let c = b.cash, i = b.credit
        return .object([
            "cash": .object(["igst": minor(c.igst), "cgst": minor(c.cgst), "sgst": minor(c.sgst), "cess": minor(c.cess)]),
            "itc": .object(["igst": amount(i.igst), "cgst": amount(i.cgst), "sgst": amount(i.sgst), "cess": amount(i.cess)]),
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
        if d.ims.removedFromIMS { ims["removed_from_ims"] = .bool(true) }
        o["ims"] = .object(ims)
        if let irn = d.irn {
            o["irn"] = .string(irn)
            if let on = d.irnDate { o["irn_date"] = .string(on.dashed) }
        }
        return .object(o)
    }
}
