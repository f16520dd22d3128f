// libFuzzer entry point for the JSON parser and writer (every request body and scenario file goes
// through them). Properties checked on every input:
//   1. no trap, no unbounded recursion (the parser's depth limit; run with -rss_limit_mb);
//   2. whatever parses, written back (compact and pretty), parses to an equal value;
//   3. writing is stable: the compact text of the reparsed value is byte-identical;
//   4. both duplicate-key policies agree on documents without duplicates.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))

    let lastWins = try? JSONParser.parse(bytes, options: .init(duplicateKeys: .lastWins))
    guard let value = try? JSONParser.parse(bytes) else {
        // Rejected as a whole; with lastWins it may still parse (duplicate keys), and must then
        // round-trip like any other value.
        if let lastWins { checkRoundTrip(lastWins) }
        return 0
    }
    precondition(lastWins == value, "lastWins parses a duplicate-free document differently")
    checkRoundTrip(value)
    return 0
}

func checkRoundTrip(_ value: JSONValue) {
    let compact = JSONWriter.write(value)
    guard let again = try? JSONParser.parse(compact) else {
        preconditionFailure("written JSON does not parse: \(String(decoding: compact, as: UTF8.self))")
    }
    precondition(again == value, "parse → write → parse changed the value")
    precondition(JSONWriter.write(again) == compact, "writing the same value twice gave different bytes")

    let pretty = JSONWriter.write(value, pretty: true)
    guard let fromPretty = try? JSONParser.parse(pretty) else {
        preconditionFailure("pretty JSON does not parse: \(String(decoding: pretty, as: UTF8.self))")
    }
    precondition(fromPretty == value, "pretty write → parse changed the value")
}
