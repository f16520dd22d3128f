import GSTCore

/// What a generation run may not collide with, and what it needs to know about the world the
/// hand-written part of the scenario already declares. Threaded through every `generate` block
/// in order, so later blocks see earlier blocks' suppliers and numbers.
struct GenerationContext {
    var taxpayers: [Taxpayer]
    var declaredSuppliers: [Party]
    /// The scenario clock's date, when fixed: nothing is dated or filed after it.
    var today: CivilDate?
    var takenGSTINs: Set<GSTIN> = []
    var takenNames: Set<String> = []
    var takenKeys: Set<DocumentKey> = []
    /// Trade names of everyone known so far (existing suppliers may issue generated documents).
    var tradeNames: [GSTIN: String] = [:]
}

/// Deterministic synthetic data: the same `GenerateSpec` and context give the same parties and
/// documents, in the same order, on every run and machine.
enum ScenarioGenerator {
    static func run(_ spec: GenerateSpec, context: inout GenerationContext) -> (parties: [Party], documents: [Document]) {
        let recipients: [GSTIN]
        switch spec.recipients {
        case .allTaxpayers: recipients = context.taxpayers.map(\.gstin)
        case .declaredSuppliers: recipients = context.declaredSuppliers.map(\.gstin)
        case .listed(let list): recipients = list
        }

        var parties: [Party] = []
        var documents: [Document] = []
        documents.reserveCapacity(spec.documentsPerSupplier * supplierCount(spec))

        for index in 0..<supplierCount(spec) {
            var rng = SplitMix64(seed: spec.seed, stream: 1, index: UInt64(index))
            let supplier: Party
            switch spec.suppliers {
            case .new:
                supplier = PartyGenerator.make(states: spec.supplierStates, rng: &rng,
                                               takenGSTINs: &context.takenGSTINs, takenNames: &context.takenNames)
                parties.append(supplier)
                context.tradeNames[supplier.gstin] = supplier.tradeName
            case .existing(let list):
                let gstin = list[index]
                supplier = Party(gstin: gstin, tradeName: context.tradeNames[gstin] ?? gstin.value)
            }
            let candidates = recipients.filter { $0 != supplier.gstin }
            guard !candidates.isEmpty else { continue }
            let filed = context.taxpayers.first { $0.gstin == supplier.gstin }?.gstr1Filed
            var issuer = DocumentIssuer(spec: spec, supplier: supplier, recipients: candidates, today: context.today,
                                        gstr1Filed: filed)
            // A new supplier's numbers come from its own fresh series and cannot collide with
            // anything; only suppliers the file already knows need checking (hashing 100k keys
            // would dominate a large run).
            if case .existing = spec.suppliers {
                let first = documents.count
                issuer.issue(rng: &rng, takenKeys: context.takenKeys, into: &documents)
                for d in documents[first...] { context.takenKeys.insert(d.key) }
            } else {
                issuer.issue(rng: &rng, takenKeys: nil, into: &documents)
            }
        }
        return (parties, documents)
    }

    static func supplierCount(_ spec: GenerateSpec) -> Int {
        switch spec.suppliers {
        case .new(let n): return n
        case .existing(let list): return list.count
        }
    }
}

/// Issues one supplier's documents: picks section, period, date and recipient for each, then
/// numbers them in date order from the supplier's own series, as a real billing system would.
struct DocumentIssuer {
    let spec: GenerateSpec
    let supplier: Party
    let recipients: [GSTIN]
    let today: CivilDate?
    let prefix: String
    /// When the supplier is a taxpayer: the periods its GSTR-1 is filed for, which decide
    /// `filed` instead of `filed_percent`.
    let gstr1Filed: Set<ReturnPeriod>?
    /// One filing per return: every document of a (period, form) shares filed / filed-on.
    var filings: [FilingKey: SupplierFiling] = [:]
    struct FilingKey: Hashable { var period: ReturnPeriod; var form: SourceForm }
    /// Next serial per (document kind, financial year).
    var serials: [SeriesKey: Int] = [:]
    struct SeriesKey: Hashable { var kind: IMSSection.Kind; var financialYear: Int }
    /// Earlier documents that an amendment may revise, per (base section, recipient).
    var amendable: [AmendableKey: [Int]] = [:]
    struct AmendableKey: Hashable { var section: IMSSection; var recipient: GSTIN }
    /// Edges of the doubling buckets `randomAmount` draws from (fixed per spec).
    let amountBounds: [Int64]

    init(spec: GenerateSpec, supplier: Party, recipients: [GSTIN], today: CivilDate?, gstr1Filed: Set<ReturnPeriod>? = nil) {
        self.spec = spec; self.supplier = supplier; self.recipients = recipients; self.today = today
        self.gstr1Filed = gstr1Filed
        amountBounds = DocumentIssuer.buckets(spec.taxableValue)
        prefix = DocumentIssuer.seriesPrefix(supplier.tradeName)
    }

    private struct Plan { var section: IMSSection; var date: CivilDate; var recipient: GSTIN; var order: Int }

    /// Appends this supplier's documents to `out`, avoiding `takenKeys` when given.
    mutating func issue(rng: inout SplitMix64, takenKeys: Set<DocumentKey>?, into out: inout [Document]) {
        var plans: [Plan] = []
        plans.reserveCapacity(spec.documentsPerSupplier)
        for order in 0..<spec.documentsPerSupplier {
            let section = spec.sections.pick(&rng)
            let period = rng.element(of: spec.periods)
            plans.append(Plan(section: section, date: randomDate(in: period, rng: &rng),
                              recipient: rng.element(of: recipients), order: order))
        }
        // Serial numbers rise with the date, as in a real invoice register.
        plans.sort { ($0.date, $0.order) < ($1.date, $1.order) }

        for plan in plans {
            let document = makeDocument(plan, rng: &rng, takenKeys: takenKeys, existing: out)
            if !plan.section.isAmendment {
                amendable[AmendableKey(section: plan.section, recipient: plan.recipient), default: []].append(out.count)
            }
            out.append(document)
        }
    }

    private mutating func makeDocument(_ plan: Plan, rng: inout SplitMix64, takenKeys: Set<DocumentKey>?,
                                       existing: [Document]) -> Document {
        let section = plan.section
        var date = plan.date
        var number: String
        var original: (number: String, date: CivilDate)?
        if section.isAmendment {
            original = pickOriginal(for: section, recipient: plan.recipient, before: ReturnPeriod(containing: plan.date),
                                    rng: &rng, existing: existing)
            // A revision normally keeps the original number and date and changes the values.
            number = original!.number
            date = original!.date
        } else {
            number = nextNumber(kind: section.kind, date: date, rng: &rng)
        }
        while let taken = takenKeys, taken.contains(DocumentKey(section: section, supplier: supplier.gstin, number: number)) {
            number = nextNumber(kind: section.kind, date: date, rng: &rng)
            if original != nil { original!.number = number }
        }

        let filingPeriod = ReturnPeriod(containing: plan.date)
        let isECO = section == .ecom || section == .ecoma
        let invoiceType = isECO ? InvoiceType.regular : spec.invoiceTypes.pick(&rng)
        let pos = !isECO && rng.chance(percent: spec.posSupplierStatePercent) ? supplier.gstin.stateCode : plan.recipient.stateCode
        let items = makeItems(section: section, invoiceType: invoiceType, pos: pos, rng: &rng)
        let filing = makeFiling(period: filingPeriod, rng: &rng)
        let ims = makeIMS(rng: &rng)
        let irn: String? = !isECO && rng.chance(percent: spec.irnPercent) ? DocumentIssuer.hex64(&rng) : nil
        return Document(
            key: DocumentKey(section: section, supplier: supplier.gstin, number: number), recipient: plan.recipient,
            date: date, originalNumber: original?.number, originalDate: original?.date, invoiceType: invoiceType,
            placeOfSupply: pos, reverseCharge: rng.chance(percent: spec.reverseChargePercent), items: items,
            filing: filing, ims: ims, irn: irn, irnDate: irn == nil ? nil : date)
    }
}
