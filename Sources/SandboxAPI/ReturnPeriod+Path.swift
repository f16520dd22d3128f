import GSTCore
import HTTPWire

/// The `{year}/{month}` of Sandbox's return routes.
extension ReturnPeriod {
    /// The `{year}/{month}` path parameters ("2024"/"03" or "3"); nil when they name no period.
    init?(pathOf params: PathParameters) {
        guard let y = params["year"], let m = params["month"] else { return nil }
        self.init(year: y, month: m)
    }

    /// The `{year}/{month}` path parameters; 422 "Invalid year or month" when they name no period.
    init(_ params: PathParameters) throws(SandboxError) {
        guard let period = ReturnPeriod(pathOf: params) else { throw .invalidPeriod }
        self = period
    }
}
