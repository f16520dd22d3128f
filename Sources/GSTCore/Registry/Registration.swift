/// What GSTN's public search tells about a registered GSTIN (`public/gstin/search`, `pan/search`):
/// names, status, dates, constitution, taxpayer type, nature of business, principal place of business and
/// jurisdictions.
///
/// The world's parties (its taxpayers and suppliers) are registered. Their names come from the world;
/// the rest is derived from the GSTIN alone, so it is the same in every run, tenant and instance and
/// consistent with the GSTIN: the constitution from the PAN's fourth character (P proprietorship, C
/// company, F firm, …), the address and both jurisdictions in the GSTIN's state, a registration date
/// from GST's start (1 July 2017) on, Active. A scenario may state any of these (`RegistrationDetails`):
/// a cancelled or suspended registration, its dates, its constitution, type, nature of business.
public struct Registration: Hashable, Sendable {
    public var gstin: GSTIN
    /// `lgnm`.
    public var legalName: String
    /// `tradeNam`.
    public var tradeName: String
    /// `sts`: "Active", "Cancelled", "Suspended".
    public var status: String
    /// `rgdt`.
    public var registeredOn: CivilDate
    /// `cxdt`: the cancellation (or suspension) date; nil while active.
    public var cancelledOn: CivilDate?
    /// `lstupdt`.
    public var lastUpdatedOn: CivilDate
    /// `ctb`.
    public var constitution: String
    /// `dty`: "Regular".
    public var taxpayerType: String
    /// `nba`, and the principal place's `ntr`.
    public var natureOfBusiness: [String]
    /// `pradr.addr`.
    public var address: Address
    /// `stj` / `stjCd`: the state jurisdiction; `ctj` / `ctjCd`: the centre's.
    public var stateJurisdiction: String, stateJurisdictionCode: String
    public var centreJurisdiction: String, centreJurisdictionCode: String
    /// `einvoiceStatus`: "Yes" when the party issues e-invoices.
    public var eInvoicing: Bool

    public struct Address: Hashable, Sendable {
        /// `bno`, `flno`, `bnm`, `st`, `loc`, `dst`, `pncd`, `stcd` (the state's name).
        public var buildingNumber: String, floor: String, building: String, street: String
        public var locality: String, district: String, pincode: String, state: String
    }
}

extension Registration {
    /// The registration of a party of the world: derived, then what the scenario states.
    init(_ party: Party, eInvoicing: Bool) {
        self.init(derived: party, eInvoicing: eInvoicing)
        guard let d = party.registration else { return }
        if let v = d.legalName { legalName = v }
        if let v = d.status { status = v.rawValue }
        if let v = d.registeredOn { registeredOn = v }
        if let v = d.cancelledOn { cancelledOn = v }
        if let v = d.lastUpdatedOn { lastUpdatedOn = v } else if let c = cancelledOn, c > lastUpdatedOn { lastUpdatedOn = c }
        if lastUpdatedOn < registeredOn { lastUpdatedOn = registeredOn }
        if let v = d.constitution { constitution = v }
        if let v = d.taxpayerType { taxpayerType = v }
        if let v = d.natureOfBusiness { natureOfBusiness = v; }
        if let v = d.eInvoicing { self.eInvoicing = v }
    }

    private init(derived party: Party, eInvoicing: Bool) {
        let gstin = party.gstin
        // One 64-bit draw per GSTIN: the same details wherever and whenever it is looked up.
        var draw = Array(gstin.value.utf8).withUnsafeBytes { Fingerprint64.of($0) }
        func next(_ bound: Int) -> Int {
            draw = draw &* 6364136223846793005 &+ 1442695040888963407
            return Int((draw >> 33) % UInt64(bound))
        }
        let state = gstin.stateCode
        let name = StateCode.names[state.value] ?? "Other Territory"
        let registered = CivilDate(year: 2017, month: 7, day: 1)!.adding(days: next(1_500))
        let district = Self.districts[next(Self.districts.count)]
        let nature = Self.natures[next(Self.natures.count)]
        self.init(
            gstin: gstin, legalName: party.tradeName.uppercased(), tradeName: party.tradeName, status: "Active",
            registeredOn: registered, cancelledOn: nil, lastUpdatedOn: registered.adding(days: next(700)),
            constitution: Self.constitution(pan: gstin.pan), taxpayerType: "Regular", natureOfBusiness: [nature],
            address: Address(buildingNumber: String(1 + next(999)), floor: "Floor \(next(12))",
                             building: "\(district) Trade Centre", street: "Station Road", locality: "\(district) East",
                             district: district, pincode: String(110_000 + next(745_000)), state: name),
            stateJurisdiction: "\(district) Ward \(1 + next(40))", stateJurisdictionCode: state.value + String(100 + next(900)),
            centreJurisdiction: "RANGE-\(1 + next(20))", centreJurisdictionCode: "R" + state.value + String(1_000 + next(9_000)),
            eInvoicing: eInvoicing)
    }

    /// `ctb` by the PAN's fourth character (the holder's status in the PAN scheme).
    static func constitution(pan: String) -> String {
        let fourth = pan.utf8.dropFirst(3).first.map { Character(Unicode.Scalar($0)) } ?? " "
        switch fourth {
        case "P": return "Proprietorship"
        case "C": return "Private Limited Company"
        case "F": return "Partnership"
        case "H": return "Hindu Undivided Family"
        case "A": return "Association of Persons"
        case "B": return "Body of Individuals"
        case "T": return "Trust"
        case "L": return "Local Authority"
        case "G": return "Government Department"
        case "J": return "Artificial Juridical Person"
        default: return "Others"
        }
    }

    static let districts = ["Central", "North", "South", "East", "West", "Industrial Area", "Market Yard", "Old City"]
    static let natures = ["Supplier of Services", "Wholesale Business", "Retail Business", "Factory / Manufacturing",
                          "Office / Sale Office", "Warehouse / Depot"]
}

/// A registration's status in GSTN's words (`sts`).
public enum RegistrationStatus: String, CaseIterable, Hashable, Sendable {
    case active = "Active", cancelled = "Cancelled", suspended = "Suspended"
}

/// What a scenario states of a party's registration; anything not stated is derived from the GSTIN.
public struct RegistrationDetails: Hashable, Sendable {
    public var legalName: String?
    public var status: RegistrationStatus?
    public var registeredOn: CivilDate?
    /// When a cancelled or suspended registration stopped (`cxdt`).
    public var cancelledOn: CivilDate?
    public var lastUpdatedOn: CivilDate?
    public var constitution: String?
    public var taxpayerType: String?
    public var natureOfBusiness: [String]?
    public var eInvoicing: Bool?

    public init(legalName: String? = nil, status: RegistrationStatus? = nil, registeredOn: CivilDate? = nil, cancelledOn: CivilDate? = nil,
                lastUpdatedOn: CivilDate? = nil, constitution: String? = nil, taxpayerType: String? = nil,
                natureOfBusiness: [String]? = nil, eInvoicing: Bool? = nil) {
        self.legalName = legalName; self.status = status; self.registeredOn = registeredOn; self.cancelledOn = cancelledOn
        self.lastUpdatedOn = lastUpdatedOn; self.constitution = constitution; self.taxpayerType = taxpayerType
        self.natureOfBusiness = natureOfBusiness; self.eInvoicing = eInvoicing
    }
}

extension StateCode {
    /// State and union territory names by GST state code, as `pradr.addr.stcd` writes them.
    static let names: [String: String] = [
        "01": "Jammu and Kashmir", "02": "Himachal Pradesh", "03": "Punjab", "04": "Chandigarh", "05": "Uttarakhand",
        "06": "Haryana", "07": "Delhi", "08": "Rajasthan", "09": "Uttar Pradesh", "10": "Bihar", "11": "Sikkim",
        "12": "Arunachal Pradesh", "13": "Nagaland", "14": "Manipur", "15": "Mizoram", "16": "Tripura", "17": "Meghalaya",
        "18": "Assam", "19": "West Bengal", "20": "Jharkhand", "21": "Odisha", "22": "Chhattisgarh", "23": "Madhya Pradesh",
        "24": "Gujarat", "25": "Daman and Diu", "26": "Dadra and Nagar Haveli and Daman and Diu", "27": "Maharashtra",
        "28": "Andhra Pradesh", "29": "Karnataka", "30": "Goa", "31": "Lakshadweep", "32": "Kerala", "33": "Tamil Nadu",
        "34": "Puducherry", "35": "Andaman and Nicobar Islands", "36": "Telangana", "37": "Andhra Pradesh", "38": "Ladakh",
        "96": "Foreign Country", "97": "Other Territory",
    ]
}

extension TenantState {
    /// The registration of a GSTIN of the world; nil for a GSTIN it does not know (FO8000 at the vendor).
    public func registration(_ gstin: GSTIN) -> Registration? {
        guard let party = parties[gstin] else { return nil }
        return Registration(party, eInvoicing: issuesEInvoices(gstin))
    }

    /// The world's registrations of a PAN in a state (`pan/search`), in GSTIN order.
    public func registrations(pan: String, state: StateCode) -> [Registration] {
        parties.keys.filter { $0.pan == pan && $0.stateCode == state }.sorted().map { registration($0)! }
    }

    /// Whether any of the party's documents carries an IRN.
    private func issuesEInvoices(_ gstin: GSTIN) -> Bool {
        documents.issued(by: gstin).contains { $0.irn != nil }
    }
}

/// A change GSTN's day-wise list reports for a registration: generated, cancelled, updated, inactive
/// (suspended) — its `chng_typ` G, C, U, I.
public struct RegistrationChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case generated = "G", cancelled = "C", updated = "U", inactive = "I" }
    public var kind: Kind
    public var gstin: GSTIN
    public var on: CivilDate
}

extension TenantState {
    /// The registrations of `state` that changed on `day`: generated (registration date), cancelled or
    /// suspended (`cxdt`), updated (last update, when it is neither), in GSTIN order.
    public func registrationChanges(in state: StateCode, on day: CivilDate) -> [RegistrationChange] {
        var out: [RegistrationChange] = []
        for gstin in parties.keys.sorted() where gstin.stateCode == state {
            // Dates only: not `registration(_:)`, whose e-invoice flag scans the party's documents.
            guard let party = parties[gstin] else { continue }
            let r = Registration(party, eInvoicing: false)
            if r.registeredOn == day { out.append(RegistrationChange(kind: .generated, gstin: gstin, on: day)) }
            if r.cancelledOn == day { out.append(RegistrationChange(kind: r.status == "Suspended" ? .inactive : .cancelled, gstin: gstin, on: day)) }
            if r.lastUpdatedOn == day, r.registeredOn != day, r.cancelledOn != day {
                out.append(RegistrationChange(kind: .updated, gstin: gstin, on: day))
            }
        }
        return out
    }
}
