import Dispatch
import GSTCore
import Glibc
import Logging
import ScenarioKit
import Synchronization

/// `serve --watch`: polls the scenario files' modification times every 500 ms on a Dispatch timer;
/// when one changes, its tenant is reset to the new file's world and fault rules (logins kept), as
/// `PUT /_sandbox/tenants/{id}/scenario` would. An invalid edit is logged, one `FILE: $.path:
/// problem` line each, and the tenant keeps its old world.
public final class ScenarioWatcher: @unchecked Sendable {  // the timer is only resumed and cancelled, both thread-safe
    private let timer: any DispatchSourceTimer
    private let stamps: Stamps

    /// Last seen modification stamp per path (a class, so the timer's closure can share it).
    final class Stamps: Sendable {
        let values: Mutex<[String: Int64]>
        init(_ v: [String: Int64]) { values = Mutex(v) }
    }

    /// - Parameters:
    ///   - files: each watched path with the id of the tenant it built.
    ///   - onReload: called on the watcher's queue after each reload attempt, with its outcome (tests).
    public init(context: ApplicationContext, files: [(path: String, tenant: String)], logger: Logger,
                interval: Duration = .milliseconds(500), onReload: (@Sendable (String, ReloadOutcome) -> Void)? = nil) {
        var initial: [String: Int64] = [:]
        for f in files { initial[f.path] = Self.mtime(f.path) }
        let stamps = Stamps(initial)
        self.stamps = stamps
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "gsp-sandbox.watch"))
        let ms = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        timer.schedule(deadline: .now() + .milliseconds(ms), repeating: .milliseconds(ms))
        timer.setEventHandler {
            for f in files {
                let now = Self.mtime(f.path)
                let changed = stamps.values.withLock { s -> Bool in
                    guard s[f.path] != now else { return false }
                    s[f.path] = now
                    return true
                }
                guard changed, now != 0 else { continue }
                let outcome = Self.reload(path: f.path, tenant: f.tenant, context: context)
                switch outcome {
                case .reloaded: logger.info("scenario \(f.path) reloaded into tenant \(f.tenant)")
                case .kept(let why): logger.error("scenario \(f.path) changed but is invalid; keeping the previous world:\n\(why)")
                }
                onReload?(f.path, outcome)
            }
        }
        self.timer = timer
        timer.resume()
    }

    /// Watches the files the sandbox's world was loaded from (`paths` in the order given to it).
    public convenience init(context: ApplicationContext, scenarioPaths paths: [String], logger: Logger) {
        self.init(context: context, files: zip(paths, context.world.scenarios).map { ($0, $1.name) }, logger: logger)
    }

    public func cancel() { timer.cancel() }

    /// What a reload did.
    public enum ReloadOutcome: Equatable, Sendable {
        case reloaded
        /// The edit is invalid (`FILE: $.path: problem` lines, or why the tenant refused it); the old world stays.
        case kept(String)
    }

    /// Reloads one file into its tenant, or keeps the tenant's world when the edit is invalid.
    public static func reload(path: String, tenant: String, context: ApplicationContext) -> ReloadOutcome {
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: path) } catch {
            return .kept(error.description)
        }
        do throws(ScenarioControl.InstallError) { _ = try ScenarioControl.install(scenario, intoTenant: tenant, context: context) } catch {
            return .kept("cannot load into tenant \(tenant): \(error.description)")
        }
        return .reloaded
    }

    /// Modification time in nanoseconds (0 when the file cannot be read).
    static func mtime(_ path: String) -> Int64 {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec) &+ Int64(st.st_size)
    }
}
