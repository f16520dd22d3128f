/// The version `gsp-sandbox --version` and `GET /_sandbox/health` report.
public enum SandboxVersion {
    public static let current = "0.1.0"
}
