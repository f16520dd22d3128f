import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// The electronic ledgers (taxpayer token), under `…/tax-payer/ledgers`: balances for a period's payment,
/// the cash and credit ledgers between two dates, a period's return liability ledger — read from the
/// taxpayer's ledgers (`Ledgers`), which challans (control API, scenario) and GSTR-3B payments write.
enum LedgerRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.get, "\(t)/ledgers/bal/{year}/{month}", "ledgers.balance", balance),
            Route(.get, "\(t)/ledgers/cash", "ledgers.cash", cash),
            Route(.get, "\(t)/ledgers/itc", "ledgers.itc", credit),
            Route(.get, "\(t)/ledgers/tax/{year}/{month}", "ledgers.tax", liability),
        ]
    }

    // MARK: GET …/ledgers/bal/{year}/{month}

    /// Cash per head and minor head, ITC per head, as the official example. The ITC includes the
    /// period's own net ITC not yet credited (GSTN credits it when the return is submitted for payment),
    /// so the recipe's "balance → offset" sees what its offset may use. Malformed period → 422.
    static func balance(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let (cash, credit) = state.ledgerBalances(gstin: grant.session, period: period)
            return .success(LedgerRender.balance(gstin: grant.session, cash: cash, credit: credit))
        }
    }

    // MARK: GET …/ledgers/cash?from=DD/MM/YYYY&to=DD/MM/YYYY

    /// The entries dated `from` to `to` (IST days, both included) with the balances before and after
    /// them. `to` after today → LG9089 (documented); see `range` for the rest.
    static func cash(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let query = (request.queryValue("from"), request.queryValue("to"))
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let (from, to) = try range(query, today: state.today)
            let entries = state.ledgers(of: grant.session).cash
            let (opening, slice) = window(entries, from: from, to: to, zero: .zero)
            return .success(LedgerRender.cash(gstin: grant.session, from: from, to: to, opening: opening, entries: slice))
        }
    }

    // MARK: GET …/ledgers/itc?from=DD/MM/YYYY&to=DD/MM/YYYY

    /// The credit ledger, as `cash` reads the cash ledger.
    static func credit(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let query = (request.queryValue("from"), request.queryValue("to"))
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let (from, to) = try range(query, today: state.today)
            let entries = state.ledgers(of: grant.session).credit
            let (opening, slice) = window(entries, from: from, to: to, zero: .zero)
            return .success(LedgerRender.credit(gstin: grant.session, from: from, to: to, opening: opening, entries: slice))
        }
    }

    // MARK: GET …/ledgers/tax/{year}/{month}?from=DD/MM/YYYY&to=DD/MM/YYYY

    /// The return liability ledger's entries of the period (liability posted by its GSTR-3B, discharged by
    /// its payment) dated `from` to `to`; the closing balance is the period's liability still unpaid. The
    /// docs do not say how the path's period and the dates combine: both filter (the emulator's choice).
    static func liability(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let query = (request.queryValue("from"), request.queryValue("to"))
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let (from, to) = try range(query, today: state.today)
            let ledgers = state.ledgers(of: grant.session)
            let ofPeriod = ledgers.liability.filter { $0.period == period }
            var closing = CashAmounts.zero
            for e in ofPeriod { closing = e.direction == .debit ? closing + e.amounts : closing - e.amounts }
            let shown = ofPeriod.filter { e in
                let d = CivilDate(epochMilliseconds: e.at)
                return d >= from && d <= to
            }
            return .success(LedgerRender.liability(gstin: grant.session, from: from, to: to, closing: closing, entries: shown))
        }
    }

    /// `from` and `to` as DD/MM/YYYY: missing → 400 "<name> is required"; not a date → 422; `to` after
    /// today → LG9089; `from` after `to` → LG9090 (undocumented).
    static func range(_ query: (String?, String?), today: CivilDate) throws(SandboxError) -> (CivilDate, CivilDate) {
        guard let f = query.0, !f.isEmpty else { throw .required("from") }
        guard let t = query.1, !t.isEmpty else { throw .required("to") }
        guard let from = CivilDate(ddmmyyyy: f) else { throw .unprocessable("Invalid from date. Expected DD/MM/YYYY") }
        guard let to = CivilDate(ddmmyyyy: t) else { throw .unprocessable("Invalid to date. Expected DD/MM/YYYY") }
        guard to <= today else { throw .business(.toDateBeyondToday) }
        guard from <= to else { throw .business(.fromDateAfterToDate) }
        return (from, to)
    }

    /// The balance before `from` and the entries dated `from`…`to`.
    static func window<A>(_ entries: [LedgerEntry<A>], from: CivilDate, to: CivilDate, zero: A) -> (A, ArraySlice<LedgerEntry<A>>) {
        let start = entries.firstIndex { CivilDate(epochMilliseconds: $0.at) >= from } ?? entries.endIndex
        let end = entries[start...].firstIndex { CivilDate(epochMilliseconds: $0.at) > to } ?? entries.endIndex
        return (start == 0 ? zero : entries[start - 1].balance, entries[start..<end])
    }
}
