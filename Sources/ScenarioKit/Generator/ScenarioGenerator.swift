import Dispatch
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
/// documents, in the same order, on every run and machine — however many threads issue them.
enum ScenarioGenerator {
    /// Appends the block's documents to `documents` and returns the suppliers it created.
    static func run(_ spec: GenerateSpec, context: inout GenerationContext, into documents: inout [Document]) -> [Party] {
        let recipients: [GSTIN]
        switch spec.recipients {
        case .allTaxpayers: recipients = context.taxpayers.map(\.gstin)
        case .declaredSuppliers: recipients = context.declaredSuppliers.map(\.gstin)
        case .listed(let list): recipients = list
        }

        // Each supplier draws from its own stream. Its party (which must avoid every GSTIN and name
        // taken before it) is made in order; what it issues depends on nothing but its stream.
        var parties: [Party] = []
        var issuers: [(issuer: DocumentIssuer, rng: SplitMix64)] = []
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
            issuers.append((DocumentIssuer(spec: spec, supplier: supplier, recipients: candidates, today: context.today,
                                           gstr1Filed: filed), rng))
        }

        if case .existing = spec.suppliers {
            // Suppliers the file already knows may hold any number, so each checks the keys taken
            // before it: in order.
            for var (issuer, rng) in issuers {
                var issued: [Document] = []
                issuer.issue(rng: &rng, takenKeys: context.takenKeys, into: &issued)
                for d in issued { context.takenKeys.insert(d.key) }
                documents += issued
            }
        } else {
            // A new supplier's numbers come from its own fresh series and cannot collide with
            // anything (hashing a million keys would dominate a large run), so suppliers issue in
            // parallel, each into its own slice of the result.
            documents = issueInParallel(issuers, perSupplier: spec.documentsPerSupplier, after: documents)
        }
        return parties
    }

    /// Below this many documents one thread issues them all.
    static let parallelThreshold = 20_000

    /// `prefix` followed by every issuer's documents, in issuer order.
    private static func issueInParallel(_ issuers: [(issuer: DocumentIssuer, rng: SplitMix64)], perSupplier: Int,
                                        after prefix: [Document]) -> [Document] {
        let total = prefix.count + issuers.count * perSupplier
        return Array(unsafeUninitializedCapacity: total) { buffer, initialized in
            prefix.withUnsafeBufferPointer { buffer.baseAddress!.initialize(from: $0.baseAddress!, count: $0.count) }
            nonisolated(unsafe) let start = buffer.baseAddress! + prefix.count
            let issue: @Sendable (Int) -> Void = { k in
                var (issuer, rng) = issuers[k]
                var issued: [Document] = []
                issued.reserveCapacity(perSupplier)
                issuer.issue(rng: &rng, takenKeys: nil, into: &issued)
                precondition(issued.count == perSupplier, "an issuer issues exactly documents_per_supplier documents")
                issued.withUnsafeBufferPointer { (start + k * perSupplier).initialize(from: $0.baseAddress!, count: perSupplier) }
            }
            if total - prefix.count < parallelThreshold {
                for k in issuers.indices { issue(k) }
            } else {
                DispatchQueue.concurrentPerform(iterations: issuers.count, execute: issue)
            }
            initialized = total
        }
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
