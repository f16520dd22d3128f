import GSTCore

/// GSTN's IMS payloads as EAS returns them in `data` (`vayana-examples/eas-ims-*`). Keys are written in
/// sorted order by hand. Records and the REQSTS answer are the same GSTN shapes Sandbox's adapter writes,
/// plus what Vayana's examples add.
enum IMSRender {
    /// `{"<section>":[record, …]}` — GETINV, and each IMS file of a large GETINV.
    static func invoices(_ records: some Collection<Document>, section: IMSSection) -> [UInt8] {
        var b = JSONBuilder(capacity: 64 + records.count * 460)
        b.beginObject()
        b.key(section.rawValue)
        b.beginArray()
        for d in records { record(d, into: &b) }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// One GETINV record: the fields of Vayana's example (`stin, inum|nt_num, idt|nt_dt, [oinum, oidt |
    /// ont_num, ont_dt,] inv_typ, action, ispendactnallwd, srcform, rtnprd, srcfilstatus, val, pos, txval,
    /// iamt, camt, samt, cess, hash`) plus GSTN's current name of the pending flag, `ispendactblocked`.
    /// Both flags carry the same value: "Y" when Pending is refused for the record (Vayana's older sample
    /// names it `ispendactnallwd`, "is pending action not allowed"). `ecom`/`ecoma` carry no `inv_typ`.
    static func record(_ d: Document, into b: inout JSONBuilder) {
        let section = d.section
        let blocked = d.ims.pendingActionBlocked ? "Y" : "N"
        b.beginObject()
        b.field("action", d.ims.status.rawValue)
        b.field("camt", d.cgst)
        b.field("cess", d.cess)
        b.field("hash", d.imsHash)
        b.field("iamt", d.igst)
        if !section.isNote {
            b.field("idt", d.date.dashed)
            b.field("inum", d.number)
        }
        if section != .ecom && section != .ecoma { b.field("inv_typ", d.invoiceType.rawValue) }
        b.field("ispendactblocked", blocked)
        b.field("ispendactnallwd", blocked)
        if section.isNote {
            b.field("nt_dt", d.date.dashed)
            b.field("nt_num", d.number)
            if section.isAmendment {
                b.field("ont_dt", d.originalDate?.dashed ?? "")
                b.field("ont_num", d.originalNumber ?? "")
            }
        } else if section.isAmendment {
            b.field("oidt", d.originalDate?.dashed ?? "")
            b.field("oinum", d.originalNumber ?? "")
        }
        b.field("pos", d.placeOfSupply.value)
        b.field("rtnprd", d.filing.period.mmyyyy)
        b.field("samt", d.sgst)
        b.field("srcfilstatus", d.filing.filed ? "Filed" : "Not Filed")
        b.field("srcform", d.filing.form.rawValue)
        b.field("stin", d.supplier.value)
        b.field("txval", d.taxableValue)
        b.field("val", d.value)
        b.endObject()
    }

    /// GETCNT for `goods_typ=ALL_OTH`, shaped like Vayana's example:
    /// `{"all_oth":{"b2b":{accept,noaction,pending,reject},…,"ttl_cnt":N},"inv_supp_isd":{"isd":{…},"isda":{…},"ttl_cnt":0}}`.
    /// Counts are numbers. The world holds no ISD documents, so `inv_supp_isd` counts zero.
    static func counts(_ counts: [IMSSection: IMSCounts]) -> [UInt8] {
        var b = JSONBuilder(capacity: 900)
        b.beginObject()
        b.key("all_oth")
        b.beginObject()
        var total = 0
        for section in IMSSection.allCases.sorted(by: { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }) {
            let c = counts[section] ?? IMSCounts()
            total += c.total
            b.key(section.rawValue)
            count(c, into: &b)
        }
        b.field("ttl_cnt", total)
        b.endObject()
        b.key("inv_supp_isd")
        b.beginObject()
        b.key("isd"); count(IMSCounts(), into: &b)
        b.key("isda"); count(IMSCounts(), into: &b)
        b.field("ttl_cnt", 0)
        b.endObject()
        b.endObject()
        return b.bytes
    }

    static func count(_ c: IMSCounts, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("accept", c.accept)
        b.field("noaction", c.noAction)
        b.field("pending", c.pending)
        b.field("reject", c.reject)
        b.endObject()
    }

    /// `transTypCd`: `SAV` (documented) for SAVE, `RST` (emulator's choice, as Sandbox's adapter) for RESET.
    static func transactionType(_ type: IMSRequestType) -> String {
        switch type {
        case .save: return "SAV"
        case .reset: return "RST"
        }
    }

    /// REQSTS while the job runs (emulator's choice, as Sandbox's adapter):
    /// `{"err_cd":"","err_msg":"","proc_cnt":"0","status_cd":"IP","transTypCd":…}`.
    static func statusInProgress(_ type: IMSRequestType) -> [UInt8] {
        var b = JSONBuilder(capacity: 128)
        b.beginObject()
        b.field("err_cd", "")
        b.field("err_msg", "")
        b.field("proc_cnt", "0")
        b.field("status_cd", "IP")
        b.field("transTypCd", transactionType(type))
        b.endObject()
        return b.bytes
    }

    /// REQSTS of a completed job, shaped like the documented examples (counts are strings):
    /// - P: `err_cd`, `err_msg` empty, `proc_cnt`, `status_cd`, `transTypCd` (no `err_cnt`);
    /// - PE: plus `err_cnt` and `error_report` (Vayana's example);
    /// - ER: `err_cd` IMSSAV005, `err_cnt` "0", `err_msg` "Schema validation failure", `proc_cnt` "0".
    static func status(_ outcome: IMSJobOutcome) -> [UInt8] {
        var b = JSONBuilder(capacity: 256 + outcome.errors.count * 160)
        b.beginObject()
        switch outcome.status {
        case .processed:
            b.field("err_cd", "")
            b.field("err_msg", "")
            b.field("proc_cnt", String(outcome.processedCount))
            b.field("status_cd", "P")
        case .processedWithErrors:
            b.field("err_cd", "")
            b.field("err_cnt", String(outcome.errorCount))
            b.field("err_msg", "")
            b.key("error_report")
            errorReport(outcome.errors, into: &b)
            b.field("proc_cnt", String(outcome.processedCount))
            b.field("status_cd", "PE")
        case .error:
            b.field("err_cd", IMSErrorCatalogue.schemaViolation.0)
            b.field("err_cnt", String(outcome.errorCount))
            b.field("err_msg", IMSErrorCatalogue.schemaViolation.1)
            b.field("proc_cnt", String(outcome.processedCount))
            b.field("status_cd", "ER")
        }
        b.field("transTypCd", transactionType(outcome.requestType))
        b.endObject()
        return b.bytes
    }

    /// `{"<section>":[{"error_cd","error_msg","inv":[{"inum","rtnprd"}],"stin"}]}`: failed records grouped by
    /// section key (the schema's keys; Vayana's sample shows `dn` for debit notes), then by supplier and
    /// error code in request order.
    static func errorReport(_ errors: [IMSRecordError], into b: inout JSONBuilder) {
        struct Group { var supplier: GSTIN; var code: (String, String); var docs: [(String, ReturnPeriod)] }
        var bySection: [IMSSection: [Group]] = [:]
        for e in errors {
            let code = message(for: e.reason)
            var groups = bySection[e.section] ?? []
            if let i = groups.firstIndex(where: { $0.supplier == e.supplier && $0.code.0 == code.0 }) {
                groups[i].docs.append((e.number, e.period))
            } else {
                groups.append(Group(supplier: e.supplier, code: code, docs: [(e.number, e.period)]))
            }
            bySection[e.section] = groups
        }
        b.beginObject()
        for section in bySection.keys.sorted(by: { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }) {
            b.key(section.rawValue)
            b.beginArray()
            for g in bySection[section]! {
                b.beginObject()
                b.field("error_cd", g.code.0)
                b.field("error_msg", g.code.1)
                b.key("inv")
                b.beginArray()
                for (number, period) in g.docs {
                    b.beginObject()
                    b.field("inum", number)
                    b.field("rtnprd", period.mmyyyy)
                    b.endObject()
                }
                b.endArray()
                b.field("stin", g.supplier.value)
                b.endObject()
            }
            b.endArray()
        }
        b.endObject()
    }

    static func message(for reason: IMSRecordErrorReason) -> (String, String) {
        switch reason {
        case .previousStatusMismatch: return IMSErrorCatalogue.previousStatusMismatch
        case .pendingNotAllowed: return IMSErrorCatalogue.pendingNotAllowed
        case .notFound: return IMSErrorCatalogue.notFound
        case .schemaViolation: return IMSErrorCatalogue.schemaViolation
        }
    }

    /// `{"reference_id":"…"}` — SAVE and RESETIMS answers.
    static func referenceID(_ id: String) -> [UInt8] {
        var b = JSONBuilder(capacity: 48)
        b.beginObject()
        b.field("reference_id", id)
        b.endObject()
        return b.bytes
    }

    /// `{"token":"…"}` — a GET whose result is split into files (FILEDET).
    static func fileToken(_ token: String) -> [UInt8] {
        var b = JSONBuilder(capacity: 64)
        b.beginObject()
        b.field("token", token)
        b.endObject()
        return b.bytes
    }

    /// FILEDET: `{"ek":…,"fc":N,"urls":[{"hash":…,"ic":N,"ul":"/taxpayerapi-doc/<key>"}]}`.
    static func fileDetails(_ set: FileBook.FileSet) -> [UInt8] {
        var b = JSONBuilder(capacity: 96 + set.files.count * 160)
        b.beginObject()
        b.field("ek", set.encryptionKey)
        b.field("fc", set.files.count)
        b.key("urls")
        b.beginArray()
        for f in set.files {
            b.beginObject()
            b.field("hash", f.hash)
            b.field("ic", f.itemCount)
            b.field("ul", ReturnsRoutes.fileURLPrefix + f.key)
            b.endObject()
        }
        b.endArray()
        b.endObject()
        return b.bytes
    }
}
