import JSON
import Testing
@testable import GSTCore

@Suite struct JSONWriterTests {
    @Test func sortedCompactOutput() {
        let v: JSONValue = ["transaction_id": "t", "code": 200, "data": ["status_cd": "1", "access_token": "x"], "timestamp": 5]
        #expect(JSONWriter.string(v) == #"{"code":200,"data":{"access_token":"x","status_cd":"1"},"timestamp":5,"transaction_id":"t"}"#)
    }

    @Test func sortIsByteOrder() {
        // uppercase before lowercase, '_' (0x5F) between them; non-ASCII last
        let v: JSONValue = ["b": 1, "B": 2, "_": 3, "é": 4, "a": 5, "transTypCd": 6, "trans": 7]
        #expect(JSONWriter.string(v) == #"{"B":2,"_":3,"a":5,"b":1,"trans":7,"transTypCd":6,"é":4}"#)
    }

    @Test func escapes() {
        let v: JSONValue = .string("q\"b\\s/n\nr\rt\tb\u{8}f\u{c}z\u{0}u\u{1f}é😀")
        #expect(JSONWriter.string(v) == #""q\"b\\s/n\nr\rt\tb\bf\fz\u0000u\u001fé😀""#)
    }

    @Test func roundTripsExactly() throws {
        let texts = [
            #"{"a":[1,2.50,-0.1,1e-7,1E+300],"b":{"c":null,"d":true,"e":false},"s":"x\"y\u0001"}"#,
            #"[]"#, #"{}"#, #"[[],{},[{}]]"#, #""""#, #"0"#,
        ]
        for t in texts {
            let v = try JSONParser.parse(t)
            let out = JSONWriter.write(v)
            #expect(try JSONParser.parse(out) == v)
            #expect(JSONWriter.write(try JSONParser.parse(out)) == out)
        }
        // already sorted + compact input comes back byte for byte
        let canonical = #"{"a":[1,2.50,-0.1,1e-7],"s":"é\n"}"#
        #expect(JSONWriter.string(try JSONParser.parse(canonical)) == canonical)
    }

    @Test func pretty() {
        let v: JSONValue = ["b": [1, 2], "a": [:], "c": [], "d": ["x": "y"]]
        let expected = """
        {
          "a": {},
          "b": [
            1,
            2
          ],
          "c": [],
          "d": {
            "x": "y"
          }
        }

        """
        #expect(JSONWriter.string(v, pretty: true) == expected)
    }

    @Test func builderMatchesWriter() {
        var b = JSONBuilder()
        b.beginObject()
        b.key("a"); b.beginArray(); b.int(1); b.int(-20); b.amount(Amount(paise: 39744)); b.amount(Amount(paise: 25860))
        b.amount(Amount(paise: 188800)); b.amount(Amount(paise: 5)); b.amount(.zero); b.endArray()
        b.key("b"); b.beginObject(); b.endObject()
        b.key("c"); b.beginArray(); b.endArray()
        b.field("d", "x\"y")
        b.field("e", true)
        b.key("f"); b.null()
        b.key("g"); b.raw(Array(#"{"k":[1]}"#.utf8))
        b.key("h" as String); b.value(["z": 1, "y": [true]])
        b.key("i"); b.number(JSONNumber(text: "1e3")!)
        b.key("j"); b.int(Int64.min)
        b.key("k"); b.int(UInt64.max)
        b.endObject()
        let out = String(decoding: b.bytes, as: UTF8.self)
        #expect(out == #"{"a":[1,-20,397.44,258.6,1888,0.05,0],"b":{},"c":[],"d":"x\"y","e":true,"f":null,"g":{"k":[1]},"h":{"y":[true],"z":1},"i":1e3,"j":-9223372036854775808,"k":18446744073709551615}"#)
        // and it is valid, sorted JSON
        let v = try? JSONParser.parse(b.bytes)
        #expect(v.map { JSONWriter.write($0) } == b.bytes)
    }

    @Test func builderTopLevelArrays() {
        var b = JSONBuilder()
        b.beginArray()
        b.beginObject(); b.field("a", 1); b.endObject()
        b.beginObject(); b.endObject()
        b.beginArray(); b.endArray()
        b.string("s")
        b.endArray()
        #expect(String(decoding: b.bytes, as: UTF8.self) == #"[{"a":1},{},[],"s"]"#)
    }

    @Test func vendorExampleRoundTrip() throws {
        let body = #"{"code":200,"data":{"data":{"b2b":[{"action":"N","camt":0,"iamt":397.44,"val":2605.44}]},"status_cd":"1"},"timestamp":1763446641000,"transaction_id":"661cc68b-0e48-4d39-a744-9afd56895340"}"#
        let v = try JSONParser.parse(body)
        #expect(v["data"]?["data"]?["b2b"]?[0]?["iamt"]?.amountValue == Amount(paise: 39744))
        #expect(JSONWriter.string(v) == body)
    }
}
