/// An unregistered applicant GSTN knows by an enrolment number (a person who supplies through an
/// e-commerce operator without registering: `public/unregistered-applicants`), with the contact details
/// the validation API matches.
public struct UnregisteredApplicant: Hashable, Sendable {
    /// The 15-character enrolment number, e.g. "292200000001ES9".
    public var enrolmentNumber: String
    public var name: String
    public var pan: String
    /// The state's GST code; its name is what GSTN shows (`state`, `addtls.stcd`).
    public var state: StateCode
    public var active: Bool
    public var enrolledOn: CivilDate
    public var cancelledOn: CivilDate?
    public var address: Address
    public var mobile: String
    public var email: String
    /// `goodsdetails`, `servicedetails`.
    public var goods: String, services: String

    public struct Address: Hashable, Sendable {
        public var buildingNumber: String, building: String, street: String, locality: String, pincode: String
        public var district: String, city: String, landmark: String
        public init(buildingNumber: String = "", building: String = "", street: String = "", locality: String = "", pincode: String,
                    district: String = "", city: String = "", landmark: String = "") {
            self.buildingNumber = buildingNumber; self.building = building; self.street = street; self.locality = locality
            self.pincode = pincode; self.district = district; self.city = city; self.landmark = landmark
        }
    }

    public init(enrolmentNumber: String, name: String, pan: String, state: StateCode, active: Bool = true, enrolledOn: CivilDate,
                cancelledOn: CivilDate? = nil, address: Address, mobile: String, email: String, goods: String = "", services: String = "") {
        self.enrolmentNumber = enrolmentNumber; self.name = name; self.pan = pan; self.state = state; self.active = active
        self.enrolledOn = enrolledOn; self.cancelledOn = cancelledOn; self.address = address; self.mobile = mobile; self.email = email
        self.goods = goods; self.services = services
    }

    /// The state's name, as GSTN writes it.
    public var stateName: String { StateCode.names[state.value] ?? "Other Territory" }

    /// Whether `mobile` is the applicant's (digits compared, a leading +91 or 0 ignored).
    public func matches(mobile m: String) -> Bool {
        func digits(_ s: String) -> Substring { Substring(s.filter(\.isNumber)).suffix(10) }
        return digits(m) == digits(mobile) && !mobile.isEmpty
    }

    /// Whether `email` is the applicant's (case-insensitive).
    public func matches(email e: String) -> Bool { !email.isEmpty && e.lowercased() == email.lowercased() }
}

extension TenantState {
    /// The applicant with `enrolmentNumber` (case-insensitive); nil when the world holds none.
    public func unregisteredApplicant(_ enrolmentNumber: String) -> UnregisteredApplicant? {
        unregisteredApplicants[enrolmentNumber.uppercased()]
    }
}
