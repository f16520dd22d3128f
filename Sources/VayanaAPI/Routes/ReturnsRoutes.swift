import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// "Gst Returns Download Lite" (`GET …/taxpayerapi/{gstn-api-version}/returns?gstn_ret_type=…`), its
/// FILEDET form (`…/returns?action=FILEDET`) and FILEDOWNLOAD (`GET /basic/gstn/{flynn-version}<ul>`).
///
/// Query parameters are GSTN's: `gstin`, the period as `rtnprd` or `ret_period` (either name on every
/// return type), `action`, `file_num` (GSTR-2B), `ctin` and `action_required` (GSTR-1), `token` (FILEDET).
///
/// What is served:
/// - `gstr2b` (`action` absent or GET2B): the GSTR-2B snapshot GSTCore holds for the taxpayer and period,
///   the same document Sandbox's GSTR-2B route returns (byte-identical `{"chksum","data":{…}}`).
///   Before the draft date → 502 RET2B1023; generated but empty → 502 RET2B1016. More documents than the
///   scenario's file size: without `file_num` the summaries and `fc`; `file_num` 1…fc that file's
///   documents. GEN2B / GENSTS2B → 502 GEN5002 (not emulated through Vayana).
/// - `gstr1` with `action` B2B or B2BA: the taxpayer's own outward documents (`ctin`, `action_required`
///   filters), `{"b2b":[{cfs, ctin, inv:[…]}]}`; none → 502 RET11416. The record sections (B2CL, B2CS,
///   EXP, AT, NIL, HSNSUM, DOCISS, CDNUR, TXP, SUPECO, ECOM and their amendments) from the GSTR-1 the
///   supplier saved, CDNR / CDNRA from the world's notes — the same data and renderer as Sandbox's routes;
///   the summary/status actions → 502 GEN5002 (not emulated yet).
/// - `gstr2a` (B2B, B2BA, CDN, CDNA; the rest RET13508) and `gstr3b` (RETSUM): `ReturnsRoutes+GSTR2A3B.swift`.
/// - The other return types → 502 GEN5002 (not emulated yet).
/// - Large GSTR-1 results answer `{"token":…}`; FILEDET with it lists the files.
enum ReturnsRoutes {
    /// The `ul` of a file is this prefix and the file's key: appended after `/basic/gstn/{flynn-version}`
    /// it is the FILEDOWNLOAD route.
    static let fileURLPrefix = "/taxpayerapi-doc/"

    /// GSTN return types other than gstr1, gstr2a, gstr2b and gstr3b, answered as not emulated.
    static let otherReturnTypes: Set<String> = [
        "gstr4", "gstr4a", "gstr5", "gstr5a", "gstr6", "gstr6a", "gstr7", "gstr8", "gstr9", "gstr9c",
        "gstr10", "gstr11", "cmp08", "itc04", "gstr1a", "iff",
    ]

    /// GSTR-1 sections the supplier saves as records (GSTN action → the saved section): answered from
    /// the same GSTR-1 state Sandbox's save route writes, rendered by the shared GSTN renderer.
    static let savedGSTR1Sections: [String: GSTR1SavedSection] = [
        "B2CL": .b2cl, "B2CLA": .b2cla, "B2CS": .b2cs, "B2CSA": .b2csa, "EXP": .exp, "EXPA": .expa,
        "AT": .at, "ATA": .ata, "NIL": .nilRated, "HSNSUM": .hsn, "DOCISS": .docIssue,
        "CDNUR": .cdnur, "CDNURA": .cdnura, "TXP": .txpd, "TXPA": .txpda, "SUPECO": .supeco, "SUPECOA": .supecoa, "ECOM": .ecom, "ECOMA": .ecoma,
    ]

    /// GSTR-1 actions GSTN has that this sandbox does not emulate yet.
    static let unemulatedGSTR1Actions: Set<String> = [
        "RETSUM", "RETSTATUS", "EINV", "GETPREF",
    ]

    // MARK: GET …/returns

    static func returns(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let q = Query(request)
        return ctx.eas(request, params) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            let gstin = try VayanaContext.taxpayer(VayanaContext.gstinText(q, request), parameter: "gstin", in: state)
            let action = q["action"]?.uppercased()
            if action == "FILEDET" {
                return try fileDetails(token: q["token"], gstin: gstin, scope: .returns, tenant: tenant, ctx)
            }
            guard let type = q["gstn_ret_type"]?.lowercased() else { throw .missingParameter("gstn_ret_type") }
            switch type {
            case "gstr2b":
                return try gstr2b(q, action: action, gstin: gstin, &state, tenant, ctx)
            case "gstr1":
                return try gstr1(q, action: action, gstin: gstin, &state, tenant, ctx)
            case "gstr2a":
                return try gstr2a(q, action: action, gstin: gstin, &state, tenant, ctx)
            case "gstr3b":
                return try gstr3b(q, action: action, gstin: gstin, &state, tenant, ctx)
            case _ where otherReturnTypes.contains(type):
                throw .gstn(.notEmulated("\(type.uppercased()) download"))
            default:
                throw .invalidParameter("gstn_ret_type")
            }
        }
    }

    /// The return period from `rtnprd` or `ret_period` (MMYYYY).
    static func period(_ q: Query, preferredName: String) throws(EASError) -> ReturnPeriod {
        guard let (name, value) = q.first("rtnprd", "ret_period") else { throw .missingParameter(preferredName) }
        guard let p = ReturnPeriod(mmyyyy: value) else { throw .invalidParameter(name) }
        return p
    }

    // MARK: gstr2b

    static func gstr2b(_ q: Query, action: String?, gstin: GSTIN, _ state: inout TenantState, _ tenant: Tenant,
                       _ ctx: VayanaContext) throws(EASError) -> HTTPResponse {
        switch action {
        case nil, "GET2B": break
        case "GEN2B", "GENSTS2B": throw .gstn(.notEmulated("GSTR-2B \(action!)"))
        default: throw .invalidParameter("action")
        }
        let period = try period(q, preferredName: "rtnprd")
        var fileNumber: Int?
        if let t = q["file_num"] {
            guard let n = Int(t), n >= 1 else { throw .invalidParameter("file_num") }
            fileNumber = n
        }
        let twoB: GSTR2B
        switch state.gstr2b(recipient: gstin, period: period) {
        case .notGeneratedYet(let date): throw .gstn(.gstr2bNotAvailable(by: date))
        case .noDocuments: throw .gstn(.gstr2bNoDetails)
        case .available(let b): twoB = b
        }
        let pageSize = state.gstr2bPageSize
        let fc = twoB.pageCount(pageSize: pageSize)
        if let n = fileNumber, n > fc { throw .invalidParameter("file_num") }
        let route = "gstr2b|\(gstin.value)|\(period.mmyyyy)|\(fileNumber.map(String.init) ?? "")"
        let data = ctx.cache.fragment(tenant, route: route, version: state.version) {
            switch fileNumber {
            case nil: return GSTR2BRender.document(twoB, fileCount: fc, includeDocuments: fc == 1)
            case let n?: return GSTR2BRender.document(twoB.page(n, pageSize: pageSize) ?? twoB, fileCount: fc, includeDocuments: true)
            }
        }
        return EASEnvelope.ok(data)
    }

    // MARK: gstr1

    static func gstr1(_ q: Query, action: String?, gstin: GSTIN, _ state: inout TenantState, _ tenant: Tenant,
                      _ ctx: VayanaContext) throws(EASError) -> HTTPResponse {
        guard let action else { throw .missingParameter("action") }
        let section: IMSSection
        switch action {
        case "B2B": section = .b2b
        case "B2BA": section = .b2ba
        case "CDNR", "CDNRA":
            return try gstr1Notes(q, amended: action == "CDNRA", gstin: gstin, &state, tenant, ctx)
        case _ where savedGSTR1Sections[action] != nil:
            return try gstr1Saved(q, section: savedGSTR1Sections[action]!, gstin: gstin, &state, tenant, ctx)
        case _ where unemulatedGSTR1Actions.contains(action):
            throw .gstn(.notEmulated("GSTR-1 \(action)"))
        default:
            throw .invalidParameter("action")
        }
        let period = try period(q, preferredName: "ret_period")
        let counterparty = try counterparty(q)
        var actionRequired: Bool?
        if let a = q["action_required"] {
            switch a.uppercased() {
            case "Y": actionRequired = true
            case "N": actionRequired = false
            default: throw .invalidParameter("action_required")
            }
        }
        let docs = state.gstr1Documents(supplier: gstin, period: period, section: section,
                                        counterparty: counterparty, actionRequired: actionRequired)
        guard !docs.isEmpty else { throw .gstn(.noDocumentFound) }
        let key: StaticString = section == .b2ba ? "b2ba" : "b2b"
        let pageSize = state.gstr2bPageSize
        if docs.count > pageSize {
            var files: [(bytes: [UInt8], itemCount: Int)] = []
            var start = 0
            while start < docs.count {
                let end = min(docs.count, start + pageSize)
                files.append((GSTR1Render.section(key, documents: Array(docs[start..<end]), amended: section == .b2ba), end - start))
                start = end
            }
            let token = ctx.files.register(tenant: tenant, gstin: gstin, scope: .returns, files: files)
            return EASEnvelope.ok(IMSRender.fileToken(token))
        }
        let route = "gstr1|\(gstin.value)|\(period.mmyyyy)|\(action)|\(counterparty?.value ?? "")|"
            + (actionRequired.map { $0 ? "Y" : "N" } ?? "")
        let data = ctx.cache.fragment(tenant, route: route, version: state.version) {
            GSTR1Render.section(key, documents: docs, amended: section == .b2ba)
        }
        return EASEnvelope.ok(data)
    }

    /// Saved records of a section (B2CL, B2CS, EXP, AT, NIL, HSNSUM, DOCISS, CDNUR, …); none → RET11416
    /// (RET11417 for EXP and EXPA).
    static func gstr1Saved(_ q: Query, section: GSTR1SavedSection, gstin: GSTIN, _ state: inout TenantState,
                           _ tenant: Tenant, _ ctx: VayanaContext) throws(EASError) -> HTTPResponse {
        let period = try period(q, preferredName: "ret_period")
        let records = state.gstr1SavedRecords(supplier: gstin, period: period, section: section)
        guard !records.isEmpty else { throw .gstn(.gstr1Nothing(in: section)) }
        return EASEnvelope.ok(JSONWriter.write(GSTR1SectionRender.saved(section, records: records)))
    }

    /// CDNR / CDNRA: notes to registered persons from the world's documents; none → RET11416.
    static func gstr1Notes(_ q: Query, amended: Bool, gstin: GSTIN, _ state: inout TenantState,
                           _ tenant: Tenant, _ ctx: VayanaContext) throws(EASError) -> HTTPResponse {
        let period = try period(q, preferredName: "ret_period")
        let docs = state.gstr1Documents(supplier: gstin, period: period,
                                        sections: amended ? [.b2bcna, .b2bdna] : [.b2bcn, .b2bdn])
        guard !docs.isEmpty else { throw .gstn(.noDocumentFound) }
        return EASEnvelope.ok(JSONWriter.write(GSTR1SectionRender.notes(amended ? "cdnra" : "cdnr", documents: docs, amended: amended)))
    }

    /// The optional `ctin` filter; a malformed one → 400 `err-invalid-gstin-format`.
    static func counterparty(_ q: Query) throws(EASError) -> GSTIN? {
        guard let c = q["ctin"] else { return nil }
        guard let g = GSTIN(c) else { throw .invalidGSTINFormat(parameter: "ctin") }
        return g
    }

    // MARK: FILEDET

    /// `{"ek","fc","urls":[{"hash","ic","ul"}]}` for a token this GSTIN received from a GET of `scope`.
    static func fileDetails(token: String?, gstin: GSTIN, scope: FileBook.Scope, tenant: Tenant,
                            _ ctx: VayanaContext) throws(EASError) -> HTTPResponse {
        guard let token else { throw .missingParameter("token") }
        guard let set = ctx.files.fileSet(token: token), set.tenant === tenant, set.gstin == gstin, set.scope == scope else {
            throw .resourceNotFound("token", token)
        }
        return EASEnvelope.ok(IMSRender.fileDetails(set))
    }

    // MARK: GET /basic/gstn/{flynn-version}/taxpayerapi-doc/{key}

    /// FILEDOWNLOAD: one file's JSON as `data` (e.g. `{"b2b":[…]}`), for the organisation's tenant, with the
    /// FILEDET `ek` in `X-FLYNN-N-FILEDET-EKEY`. Unknown key → 404 `err-resource-not-found` `{"file":…}`;
    /// header missing or another `ek` → 400 `err-invalid-filedet-ekey`.
    static func fileDownload(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let key = params["key"] ?? ""
        let ek = request.headers[VayanaContext.fileKeyHeader]
        return ctx.eas(request, params) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            guard let (set, file) = ctx.files.file(key: key), set.tenant === tenant else { throw .resourceNotFound("file", key) }
            guard ek == set.encryptionKey else { throw .invalidFileKey }
            return EASEnvelope.ok(file.bytes)
        }
    }
}
