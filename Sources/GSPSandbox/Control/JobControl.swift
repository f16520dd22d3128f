import GSTCore
import HTTPWire
import JSON
import ScenarioKit

/// `/_sandbox/tenants/{id}/jobs`: list a tenant's asynchronous jobs; complete or fail one now.
enum JobControl {
    static var routes: [Route<ApplicationContext>] { [list, complete, fail] }

    static func jobJSON(_ job: Job) -> JSONValue {
        var o: [String: JSONValue] = [
            "reference_id": .string(job.referenceID),
            "recipient": .string(job.recipient.value),
            "submitted_at": .string(ScenarioTime.format(job.submittedAt)),
            "polls": .number(JSONNumber(job.polls)),
            "status": .string(status(job)),
        ]
        o["kind"] = .string(job.work.controlKind)
        if let period = job.work.controlPeriod { o["period"] = .string(period.mmyyyy) }
        if let at = job.completedAt { o["completed_at"] = .string(ScenarioTime.format(at)) }
        return .object(o)
    }

    /// GSTN's status codes: `IP` in progress, `P` processed, `PE` processed with errors, `ER` error.
    static func status(_ job: Job) -> String {
        job.result?.status.rawValue ?? "IP"
    }

    static let list = Route<ApplicationContext>(.get, "/_sandbox/tenants/{id}/jobs", operation: "control.jobs.list", api: .control) { _, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            ControlReply.json(.object(["jobs": .array(tenant.read { $0.jobList.map(jobJSON) })]))
        }
    }

    static func end(_ parameters: PathParameters, _ context: ApplicationContext,
                    _ action: @escaping (inout TenantState, String) throws(JobControlError) -> Job) -> HTTPResponse {
        ControlReply.withTenant(parameters, context) { tenant in
            let ref = parameters["ref"] ?? ""
            let result = tenant.write { s -> Result<Job, JobControlError> in
                do throws(JobControlError) { return .success(try action(&s, ref)) } catch { return .failure(error) }
            }
            switch result {
            case .success(let job): return ControlReply.json(jobJSON(job))
            case .failure(.unknownJob(let r)): return ControlReply.error(.notFound, "no job \"\(r)\" in tenant \"\(tenant.id)\"")
            case .failure(.alreadyCompleted(let r)): return ControlReply.error(.conflict, "job \"\(r)\" has already completed")
            }
        }
    }

    static let complete = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/jobs/{ref}/complete", operation: "control.jobs.complete", api: .control) { _, parameters, context in
        end(parameters, context) { (s: inout TenantState, ref: String) throws(JobControlError) in try s.forceCompleteJob(ref) }
    }

    static let fail = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/jobs/{ref}/fail", operation: "control.jobs.fail", api: .control) { _, parameters, context in
        end(parameters, context) { (s: inout TenantState, ref: String) throws(JobControlError) in try s.forceFailJob(ref) }
    }
}
