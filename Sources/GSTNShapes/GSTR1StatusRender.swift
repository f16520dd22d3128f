import GSTCore

/// The return status of a GSTR-1 job (`reference/sandbox-examples/gst_return_status.*`):
/// `{action, [error_report,] form_typ:"R1", status_cd}`.
package enum GSTR1StatusRender {
    /// GSTN's code and message for a refused record. RET191114 / RET191115 and "Invalid POS" are
    /// documented; RET191113 for a document already in a filed return is this emulator's choice.
    package static func code(_ reason: GSTR1RecordErrorReason) -> (code: String, message: String) {
        switch reason {
        case .invoiceDateOutOfRange:
            return ("RET191114", "Date is Invalid. Date of invoice cannot exceed the current tax period and be older than 18 months or older than registration date.")
        case .noteDateOutOfRange:
            return ("RET191115", "Date is Invalid. Date of note cannot exceed the current tax period .")
        case .invalidPlaceOfSupply:
            return ("RET191114", "Invalid POS")
        case .documentAlreadyFiled:
            return ("RET191113", "Document already exists in a filed return.")
        }
    }

    /// Documented job-level errors.
    package static func code(_ failure: GSTR1JobFailure) -> (code: String, message: String) {
        switch failure {
        case .malformed: return ("RET191106", "Error in Json structure validation.")
        case .resetInProgress: return ("RET191251", "RESET is under process. Please try again later")
        }
    }

    static func action(_ a: GSTR1Action) -> String {
        switch a { case .save: return "SAVE"; case .reset: return "RESET"; case .proceed: return "PROCEED" }
    }

    /// A job not yet completed: status `REC` (request received), as the reset example shows.
    package static func inProgress(_ a: GSTR1Action) -> JSONValue {
        .object(["action": .string(action(a)), "form_typ": "R1", "status_cd": "REC"])
    }

    package static func status(_ outcome: GSTR1JobOutcome) -> JSONValue {
        var o: [String: JSONValue] = ["action": .string(action(outcome.action)), "form_typ": "R1"]
        switch outcome.status {
        case .processed:
            o["status_cd"] = "P"
        case .error:
            let (c, m) = code(outcome.failure!)
            o["status_cd"] = "ER"
            o["error_report"] = .object(["error_cd": .string(c), "error_msg": .string(m)])
        case .processedWithErrors:
            o["status_cd"] = "PE"
            o["error_report"] = errorReport(outcome.errors)
        }
        return .object(o)
    }

    /// Per section: grouped records as `{<group fields>, error_cd, error_msg, inv|nt:[…]}` (records of one
    /// group with the same error share an entry), flat records as `{<record>, error_cd, error_msg}`, and
    /// nil / hsn / doc_issue as one object (not a list), as the documented PE example shows.
    static func errorReport(_ errors: [GSTR1RecordError]) -> JSONValue {
        var report: [String: JSONValue] = [:]
        var lists: [String: [[String: JSONValue]]] = [:]
        for e in errors {
            let (c, m) = code(e.reason)
            let w = e.wire
            if let innerKey = w.innerKey {
                var entries = lists[w.section] ?? []
                if let i = entries.firstIndex(where: { entry in
                    entry["error_cd"]?.stringValue == c && entry["error_msg"]?.stringValue == m
                        && w.group.allSatisfy { entry[$0.key] == $0.value }
                }) {
                    entries[i][innerKey] = .array((entries[i][innerKey]?.arrayValue ?? []) + [w.inner])
                } else {
                    var entry = w.group
                    entry["error_cd"] = .string(c); entry["error_msg"] = .string(m)
                    entry[innerKey] = .array([w.inner])
                    entries.append(entry)
                }
                lists[w.section] = entries
            } else {
                var entry = w.inner.objectValue ?? [:]
                entry["error_cd"] = .string(c); entry["error_msg"] = .string(m)
                if GSTR1SavedSection(rawValue: w.section)?.isWholeObject == true {
                    report[w.section] = .object(entry)
                } else {
                    lists[w.section, default: []].append(entry)
                }
            }
        }
        for (k, v) in lists { report[k] = .array(v.map { .object($0) }) }
        return .object(report)
    }
}
