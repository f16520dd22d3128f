import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// The rest of GSTR-1 (taxpayer token), under `…/gstrs/gstr-1`: section GETs beyond B2B/B2BA, the
/// summary, save, reset, and the return status (`…/gstrs/{year}/{month}/status`). Proceed, EVC OTP and
/// file are in `FilingRoutes`.
enum GSTR1ReturnRoutes {
    /// Path segment → saved section.
    static let savedSections: [(path: String, section: GSTR1SavedSection)] = [
        ("at", .at), ("ata", .ata), ("b2cl", .b2cl), ("b2cla", .b2cla), ("b2cs", .b2cs), ("b2csa", .b2csa),
        ("cdnur", .cdnur), ("cdnura", .cdnura), ("exp", .exp), ("expa", .expa), ("nil", .nilRated), ("hsn", .hsn),
        ("doc-issue", .docIssue), ("txp", .txpd), ("txpa", .txpda), ("supeco", .supeco), ("supecoa", .supecoa),
        ("ecom", .ecom), ("ecoma", .ecoma),
    ]

    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        savedSections.map { entry in
            Route(.get, "\(t)/gstrs/gstr-1/\(entry.path)/{year}/{month}", "gstr1.\(entry.path)") { r, p, c throws(SandboxError) in
                try saved(r, p, c, section: entry.section)
            }
        } + [
            Route(.get, "\(t)/gstrs/gstr-1/cdnr/{year}/{month}", "gstr1.cdnr") { r, p, c throws(SandboxError) in
                try notes(r, p, c, amended: false)
            },
            Route(.get, "\(t)/gstrs/gstr-1/cdnra/{year}/{month}", "gstr1.cdnra") { r, p, c throws(SandboxError) in
                try notes(r, p, c, amended: true)
            },
            Route(.get, "\(t)/gstrs/gstr-1/{year}/{month}", "gstr1.summary", summary),
            Route(.post, "\(t)/gstrs/gstr-1/{year}/{month}", "gstr1.save", save),
            Route(.post, "\(t)/gstrs/gstr-1/{year}/{month}/reset", "gstr1.reset", reset),
            Route(.get, "\(t)/gstrs/{year}/{month}/status", "returns.status", status),
        ]
    }

    static func render(_ value: JSONValue) -> [UInt8] { SandboxData.success(JSONWriter.write(value)) }

    // MARK: GET …/gstrs/gstr-1/{section}/{year}/{month}

    /// The saved records of the section; none → RET11416 (RET11417 for exp and expa, as documented). b2cl / b2cla take `state_code` (two digits,
    /// else 422) and keep the groups of that place of supply.
    static func saved(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext,
                      section: GSTR1SavedSection) throws(SandboxError) -> SandboxReply {
        let stateCode = (section == .b2cl || section == .b2cla) ? request.queryValue("state_code").flatMap { $0.isEmpty ? nil : $0 } : nil
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            if let s = stateCode, StateCode(s) == nil { throw .unprocessable("Invalid state_code") }
            let route = RenderCache.Route.named("gstr1.\(section.rawValue)|\(grant.session.value)|\(period.mmyyyy)|\(stateCode ?? "")")
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                var records = state.gstr1SavedRecords(supplier: grant.session, period: period, section: section)
                if let s = stateCode { records = records.filter { $0.wire.group["pos"]?.stringValue == s } }
                if records.isEmpty { return SandboxData.error(.gstr1Nothing(in: section)) }
                return render(GSTR1SectionRender.saved(section, records: records))
            })
        }
    }

    // MARK: GET …/gstrs/gstr-1/cdnr|cdnra/{year}/{month}

    /// Credit and debit notes to registered persons, from the world's documents; none → RET11416.
    static func notes(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext, amended: Bool) throws(SandboxError) -> SandboxReply {
        try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let key = amended ? "cdnra" : "cdnr"
            return .data(ctx.cache.fragment(grant.tenant, route: .named("gstr1.\(key)|\(grant.session.value)|\(period.mmyyyy)"), version: state.version) {
                let docs = state.gstr1Documents(supplier: grant.session, period: period,
                                                sections: amended ? [.b2bcna, .b2bdna] : [.b2bcn, .b2bdn])
                if docs.isEmpty { return SandboxData.error(.noDocumentFound) }
                return render(GSTR1SectionRender.notes(key, documents: docs, amended: amended))
            })
        }
    }

    // MARK: GET …/gstrs/gstr-1/{year}/{month}

    /// `summary_type=long` (case-insensitive) asks for the long layout (`smryTyp`, `cpty_sum`); any
    /// other value → 422 (the docs name only `long`).
    static func summary(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        var long = false
        if let type = request.queryValue("summary_type"), !type.isEmpty {
            guard type.lowercased() == "long" else { throw .unprocessable("Invalid summary_type. Possible values: long") }
            long = true
        }
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let me = grant.session
            let route = "gstr1.summary|\(me.value)|\(period.mmyyyy)|\(long ? "L" : "S")"
            return .data(ctx.cache.fragment(grant.tenant, route: .named(route), version: state.version) {
                let docs = state.gstr1Documents(supplier: me, period: period, sections: [.b2b, .b2ba, .b2bcn, .b2bdn, .b2bcna, .b2bdna])
                let saved = GSTR1SavedSection.allCases.map { ($0, state.gstr1SavedRecords(supplier: me, period: period, section: $0)) }
                return render(GSTR1SummaryRender.summary(supplier: me, period: period, documents: docs, saved: saved, long: long))
            })
        }
    }

    // MARK: POST …/gstrs/gstr-1/{year}/{month}

    /// Not JSON → 422. A body that breaks GSTN's structure still gets a `reference_id` (the job ends ER
    /// RET191106 and changes nothing; header `X-Sandbox-Schema-Violation` says why). Filed → AUTH117.
    static func save(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let parsed = SandboxBody.parse(request)
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let json = try parsed.get()
            var headers: HTTPHeaders = [:]
            var entries: [GSTR1Entry]?
            switch GSTR1SaveParser.parse(json, supplier: grant.session, period: period) {
            case .success(let e): entries = e
            case .failure(let fault): headers.add(SchemaViolation.responseHeader, fault.description)
            }
            do throws(GSTR1Refusal) {
                let id = try state.submitGSTR1Save(entries, supplier: grant.session, period: period)
                return .success(IMSStatusRender.referenceID(id), headers: headers)
            } catch {
                throw .business(error == .alreadyFiled ? .gstr1AlreadyFiledForPeriod : .invalidSession)
            }
        }
    }

    /// The optional `{gstin, ret_period}` body of reset / proceed: when sent it must be a JSON object
    /// naming the session's GSTIN and the path's period (422 otherwise).
    static func checkReturnBody(_ parsed: Result<JSONValue, SandboxError>?, gstin: GSTIN, period: ReturnPeriod) throws(SandboxError) {
        guard let parsed else { return }
        guard case .success(let json) = parsed, let o = json.objectValue else { throw .unprocessable("Invalid request body") }
        if let g = o["gstin"], g.stringValue != gstin.value { throw .unprocessable("gstin does not match the session") }
        if let p = o["ret_period"], p.stringValue != period.mmyyyy { throw .unprocessable("ret_period does not match the period") }
    }

    // MARK: POST …/gstrs/gstr-1/{year}/{month}/reset

    /// → reference_id; RET191251 while a reset of the period is running; RET00009 once filed.
    static func reset(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let parsed = SandboxBody.parseIfPresent(request)
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            try checkReturnBody(parsed, gstin: grant.session, period: period)
            do throws(GSTR1Refusal) {
                let id = try state.submitGSTR1Reset(supplier: grant.session, period: period)
                return .success(IMSStatusRender.referenceID(id))
            } catch {
                throw .business(error == .resetInProgress ? .resetInProgress : error == .alreadyFiled ? .returnAlreadyFiled : .invalidSession)
            }
        }
    }

    // MARK: GET …/gstrs/{year}/{month}/status?reference_id=

    /// Missing `reference_id` → 400; unknown, another taxpayer's, another period's or not a return job →
    /// IMS0008; running → `REC`; done → P / PE / ER.
    static func status(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let reference = request.queryValue("reference_id")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            guard let reference, !reference.isEmpty else { throw .required("reference_id") }
            // One route for every return: GSTR-3B save jobs are answered by their own renderer.
            if let job = state.job(reference), job.work is ReturnJob {
                return try ReturnStatusRoutes.status(reference: reference, state: &state, grant: grant)
            }
            guard let job = state.job(reference), let r = job.work as? GSTR1Job, r.period == period else {
                throw .business(.noRecordsForTransaction)
            }
            switch state.pollGSTR1Job(referenceID: reference, supplier: grant.session) {
            case nil: throw .business(.noRecordsForTransaction)
            case .inProgress(let a): return .success(JSONWriter.write(GSTR1StatusRender.inProgress(a)))
            case .completed(let o): return .success(JSONWriter.write(GSTR1StatusRender.status(o)))
            }
        }
    }
}
