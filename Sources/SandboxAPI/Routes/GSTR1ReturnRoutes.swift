import GSTCore
import GSTNShapes
import HTTPWire

/// The rest of GSTR-1 (taxpayer token): section GETs beyond B2B/B2BA, the summary, save, reset and
/// the return status. Proceed, EVC OTP and file are in `FilingRoutes`.
enum GSTR1ReturnRoutes {
    /// Path segment → saved section.
    static let savedSections: [(path: String, section: GSTR1SavedSection)] = [
        ("at", .at), ("ata", .ata), ("b2cl", .b2cl), ("b2cla", .b2cla), ("b2cs", .b2cs), ("b2csa", .b2csa),
        ("cdnur", .cdnur), ("cdnura", .cdnura), ("exp", .exp), ("expa", .expa), ("nil", .nilRated), ("hsn", .hsn),
        ("doc-issue", .docIssue),
    ]

    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        var routes = savedSections.map { entry in
            Route<SandboxAPIContext>(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/\(entry.path)/{year}/{month}"),
                                     operation: "gstr1.\(entry.path)") { r, p, c in saved(r, p, c, section: entry.section) }
        }
        routes += [
            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/cdnr/{year}/{month}"), operation: "gstr1.cdnr") { r, p, c in
                notes(r, p, c, amended: false)
            },
            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/cdnra/{year}/{month}"), operation: "gstr1.cdnra") { r, p, c in
                notes(r, p, c, amended: true)
            },
            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/{year}/{month}"), operation: "gstr1.summary", handler: summary),
            Route(.post, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/{year}/{month}"), operation: "gstr1.save", handler: save),
            Route(.post, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/{year}/{month}/reset"), operation: "gstr1.reset", handler: reset),
            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/{year}/{month}/status"), operation: "returns.status", handler: status),
        ]
        return routes + FilingRoutes.routes(t)
    }

    static func invalidPeriod(_ stamp: Envelope.Stamp) -> HTTPResponse {
        Envelope.platformError(.unprocessable("Invalid year or month"), stamp: stamp)
    }

    static func render(_ value: JSONValue) -> [UInt8] { Envelope.successData(JSONWriter.write(value)) }

    // MARK: GET …/gstrs/gstr-1/{section}/{year}/{month}

    /// The saved records of the section; none → RET11416. b2cl / b2cla take `state_code` (two digits,
    /// else 422) and keep the groups of that place of supply.
    static func saved(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext, section: GSTR1SavedSection) -> HTTPResponse {
        let stateCode = (section == .b2cl || section == .b2cla) ? request.queryValue("state_code").flatMap { $0.isEmpty ? nil : $0 } : nil
        return ctx.taxpayer(request) { state, grant in
            guard let period = GSTR2BRoutes.period(params) else { return invalidPeriod(grant.stamp) }
            if let s = stateCode, StateCode(s) == nil {
                return Envelope.platformError(.unprocessable("Invalid state_code"), stamp: grant.stamp)
            }
            let route = RenderCache.Route.named("gstr1.\(section.rawValue)|\(grant.session.value)|\(period.mmyyyy)|\(stateCode ?? "")")
            let data = ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                var records = state.gstr1SavedRecords(supplier: grant.session, period: period, section: section)
                if let s = stateCode { records = records.filter { $0.wire.group["pos"]?.stringValue == s } }
                if records.isEmpty { return Envelope.errorData(.noDocumentFound) }
                return render(GSTR1SectionRender.saved(section, records: records))
            }
            return Envelope.ok(data: data, stamp: grant.stamp)
        }
    }

    // MARK: GET …/gstrs/gstr-1/cdnr|cdnra/{year}/{month}

    /// Credit and debit notes to registered persons, from the world's documents; none → RET11416.
    static func notes(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext, amended: Bool) -> HTTPResponse {
        ctx.taxpayer(request) { state, grant in
            guard let period = GSTR2BRoutes.period(params) else { return invalidPeriod(grant.stamp) }
            let key = amended ? "cdnra" : "cdnr"
            let data = ctx.cache.fragment(grant.tenant, route: .named("gstr1.\(key)|\(grant.session.value)|\(period.mmyyyy)"), version: state.version) {
                let docs = state.gstr1Documents(supplier: grant.session, period: period,
                                                sections: amended ? [.b2bcna, .b2bdna] : [.b2bcn, .b2bdn])
                if docs.isEmpty { return Envelope.errorData(.noDocumentFound) }
                return render(GSTR1SectionRender.notes(key, documents: docs, amended: amended))
            }
            return Envelope.ok(data: data, stamp: grant.stamp)
        }
    }

    // MARK: GET …/gstrs/gstr-1/{year}/{month}

    static func summary(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        ctx.taxpayer(request) { state, grant in
            guard let period = GSTR2BRoutes.period(params) else { return invalidPeriod(grant.stamp) }
            let me = grant.session
            let data = ctx.cache.fragment(grant.tenant, route: .named("gstr1.summary|\(me.value)|\(period.mmyyyy)"), version: state.version) {
                let docs: [(name: String, docs: [Document])] = [
                    ("B2B", state.gstr1Documents(supplier: me, period: period, sections: [.b2b])),
                    ("B2BA", state.gstr1Documents(supplier: me, period: period, sections: [.b2ba])),
                    ("CDNR", state.gstr1Documents(supplier: me, period: period, sections: [.b2bcn, .b2bdn])),
                    ("CDNRA", state.gstr1Documents(supplier: me, period: period, sections: [.b2bcna, .b2bdna])),
                ]
                let saved = GSTR1SavedSection.allCases.map { ($0, state.gstr1SavedRecords(supplier: me, period: period, section: $0)) }
                return render(GSTR1SummaryRender.summary(supplier: me, period: period, documents: docs, saved: saved))
            }
            return Envelope.ok(data: data, stamp: grant.stamp)
        }
    }

    // MARK: POST …/gstrs/gstr-1/{year}/{month}

    /// Not JSON → 422. A body that breaks GSTN's structure still gets a `reference_id` (the job ends ER
    /// RET191106 and changes nothing; header `X-Sandbox-Schema-Violation` says why). Filed → AUTH117.
    static func save(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let parsed = parseBody(request)
        return ctx.taxpayer(request) { state, grant in
            let stamp = grant.stamp
            guard let period = GSTR2BRoutes.period(params) else { return invalidPeriod(stamp) }
            let json: JSONValue
            switch parsed {
            case .failure(let e): return Envelope.platformError(.unprocessable("Invalid request body: \(e.description)"), stamp: stamp)
            case .success(let j): json = j
            }
            var headers: HTTPHeaders = [:]
            var entries: [GSTR1Entry]?
            switch GSTR1SaveParser.parse(json, supplier: grant.session, period: period) {
            case .success(let e): entries = e
            case .failure(let fault): headers.add(SchemaViolation.responseHeader, fault.description)
            }
            do throws(GSTR1Refusal) {
                let id = try state.submitGSTR1Save(entries, supplier: grant.session, period: period)
                return Envelope.success(inner: referenceID(id), stamp: stamp, headers: headers)
            } catch {
                return Envelope.businessError(error == .alreadyFiled ? .gstr1AlreadyFiledForPeriod : .invalidSession, stamp: stamp)
            }
        }
    }

    static func parseBody(_ request: HTTPRequest) -> Result<JSONValue, JSONParseError> {
        do { return .success(try JSONParser.parse(request.body, options: .init(duplicateKeys: .lastWins))) } catch {
            return .failure(error)
        }
    }

    static func referenceID(_ id: String) -> [UInt8] {
        var b = JSONBuilder(capacity: 64)
        b.beginObject(); b.field("reference_id", id); b.endObject()
        return b.bytes
    }

    /// The optional `{gstin, ret_period}` body of reset / proceed: when sent it must name the session's
    /// GSTIN and the path's period (422 otherwise).
    static func checkReturnBody(_ parsed: Result<JSONValue, JSONParseError>?, gstin: GSTIN, period: ReturnPeriod) -> PlatformError? {
        guard let parsed else { return nil }
        guard case .success(let json) = parsed, let o = json.objectValue else { return .unprocessable("Invalid request body") }
        if let g = o["gstin"], g.stringValue != gstin.value { return .unprocessable("gstin does not match the session") }
        if let p = o["ret_period"], p.stringValue != period.mmyyyy { return .unprocessable("ret_period does not match the period") }
        return nil
    }

    // MARK: POST …/gstrs/gstr-1/{year}/{month}/reset

    /// → reference_id; RET191251 while a reset of the period is running; RET00009 once filed.
    static func reset(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let parsed = request.body.isEmpty ? nil : parseBody(request)
        return ctx.taxpayer(request) { state, grant in
            guard let period = GSTR2BRoutes.period(params) else { return invalidPeriod(grant.stamp) }
            if let e = checkReturnBody(parsed, gstin: grant.session, period: period) { return Envelope.platformError(e, stamp: grant.stamp) }
            do throws(GSTR1Refusal) {
                let id = try state.submitGSTR1Reset(supplier: grant.session, period: period)
                return Envelope.success(inner: referenceID(id), stamp: grant.stamp)
            } catch {
                let e: BusinessError = error == .resetInProgress ? .resetInProgress : error == .alreadyFiled ? .returnAlreadyFiled : .invalidSession
                return Envelope.businessError(e, stamp: grant.stamp)
            }
        }
    }

    // MARK: GET …/gstrs/{year}/{month}/status?reference_id=

    /// Missing `reference_id` → 400; unknown, another taxpayer's, another period's or not a return job →
    /// IMS0008; running → `REC`; done → P / PE / ER.
    static func status(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let reference = request.queryValue("reference_id")
        return ctx.taxpayer(request) { state, grant in
            guard let period = GSTR2BRoutes.period(params) else { return invalidPeriod(grant.stamp) }
            guard let reference, !reference.isEmpty else {
                return Envelope.platformError(.badRequest("reference_id is required"), stamp: grant.stamp)
            }
            // One route for every return: GSTR-3B save jobs are answered by their own renderer.
            if let job = state.job(reference), job.work is ReturnJob {
                return ReturnStatusRoutes.status(reference: reference, state: &state, grant: grant)
            }
            guard let job = state.job(reference), let r = job.work as? GSTR1Job, r.period == period else {
                return Envelope.businessError(.unknownReturnReference, stamp: grant.stamp)
            }
            switch state.pollGSTR1Job(referenceID: reference, supplier: grant.session) {
            case nil: return Envelope.businessError(.unknownReturnReference, stamp: grant.stamp)
            case .inProgress(let a): return Envelope.success(inner: JSONWriter.write(GSTR1StatusRender.inProgress(a)), stamp: grant.stamp)
            case .completed(let o): return Envelope.success(inner: JSONWriter.write(GSTR1StatusRender.status(o)), stamp: grant.stamp)
            }
        }
    }
}
