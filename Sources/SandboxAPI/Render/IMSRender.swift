import GSTCore

/// IMS responses as Sandbox writes them (`reference/sandbox-examples/ims_*`). Every function writes the
/// inner `data.data` object; keys are emitted in sorted order by hand.
enum IMSRender {
    /// `{"<section>":[record, …]}` — GET /invoices.
    static func invoices(_ records: [Document], section: IMSSection) -> [UInt8] {
        var b = JSONBuilder(capacity: 64 + records.count * 420)
        b.beginObject()
        b.key(section.rawValue)
        b.beginArray()
        for d in records { record(d, into: &b) }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// One GETINV record. Key order (byte order) depends on the section:
    /// invoices `… iamt, idt, inum, inv_typ, ispendactblocked, [oidt, oinum,] pos …`,
    /// notes `… iamt, inv_typ, ispendactblocked, nt_dt, nt_num, [ont_dt, ont_num,] pos …`;
    /// `ecom`/`ecoma` carry no `inv_typ`.
    static func record(_ d: Document, into b: inout JSONBuilder) {
        let section = d.section
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
        b.field("ispendactblocked", d.ims.pendingActionBlocked ? "Y" : "N")
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

    /// `{"all_oth":{"b2b":{accept,noaction,pending,reject},…,"ttl_cnt":N}}` — GET /invoices/count.
    /// Counts are numbers here (strings only in the status answer), as documented.
    static func counts(_ counts: [IMSSection: IMSCounts]) -> [UInt8] {
        var b = JSONBuilder(capacity: 640)
        b.beginObject()
        b.key("all_oth")
        b.beginObject()
        var total = 0
        // Section keys in byte order: b2b, b2ba, b2bcn, b2bcna, b2bdn, b2bdna, ecom, ecoma; then ttl_cnt.
        for section in IMSSection.allCases.sorted(by: { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }) {
            let c = counts[section] ?? IMSCounts()
            total += c.total
            b.key(section.rawValue)
            b.beginObject()
            b.field("accept", c.accept)
            b.field("noaction", c.noAction)
            b.field("pending", c.pending)
            b.field("reject", c.reject)
            b.endObject()
        }
        b.field("ttl_cnt", total)
        b.endObject()
        b.endObject()
        return b.bytes
    }

    /// `transTypCd` of the status answer: `SAV` (documented) for SAVE, `RST` (emulator's choice,
    /// undocumented) for RESET.
    static func transactionType(_ type: IMSRequestType) -> String {
        switch type {
        case .save: return "SAV"
        case .reset: return "RST"
        }
    }

    /// The status answer while the job runs (emulator's choice; Sandbox documents none):
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

    /// The status answer of a completed job, shaped like the documented examples:
    /// - P: `err_cd`, `err_msg` empty, `proc_cnt`, `status_cd`, `transTypCd` (no `err_cnt`);
    /// - PE: plus `err_cnt` and `error_report`;
    /// - ER: `err_cd` IMSSAV005, `err_cnt` "0", `err_msg` "Schema validation failure", `proc_cnt` "0".
    /// Counts are strings.
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

    /// `{"<section>":[{"error_cd","error_msg","inv":[{"inum","rtnprd"}],"stin"}]}`: failed records grouped
    /// by section key, then by supplier and error code (in the order they first appear in the request);
    /// each group lists its documents in `inv` (notes too, under `inum`, as in the vendor's example).
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
        for section in bySection.keys.sorted(by: { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }) {
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

    /// `{"reference_id":"…"}` — save, reset and regenerate answers.
    static func referenceID(_ id: String) -> [UInt8] {
        var b = JSONBuilder(capacity: 48)
        b.beginObject()
        b.field("reference_id", id)
        b.endObject()
        return b.bytes
    }
}
