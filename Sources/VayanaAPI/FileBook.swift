import GSTCore
import Synchronization

/// Large results split into files, as GSTN hands them out: a GET whose result is larger than the
/// scenario's file size answers a `token`; FILEDET with that token lists the files
/// (`fc`, `urls[{ul, ic, hash}]`, `ek`); FILEDOWNLOAD of a `ul` with the `ek` in `X-FLYNN-N-FILEDET-EKEY`
/// returns one file's JSON.
///
/// Files are rendered when the token is issued, so they are a snapshot of that moment (as GSTN's are).
/// Bounded: past `limit` file sets the book is emptied (old tokens then answer 404).
final class FileBook: Sendable {
    /// Which FILEDET route may describe a set.
    enum Scope: Sendable, Hashable { case returns, ims }

    struct StoredFile: Sendable {
        /// The path segment after `/taxpayerapi-doc/`.
        let key: String
        /// The decrypted JSON of the file, served as FILEDOWNLOAD's `data`.
        let bytes: [UInt8]
        /// `ic`: documents in the file.
        let itemCount: Int
        /// `hash`: SHA-256 (hex) of `bytes`.
        let hash: String
    }

    struct FileSet: Sendable {
        let tenant: Tenant
        let gstin: GSTIN
        let scope: Scope
        /// `ek`: base64 of 32 random bytes.
        let encryptionKey: String
        let files: [StoredFile]
    }

    private struct Books {
        var sets: [String: FileSet] = [:]
        var keys: [String: (token: String, index: Int)] = [:]
        var random = IDGenerator(seed: nil)
    }

    private let books = Mutex(Books())
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// Stores `files` (JSON bytes and document count each) and returns the token that names them.
    func register(tenant: Tenant, gstin: GSTIN, scope: Scope, files: [(bytes: [UInt8], itemCount: Int)]) -> String {
        books.withLock { b in
            if b.sets.count >= limit { b.sets.removeAll(); b.keys.removeAll() }
            var token: String
            repeat { token = b.random.hexToken(byteCount: 16) } while b.sets[token] != nil
            var stored: [StoredFile] = []
            for (i, f) in files.enumerated() {
                var key: String
                repeat { key = b.random.hexToken(byteCount: 20) } while b.keys[key] != nil
                b.keys[key] = (token, i)
                stored.append(StoredFile(key: key, bytes: f.bytes, itemCount: f.itemCount, hash: SHA256.hex(f.bytes)))
            }
            var keyBytes: [UInt8] = []
            for _ in 0..<4 { withUnsafeBytes(of: b.random.next().bigEndian) { keyBytes.append(contentsOf: $0) } }
            b.sets[token] = FileSet(tenant: tenant, gstin: gstin, scope: scope, encryptionKey: Base64.encode(keyBytes), files: stored)
            return token
        }
    }

    func fileSet(token: String) -> FileSet? { books.withLock { $0.sets[token] } }

    /// The file whose `ul` ends in `key`, with its set.
    func file(key: String) -> (set: FileSet, file: StoredFile)? {
        books.withLock { b in
            guard let (token, index) = b.keys[key], let set = b.sets[token], index < set.files.count else { return nil }
            return (set, set.files[index])
        }
    }

    var count: Int { books.withLock { $0.sets.count } }
}

/// RFC 4648 base64 with padding (for `ek`).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int((n >> UInt32(shift)) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            var n = UInt32(bytes[i]) << 16
            if rest == 2 { n |= UInt32(bytes[i + 1]) << 8 }
            out.append(alphabet[Int((n >> 18) & 63)])
            out.append(alphabet[Int((n >> 12) & 63)])
            out.append(rest == 2 ? alphabet[Int((n >> 6) & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
