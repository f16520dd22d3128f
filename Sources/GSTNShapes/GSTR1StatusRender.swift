import GSTCore
import JSON

/// The return status of a GSTR-1 job (`reference/sandbox-examples/gst_return_status.*`):
/// `{action, [error_report,] form_typ:"R1", status_cd}`.
package enum GSTR1StatusRender {
    /// GSTN's error for a refused record.
    package static func gstnError(_ reason: GSTR1RecordErrorReason) -> GSTNError {
        switch reason {
        case .invoiceDateOutOfRange: return .invoiceDateOutOfRange
        case .noteDateOutOfRange: return .noteDateOutOfRange
        case .invalidPlaceOfSupply: return .invalidPlaceOfSupply
        case .documentAlreadyFiled: return .documentAlreadyFiled
        case .rateNotInList: return .rateNotInList
        case .hsnLengthNotPerAATO: return .hsnLengthNotPerAATO
        }
    }

    /// GSTN's error for a job that failed as a whole.
    package static func gstnError(_ failure: GSTR1JobFailure) -> GSTNError {
        switch failure {
        case .malformed: return .jsonStructureInvalid
        case .resetInProgress: return .resetInProgressJob
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
            let e = gstnError(outcome.failure!)
            o["status_cd"] = "ER"
            o["error_report"] = .object(["error_cd": .string(e.code), "error_msg": .string(e.message)])
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
            let error = gstnError(e.reason)
            let (c, m) = (error.code, error.message)
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
