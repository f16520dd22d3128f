import Testing
@testable import GSTCore

/// Copy-on-write forks behave exactly like a world built from scratch: random sequences of operations
/// are applied to a fork of a shared template and to a reference tenant whose document store is
/// rebuilt from scratch after every step (no layers, indexes sorted anew), and after every step both
/// show the same IMS lists and counts, documents, GSTR-2B lookups and answers — while a sibling fork of
/// the same template, driven by other random operations, must not leak into either, and a fork made at
/// the end still equals the template as built.
@Suite("Copy-on-write forks")
struct ForkPropertyTests: FixtureSuite {
    /// A small deterministic generator (SplitMix64), so a failing seed reproduces.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }
    }

    static let recipients = [Fixture.recipient, Fixture.otherRecipient]
    static let periods = [Fixture.april, Fixture.may, Fixture.june]
    static let suppliers = [Fixture.intra, Fixture.inter, Fixture.posRule]
    static let statuses: [IMSStatus] = [.noAction, .accepted, .rejected, .pending]

    /// One random operation, applied to a tenant; returns what it answered, as text to compare.
    static func operation(_ random: inout Random) -> (String, (inout TenantState) -> String) {
        let docs = Fixture.documents
        switch random.next(9) {
        case 0, 1:
            let d = random.pick(docs)
            let item = IMSActionItem(section: d.section, supplier: d.supplier, number: d.number, period: random.pick(periods),
                                     action: random.pick(statuses), previousStatus: random.pick(statuses))
            let reset = random.next(4) == 0
            let recipient = random.pick(recipients)
            return ("ims \(reset ? "reset" : "save") \(d.key)", { s in
                let id = s.submitIMSAction(reset ? .reset([item]) : .save([item]), recipient: recipient)
                return "\(String(describing: s.pollIMSJob(referenceID: id, recipient: recipient)))"
            })
        case 2:
            // A supplier reports a new document, or changes one (its period too, moving it between lists).
            let supplier = random.pick(suppliers)
            let number = random.next(2) == 0 ? "NEW-\(random.next(5))" : random.pick(docs.filter { $0.supplier == supplier }).number
            let doc = Fixture.doc(random.pick([.b2b, .b2bcn, .ecom]), supplier, number, to: random.pick(recipients),
                                  period: random.pick(periods), filed: random.next(3) > 0, taxable: [Int64(random.next(5000) + 1)])
            return ("upsert \(doc.key)", { s in s.documents.upsert(doc); return "" })
        case 3:
            let key = random.next(2) == 0 ? random.pick(docs).key
                : DocumentKey(section: .b2b, supplier: random.pick(suppliers), number: "NEW-\(random.next(5))")
            return ("remove \(key)", { s in "\(s.documents.remove([key]))" })
        case 4, 5:
            let recipient = random.pick(recipients), period = random.pick(periods)
            return ("2B \(period)", { s in
                switch s.gstr2b(recipient: recipient, period: period) {
                case .available(let b): return describe(b)
                case let other: return "\(other)"
                }
            })
        case 6:
            let recipient = random.pick(recipients), period = random.pick(periods)
            return ("regenerate \(period)", { s in
                guard case .started(let id) = s.requestGSTR2BRegeneration(recipient: recipient, period: period) else { return "refused" }
                return "\(String(describing: s.pollGSTR2BRegeneration(referenceID: id, recipient: recipient)))"
            })
        case 7:
            let days = Int64(random.next(30))
            return ("advance \(days)d", { s in s.advanceClock(by: days * 86_400_000); return "" })
        default:
            let period = random.pick(periods)
            return ("file 3B \(period)", { s in
                do { try s.fileGSTR3B(gstin: Fixture.recipient, period: period); return "filed" } catch { return "\(error)" }
            })
        }
    }

    /// A GSTR-2B as a client reads it: its figures and each document with its verdict.
    static func describe(_ b: GSTR2B) -> String {
        "\(b.generatedAt) \(b.documentCount)/\(b.rejectedCount) \(b.checksum) "
            + b.allDocuments.map { "\($0.document) \($0.itcAvailable) \(String(describing: $0.unavailableReason))" }.joined(separator: ";")
    }

    /// Everything a client could read of the world.
    static func observe(_ s: TenantState) -> [String] {
        var out = ["now \(s.now)", "count \(s.documents.count)",
                   "taxpayers " + s.taxpayers.values.sorted { $0.gstin.value < $1.gstin.value }
                       .map { "\($0.gstin) 3B \($0.gstr3bFiled.sorted()) 1 \($0.gstr1Filed.sorted())" }.joined(separator: "; ")]
        out += s.documents.all.sorted { $0.key < $1.key }.map { "\($0)" }
        for r in recipients {
            out.append("counts \(s.imsCounts(recipient: r).sorted { $0.key.rawValue < $1.key.rawValue })")
            for section in IMSSection.allCases { out.append("ims \(s.imsRecords(recipient: r, section: section).map(\.key))") }
            out.append("received \(s.documents.received(by: r).map(\.key))")
            for p in periods { out.append("2B \(p) " + (s.gstr2bSnapshots[RecipientPeriod(recipient: r, period: p)].map(describe) ?? "none")) }
        }
        for supplier in suppliers { out.append("issued \(s.documents.issued(by: supplier).map(\.key))") }
        return out
    }

    @Test("random operations on a fork answer as on a fresh build; a sibling fork never leaks", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func forkEqualsFreshBuild(seed: UInt64) {
        let shared = WorldTemplate(seed: F.seed(), realTime: .fixed(0))
        let fork = Tenant(id: "fork", template: shared)
        let sibling = Tenant(id: "sibling", template: shared)
        let fresh = Tenant(id: "fresh", template: WorldTemplate(seed: F.seed(), realTime: .fixed(0)))
        var random = Random(state: seed)
        var noise = Random(state: seed &* 7919)
        for step in 0..<120 {
            if random.next(25) == 0 {
                fork.reset(); fresh.reset()
                continue
            }
            let (name, op) = Self.operation(&random)
            let a = fork.write { op(&$0) }
            let b = fresh.write { s in
                defer { s.documents = DocumentStore(s.documents.all) }  // a full build of the same world
                return op(&s)
            }
            #expect(a == b, "step \(step) \(name): the fork answered \(a.prefix(300)), a fresh build \(b.prefix(300))")
            let (_, other) = Self.operation(&noise)
            _ = sibling.write { other(&$0) }
            let seen = fork.read { Self.observe($0) }, expected = fresh.read { Self.observe($0) }
            guard seen == expected else {
                let first = zip(seen, expected).first { $0 != $1 }
                Issue.record("step \(step) \(name): the fork differs from a fresh build: \(String(describing: first).prefix(600))")
                return
            }
            // What the fork changed, applied to the shared world, is the fork again: how a saved tenant of
            // a generated world is exported and loaded back. (Built 2B snapshots are not saved: an
            // imported tenant builds each on first access.)
            let state = fork.read { $0 }
            guard let changes = shared.changes(of: state) else { Issue.record("the fork is not a fork of its template"); return }
            let saved = Tenant(id: "saved", template: shared.applying(changes))
            let reloaded = saved.read { Self.observe($0) }.filter { !$0.hasPrefix("2B ") }
            guard reloaded == seen.filter({ !$0.hasPrefix("2B ") }), saved.read({ shared.changes(of: $0) }) == changes else {
                let first = zip(reloaded, seen.filter { !$0.hasPrefix("2B ") }).first { $0 != $1 }
                Issue.record("step \(step) \(name): the fork's changes load back differently: \(String(describing: first).prefix(600))")
                return
            }
        }
        #expect(fresh.read { shared.changes(of: $0) } == nil)
        let late = Tenant(id: "late", template: shared)
        let built = Tenant(id: "built", template: WorldTemplate(seed: F.seed(), realTime: .fixed(0)))
        #expect(late.read { Self.observe($0) } == built.read { Self.observe($0) })
    }

    @Test("a fork holds only its changes, and a reset drops them")
    func forkHoldsOnlyItsChanges() {
        let shared = WorldTemplate(seed: F.seed(), realTime: .fixed(0))
        let fork = Tenant(id: "fork", template: shared)
        #expect(fork.read { $0.documents.changeCount } == 0)
        _ = fork.write { $0.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)])) }
        #expect(fork.read { $0.documents.changeCount } == 1)
        fork.reset()
        #expect(fork.read { $0.documents.changeCount } == 0)
        #expect(fork.read { $0.status(F.key(.b2b, F.intra, "INV-1")) } == .noAction)
    }
}
