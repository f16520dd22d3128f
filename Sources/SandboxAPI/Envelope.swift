import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// Sandbox's response envelopes, written straight into bytes with keys in sorted order.
///
/// Every body has the same outer shape, `{"code":…,"data":…,"timestamp":…,"transaction_id":"…"}`
/// (platform errors put `message` where `data` would be). `code`, `data`/`message` come first in byte
/// order and `timestamp`, `transaction_id` last, so a cached `data` fragment is spliced between a fixed
/// prefix and the per-response stamp without re-rendering anything.
enum Envelope {
    /// What every response carries: the tenant clock in epoch milliseconds and a UUID.
    ///
    /// The UUID is kept as its 128 bits and written straight into the body: formatting it as a String
    /// first cost a quarter of a cached GET's time. The bits are drawn exactly as `IDGenerator.transactionID()`
    /// draws them (two `next()` values, version 4, variant 10), so a seeded tenant produces the same ids
    /// as the core's own formatter (tested).
    struct Stamp: Sendable {
        var timestamp: Int64
        var high: UInt64
        var low: UInt64

        /// A stamp for a response outside any tenant: wall-clock time and a random UUID.
        static func anonymous(_ realTime: RealTime) -> Stamp {
            var ids = IDGenerator(seed: nil)
            return Stamp(timestamp: realTime.now(), ids: &ids)
        }

        /// Draws the UUID from `ids`, as `IDGenerator.transactionID()` does.
        init(timestamp: Int64, ids: inout IDGenerator) {
            self.timestamp = timestamp
            high = (ids.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
            low = (ids.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        }

        /// The lowercase 8-4-4-4-12 text.
        var transactionID: String { String(decoding: uuidBytes, as: UTF8.self) }

        var uuidBytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(36)
            Stamp.appendUUID(high, low, to: &out)
            return out
        }

        /// Appends the 36 characters in one piece: formatted in place, without a capacity check per byte.
        @inline(__always)
        static func appendUUID(_ high: UInt64, _ low: UInt64, to out: inout [UInt8]) {
            let start = out.count
            out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: 36))
            out.withUnsafeMutableBufferPointer { buffer in
                // Nibble i of the 128 bits (0 = most significant) goes to `position`, skipping the dashes
                // at 8, 13, 18 and 23.
                var position = start
                for i in 0..<32 {
                    if i == 8 || i == 12 || i == 16 || i == 20 { position += 1 }
                    let word = i < 16 ? high : low
                    let d = UInt8(truncatingIfNeeded: (word >> UInt64(60 - 4 * (i & 15))) & 0xF)
                    buffer[position] = d < 10 ? 48 + d : 87 + d
                    position += 1
                }
            }
        }
    }

    /// HTTP 200, `{"code":200,"data":<data>,…}` where `data` is already-rendered JSON.
    static func ok(data: some Collection<UInt8>, stamp: Stamp, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var out: [UInt8] = []
        out.reserveCapacity(19 + data.count + stampCapacity)
        out.append(contentsOf: #"{"code":200,"data":"#.utf8)
        out.append(contentsOf: data)
        appendStamp(stamp, to: &out)
        return response(.ok, out, headers)
    }

    /// Business outcome: `data = {"data":<inner>,"status_cd":"1"}`.
    static func success(inner: some Collection<UInt8>, stamp: Stamp, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var out: [UInt8] = []
        out.reserveCapacity(28 + inner.count + 16 + stampCapacity)
        out.append(contentsOf: #"{"code":200,"data":{"data":"#.utf8)
        out.append(contentsOf: inner)
        out.append(contentsOf: #","status_cd":"1"}"#.utf8)
        appendStamp(stamp, to: &out)
        return response(.ok, out, headers)
    }

    /// Business error (HTTP 200): `data = {"error":{"error_cd":…,"message":…},"status_cd":"0"}`.
    static func businessError(_ error: GSTNError, stamp: Stamp) -> HTTPResponse {
        ok(data: errorData(error), stamp: stamp)
    }

    /// The `data` value of a business success: `{"data":<inner>,"status_cd":"1"}` (cacheable).
    static func successData(_ inner: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(inner.count + 32)
        out.append(contentsOf: #"{"data":"#.utf8)
        out.append(contentsOf: inner)
        out.append(contentsOf: #","status_cd":"1"}"#.utf8)
        return out
    }

    /// The `data` value of a business error: `{"error":{"error_cd":…,"message":…},"status_cd":"0"}`.
    static func errorData(_ error: GSTNError) -> [UInt8] {
        var b = JSONBuilder(capacity: 256)
        b.beginObject()
        b.key("error"); b.beginObject()
        b.field("error_cd", error.code)
        b.field("message", error.message)
        b.endObject()
        b.field("status_cd", "0")
        b.endObject()
        return b.bytes
    }

    /// Platform / gateway error: HTTP status = `code`, `{"code":…,"message":…,…}`.
    static func platformError(_ error: PlatformError, stamp: Stamp) -> HTTPResponse {
        var out: [UInt8] = []
        out.reserveCapacity(160 + stampCapacity)
        out.append(contentsOf: #"{"code":"#.utf8)
        JSONBuilder.appendDecimal(error.status.code, to: &out)
        out.append(contentsOf: #","message":"#.utf8)
        JSONBuilder.appendQuoted(error.message, to: &out)
        appendStamp(stamp, to: &out)
        return response(error.status, out, error.headers)
    }

    /// The longest stamp `appendStamp` writes: 13 + 20 digits + 19 + 36 + 2 bytes. Bodies reserve it
    /// up front, so appending the stamp never reallocates (and copies) a large body.
    static let stampCapacity = 90

    /// `,"timestamp":N,"transaction_id":"…"}` — closes the outer object.
    @inline(__always)
    static func appendStamp(_ stamp: Stamp, to out: inout [UInt8]) {
        out.append(contentsOf: #","timestamp":"#.utf8)
        JSONBuilder.appendDecimal(stamp.timestamp, to: &out)
        out.append(contentsOf: #","transaction_id":""#.utf8)
        Stamp.appendUUID(stamp.high, stamp.low, to: &out)
        out.append(contentsOf: #""}"#.utf8)
    }

    static func response(_ status: HTTPStatus, _ body: [UInt8], _ extra: HTTPHeaders) -> HTTPResponse {
        .json(status, body, headers: extra)
    }
}
