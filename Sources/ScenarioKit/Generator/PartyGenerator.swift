import GSTCore

/// Makes plausible suppliers: a GSTIN whose PAN agrees with the trade name (4th character the
/// holder type, 5th the name's initial, as the Income Tax Department assigns them), a real check
/// character, and a trade name whose legal suffix matches the holder type.
struct PartyGenerator {
    /// PAN holder types: Company, Firm/LLP, Person (proprietor), HUF, Trust.
    enum Holder: CaseIterable {
        case company, firm, person, huf, trust
        var panCharacter: Character {
            switch self {
            case .company: "C"
            case .firm: "F"
            case .person: "P"
            case .huf: "H"
            case .trust: "T"
            }
        }
        static let weights = Weights<Int>([.init(0, 50), .init(1, 18), .init(2, 26), .init(3, 4), .init(4, 2)])
    }

    private static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// A new supplier not colliding with `takenGSTINs` / `takenNames`; both sets are updated.
    static func make(states: Weights<StateCode>, rng: inout SplitMix64,
                     takenGSTINs: inout Set<GSTIN>, takenNames: inout Set<String>) -> Party {
        let holder = Holder.allCases[Holder.weights.pick(&rng)]
        var name = tradeName(for: holder, rng: &rng)
        var attempt = 0
        while takenNames.contains(name) {
            // Rare with these lists; a branch town keeps the name readable and unique.
            attempt += 1
            let town = rng.element(of: NameLists.towns)
            name = attempt < 8 ? "\(name) (\(town))" : "\(name) \(attempt)"
        }
        takenNames.insert(name)
        let state = states.pick(&rng)
        while true {
            if let gstin = gstin(state: state, holder: holder, initial: name.first ?? "A", rng: &rng),
               !takenGSTINs.contains(gstin) {
                takenGSTINs.insert(gstin)
                return Party(gstin: gstin, tradeName: name)
            }
        }
    }

    static func gstin(state: StateCode, holder: Holder, initial: Character, rng: inout SplitMix64) -> GSTIN? {
        var body = state.value
        for _ in 0..<3 { body.append(rng.element(of: letters)) }
        body.append(holder.panCharacter)
        body.append(initial.isLetter ? Character(initial.uppercased()) : "A")
        let serial = rng.int(in: 1...9999)
        body += String(repeating: "0", count: 4 - String(serial).count) + String(serial)
        body.append(rng.element(of: letters))
        // Entity number: most holders have one registration per state, a few have several.
        let entity = rng.below(100)
        body.append(entity < 90 ? "1" : entity < 98 ? "2" : "3")
        body.append("Z")
        return GSTIN(body14: body)
    }

    static func tradeName(for holder: Holder, rng: inout SplitMix64) -> String {
        let prefix = rng.element(of: NameLists.prefixes)
        let trade = rng.element(of: NameLists.trades)
        switch holder {
        case .company: return "\(prefix) \(trade) \(rng.element(of: ["Private Limited", "Pvt Ltd", "Limited"]))"
        case .firm:
            return rng.chance(percent: 30)
                ? "\(rng.element(of: NameLists.surnames)) & \(rng.element(of: ["Sons", "Co", "Associates"]))"
                : "\(prefix) \(trade) \(rng.element(of: ["LLP", "& Co", "Enterprises"]))"
        case .person: return "\(prefix) \(trade) \(rng.element(of: ["Traders", "Agencies", "Stores", "Enterprises", "Suppliers"]))"
        case .huf: return "\(rng.element(of: NameLists.surnames)) \(rng.element(of: ["Brothers", "HUF", "Family Traders"]))"
        case .trust: return "\(prefix) \(rng.element(of: ["Seva", "Vidya", "Arogya"])) Trust"
        }
    }
}

enum NameLists {
    static let prefixes = [
        "Shree", "Sai", "Om", "Bharat", "Apex", "Surya", "Metro", "Royal", "Global", "Indus", "Deccan", "Ganga",
        "Kaveri", "Lotus", "Everest", "Navkar", "Vardhman", "Mahalaxmi", "Sahyadri", "Narmada", "Konark", "Tirupati",
        "Annapurna", "Vijay", "Pragati", "Shakti", "Unity", "Prime", "Sterling", "Crescent", "Orient", "Pioneer",
        "Jyoti", "Aravali", "Nilgiri", "Sapphire", "Golden", "Silverline", "Trident", "Heritage",
    ]
    static let trades = [
        "Steel", "Textiles", "Pharma", "Logistics", "Electricals", "Packaging", "Agro", "Auto Components",
        "Chemicals", "Polymers", "Foods", "Infotech", "Paper", "Cement", "Hardware", "Garments", "Engineering",
        "Fasteners", "Ceramics", "Castings", "Spices", "Dairy", "Paints", "Tyres", "Glass", "Cables", "Furniture",
        "Office Supplies", "Solar", "Pumps", "Bearings", "Fabrics", "Healthcare", "Printers", "Tools",
    ]
    static let surnames = [
        "Agarwal", "Patel", "Shah", "Mehta", "Iyer", "Reddy", "Nair", "Gupta", "Jain", "Khanna", "Kulkarni",
        "Banerjee", "Das", "Singh", "Chopra", "Menon", "Rao", "Desai", "Joshi", "Pillai",
    ]
    static let towns = [
        "Pune", "Nashik", "Surat", "Indore", "Coimbatore", "Ludhiana", "Jaipur", "Vadodara", "Nagpur", "Mysuru",
        "Kochi", "Rajkot", "Noida", "Gurugram", "Hubballi", "Madurai",
    ]
}
