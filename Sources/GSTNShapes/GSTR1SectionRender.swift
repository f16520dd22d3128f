import GSTCore
import JSON

/// GSTR-1 section GETs beyond B2B/B2BA, in GSTN's payload shape (the saved records as sent, each with
/// a `chksum`), and the CDNR/CDNRA notes built from the world's documents.
package enum GSTR1SectionRender {
    /// SHA-256 (hex) of a record's compact JSON with sorted keys: GSTN's per-record `chksum`.
    package static func checksum(_ v: JSONValue) -> String { SHA256.hex(JSONWriter.write(v)) }

    /// ecom / ecoma: `{"<part>":[…]}`; grouped parts regrouped by their parties (or place of supply)
    /// in order of first appearance, each record with its checksum, as the GET schemas require.
    static func ecom(_ records: [GSTR1SavedRecord]) -> JSONValue {
        var parts: [String: [JSONValue]] = [:]
        var groups: [String: [(group: [String: JSONValue], key: String, members: [JSONValue])]] = [:]
        for r in records {
            var group = r.wire.group
            let part = group.removeValue(forKey: "part")?.stringValue ?? ""
            let record = withChecksum(r.wire.inner)
            guard let innerKey = r.wire.innerKey else { parts[part, default: []].append(record); continue }
            if let i = groups[part]?.firstIndex(where: { $0.group == group }) {
                groups[part]![i].members.append(record)
            } else {
                groups[part, default: []].append((group, innerKey, [record]))
            }
        }
        for (part, list) in groups {
            parts[part, default: []] += list.map { g in
                var o = g.group
                o[g.key] = .array(g.members)
                return .object(o)
            }
        }
        return .object(parts.mapValues { .array($0) })
    }

    /// `flag` "N" as GSTN returns it on B2CS rows and the NIL, HSN and DOC_ISSUE objects (the official
    /// examples of those GETs): the save request's own `flag` is not kept.
    static func flagged(_ v: JSONValue) -> JSONValue {
        guard var o = v.objectValue else { return v }
        o["flag"] = "N"
        return .object(o)
    }

    static func withChecksum(_ v: JSONValue) -> JSONValue {
        guard var o = v.objectValue else { return v }
        o["chksum"] = nil
        o["chksum"] = .string(checksum(.object(o)))
        return .object(o)
    }

    /// The saved section as GSTN returns it: `{"<key>":[…]}`, or `{"<key>":{…}}` for nil/hsn/doc_issue.
    /// Grouped sections are regrouped (group order = first appearance). `filter` keeps only groups whose
    /// `pos` equals it (b2cl / b2cla `state_code`).
    package static func saved(_ section: GSTR1SavedSection, records: [GSTR1SavedRecord], posFilter: String? = nil) -> JSONValue {
        let key = section.rawValue
        if !section.operatorTables.isEmpty {
            // `{"supeco":{"clttx":[…],"paytx":[…]}}`: rows as saved, without a checksum (the GET schema has none).
            var tables: [String: JSONValue] = [:]
            for r in records {
                let table = r.wire.group["table"]?.stringValue ?? section.operatorTables[0]
                tables[table] = .array((tables[table]?.arrayValue ?? []) + [r.wire.inner])
            }
            return .object([key: .object(tables)])
        }
        if !section.ecomParts.isEmpty { return .object([key: ecom(records)]) }
        if section.isWholeObject {
            return .object([key: records.first.map { flagged(withChecksum($0.wire.inner)) } ?? .object([:])])
        }
        var groups: [JSONValue] = []
        var order: [[String: JSONValue]] = []
        var members: [[JSONValue]] = []
        for r in records {
            guard let innerKey = r.wire.innerKey else {
                let record = withChecksum(r.wire.inner)
                groups.append(section == .b2cs || section == .b2csa ? flagged(record) : record)
                continue
            }
            if let f = posFilter, r.wire.group["pos"]?.stringValue != f { continue }
            if let i = order.firstIndex(of: r.wire.group) {
                members[i].append(withChecksum(r.wire.inner))
            } else {
                order.append(r.wire.group); members.append([withChecksum(r.wire.inner)])
            }
            _ = innerKey
        }
        for (g, m) in zip(order, members) {
            var o = g
            o["inv"] = .array(m)
            groups.append(.object(o))
        }
        return .object([key: .array(groups)])
    }

    /// `itms` of a note: `[{itm_det:{csamt, iamt | camt, samt, rt, txval},num}]` — the heads of its
    /// supply only (`iamt` inter-state, `camt`/`samt` intra-state), as the official CDNR example shows.
    package static func items(_ d: Document) -> JSONValue {
        let interState = d.isInterState
        return .array(d.items.map { item in
            var det: [String: JSONValue] = [
                "csamt": .number(JSONNumber(item.cess)),
                "rt": .number(JSONNumber(Amount(paise: Int64(item.rate.hundredths)))),
                "txval": .number(JSONNumber(item.taxableValue)),
            ]
            if interState {
                det["iamt"] = .number(JSONNumber(item.igst))
            } else {
                det["camt"] = .number(JSONNumber(item.cgst)); det["samt"] = .number(JSONNumber(item.sgst))
            }
            return .object(["itm_det": .object(det), "num": .number(JSONNumber(item.number))])
        })
    }

    /// CDNR / CDNRA: `{"cdnr":[{"cfs":"N","ctin","nt":[{cflag, chksum, d_flag, flag, inv_typ, itms, nt_dt, nt_num,
    /// ntty, [ont_dt, ont_num,] pos, rchrg, updby, val}]}]}` — as B2B (`GSTR1Render`), for notes.
    /// `documents` sorted by recipient. `imsAction`: as `GSTR1Render.section`.
    package static func notes(_ key: String, documents: [Document], amended: Bool, imsAction: Bool = false) -> JSONValue {
        let groups: [JSONValue] = byRecipient(documents).map { ctin, notes in
            let nts: [JSONValue] = notes.map { d in
                var o: [String: JSONValue] = [
                    "cflag": "N", "chksum": .string(d.imsHash), "d_flag": "Y", "flag": "U",
                    "inv_typ": .string(d.invoiceType.rawValue), "itms": items(d), "nt_dt": .string(d.date.dashed),
                    "nt_num": .string(d.number), "ntty": d.section.kind == .creditNote ? "C" : "D",
                    "pos": .string(d.placeOfSupply.value), "rchrg": d.reverseCharge ? "Y" : "N", "updby": "S",
                    "val": .number(JSONNumber(d.value)),
                ]
                if imsAction, let action = IMSSalesRender.action(d) { o["imsactn"] = .string(action) }
                if amended {
                    o["ont_dt"] = .string((d.originalDate ?? d.date).dashed)
                    o["ont_num"] = .string(d.originalNumber ?? "")
                }
                return .object(o)
            }
            return .object(["cfs": "N", "ctin": .string(ctin.value), "nt": .array(nts)])
        }
        return .object([key: .array(groups)])
    }

    /// Documents sorted by recipient, as runs of one recipient each (the groups GSTR-1's views write).
    static func byRecipient(_ documents: [Document]) -> [(recipient: GSTIN, documents: ArraySlice<Document>)] {
        var runs: [(GSTIN, ArraySlice<Document>)] = []
        var start = 0
        while start < documents.count {
            let recipient = documents[start].recipient
            var end = start + 1
            while end < documents.count, documents[end].recipient == recipient { end += 1 }
            runs.append((recipient, documents[start..<end]))
            start = end
        }
        return runs
    }
}
