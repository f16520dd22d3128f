import GSTCore
import JSON

/// `GET …/invoices/added-back-liabilities/{year}/{month}` as Sandbox's schema
/// `added-back-liabilities.json` describes it (the docs show no success example):
/// `{"gstin","rejInvAddBackLiab":{"<section>":[…]},"rtnprd"}`, flat records with totals, no items:
/// - every record: `val, txval, iamt, camt, samt, csamt, supPrd` (the supplier's period), `form` (R1 / R1A;
///   IFF documents are reported in GSTR-1), `remarks` when the recipient gave one;
/// - cdnr, cdnra, b2ba: `ctin`, `tradenm` (the recipient), `inv_typ`; notes `nt_num, nt_dt, ntty`,
///   amended notes `ont_num, ont_dt`, amended invoices `inum, idt, oinum, oidt`;
/// - ecoma: `rtin, rtinNam, stin, stinNam, inum, idt, oinum, oidt`.
package enum AddedBackLiabilityRender {
    package static func records(supplier: GSTIN, period: ReturnPeriod, section: AddedBackSection, documents: [Document],
                                tradeName: (GSTIN) -> String) -> [UInt8] {
        let records: [JSONValue] = documents.map { d in
            func n(_ a: Amount) -> JSONValue { .number(JSONNumber(a)) }
            var o: [String: JSONValue] = [
                "val": n(d.value), "txval": n(d.taxableValue), "iamt": n(d.igst), "camt": n(d.cgst), "samt": n(d.sgst),
                "csamt": n(d.cess), "supPrd": .string(d.filing.period.mmyyyy), "form": d.filing.form == .gstr1A ? "R1A" : "R1",
            ]
            if let remarks = d.ims.remarks { o["remarks"] = .string(remarks) }
            let original = d.originalDate ?? d.date, originalNumber = d.originalNumber ?? ""
            switch section {
            case .ecoma:
                o["rtin"] = .string(d.recipient.value); o["rtinNam"] = .string(tradeName(d.recipient))
                o["stin"] = .string(d.supplier.value); o["stinNam"] = .string(tradeName(d.supplier))
            case .cdnr, .cdnra, .b2ba:
                o["ctin"] = .string(d.recipient.value); o["tradenm"] = .string(tradeName(d.recipient))
                o["inv_typ"] = .string(d.invoiceType == .customsBondedWarehouse ? "R" : d.invoiceType.rawValue)
            }
            switch section {
            case .cdnr, .cdnra:
                o["nt_num"] = .string(d.number); o["nt_dt"] = .string(d.date.dashed)
                o["ntty"] = d.section.kind == .creditNote ? "C" : "D"
                if section == .cdnra { o["ont_num"] = .string(originalNumber); o["ont_dt"] = .string(original.dashed) }
            case .b2ba, .ecoma:
                o["inum"] = .string(d.number); o["idt"] = .string(d.date.dashed)
                o["oinum"] = .string(originalNumber); o["oidt"] = .string(original.dashed)
            }
            return .object(o)
        }
        return JSONWriter.write(.object([
            "gstin": .string(supplier.value), "rejInvAddBackLiab": .object([section.rawValue: .array(records)]),
            "rtnprd": .string(period.mmyyyy),
        ]))
    }
}
