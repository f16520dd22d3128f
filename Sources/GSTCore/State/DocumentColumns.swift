import Dispatch

/// The per-document columns of a store being built — live IMS state, fingerprint, 2B metadata —
/// computed in one pass over the documents, split across the cores: each chunk of positions is written by
/// one thread into storage allocated up front, so no thread waits for another and nothing is copied
/// afterwards. (A 1,000,000-document world spent over half its build computing these one by one.)
struct DocumentColumns {
    var ims: [IMSRecordState] = []
    var digests: [DocumentDigest] = []
    var meta: [DocumentMeta] = []

    /// Below this many documents one thread does it all: starting threads would cost more.
    static let parallelThreshold = 20_000
    /// Chunks of a parallel build: more than the cores of any machine it runs on, so
    /// `concurrentPerform` keeps every core busy without asking how many there are.
    static let parallelChunks = 64

    /// - Parameter supplierOf: each document's interned supplier (`DocumentStore.suppliers`).
    init(_ documents: [Document], supplierOf: [Int32]) {
        let count = documents.count
        let chunks = count < Self.parallelThreshold ? 1 : Self.parallelChunks
        let chunkSize = (count + chunks - 1) / max(chunks, 1)
        documents.withUnsafeBufferPointer { docs in
            ims = Array(unsafeUninitializedCapacity: count) { imsOut, imsCount in
                digests = Array(unsafeUninitializedCapacity: count) { digestOut, digestCount in
                    meta = Array(unsafeUninitializedCapacity: count) { metaOut, metaCount in
                        // Each thread writes only its own chunk's positions: disjoint, so no data race.
                        nonisolated(unsafe) let (source, imsAt, digestAt, metaAt) =
                            (docs, imsOut.baseAddress!, digestOut.baseAddress!, metaOut.baseAddress!)
                        let fill: @Sendable (Int) -> Void = { chunk in
                            let start = chunk * chunkSize
                            guard start < count else { return }  // more chunks than positions
                            var writer = CanonicalWriter.forFingerprint()
                            // `source[i]` is borrowed by each call, never copied (a copy retains every field).
                            for i in start..<min(count, start + chunkSize) {
                                (imsAt + i).initialize(to: source[i].ims)
                                (digestAt + i).initialize(to: DocumentDigest(source[i], writer: &writer))
                                (metaAt + i).initialize(to: DocumentMeta(source[i], supplier: supplierOf[i]))
                            }
                        }
                        if chunks == 1 { fill(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: fill) }
                        metaCount = count
                    }
                    digestCount = count
                }
                imsCount = count
            }
        }
    }
}
