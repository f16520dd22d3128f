import GSTCore
import JSON

/// GSTN's IMS job answers, the same through both GSPs: the status of a SAVE / RESET job (Sandbox's
/// `GET …/invoices/status`, Vayana's REQSTS), its `error_report`, and the `{"reference_id"}` answer.
package enum IMSStatusRender {
    /// `transTypCd` of the status answer: `SAV` (documented) for SAVE, `RST` (emulator's choice,
    /// undocumented) for RESET.
    package static func transactionType(_ type: IMSRequestType) -> String {
        switch type {
        case .save: return "SAV"
        case .reset: return "RST"
        }
    }

    /// The status answer while the job runs (emulator's choice; Sandbox documents none):
    /// `{"err_cd":"","err_msg":"","proc_cnt":"0","status_cd":"IP","transTypCd":…}`.
    package static func statusInProgress(_ type: IMSRequestType) -> [UInt8] {
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
    package static func status(_ outcome: IMSJobOutcome) -> [UInt8] {
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
            b.field("err_cd", GSTNError.imsSchemaViolation.code)
            b.field("err_cnt", String(outcome.errorCount))
            b.field("err_msg", GSTNError.imsSchemaViolation.message)
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
    package static func errorReport(_ errors: [IMSRecordError], into b: inout JSONBuilder) {
        struct Group { var supplier: GSTIN; var error: GSTNError; var docs: [(String, ReturnPeriod)] }
        var bySection: [IMSSection: [Group]] = [:]
        for e in errors {
            let error = gstnError(for: e.reason)
            var groups = bySection[e.section] ?? []
            if let i = groups.firstIndex(where: { $0.supplier == e.supplier && $0.error.code == error.code }) {
                groups[i].docs.append((e.number, e.period))
            } else {
                groups.append(Group(supplier: e.supplier, error: error, docs: [(e.number, e.period)]))
            }
            bySection[e.section] = groups
        }
        b.beginObject()
        for section in bySection.keys.sorted(by: { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }) {
            b.key(section.rawValue)
            b.beginArray()
            for g in bySection[section]! {
                b.beginObject()
                b.field("error_cd", g.error.code)
                b.field("error_msg", g.error.message)
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

    package static func gstnError(for reason: IMSRecordErrorReason) -> GSTNError {
        switch reason {
        case .previousStatusMismatch: return .imsPreviousStatusMismatch
        case .pendingNotAllowed: return .imsPendingNotAllowed
        case .notFound: return .imsInvoiceNotFound
        case .schemaViolation: return .imsSchemaViolation
        }
    }

    /// `{"reference_id":"…"}` — save, reset and regenerate answers.
    package static func referenceID(_ id: String) -> [UInt8] {
        var b = JSONBuilder(capacity: 48)
        b.beginObject()
        b.field("reference_id", id)
        b.endObject()
        return b.bytes
    }
}
