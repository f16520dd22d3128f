import GSTCore

/// GSTN's error catalogue: every code either vendor answers, with its exact message.
///
/// *Documented* entries are verbatim from the vendors' examples (Sandbox's captures of GSTN answers,
/// Vayana's `gstn-err` examples); the others are this emulator's choices where neither vendor documents
/// a code, and say so. Adding a code: declare it here, in its area; fault rules accept it by code
/// (`catalogued(code:today:)`) without further registration.
extension GSTNError {
    // MARK: Taxpayer session

    /// Documented (Sandbox verify OTP). Also: a wrong or unrequested OTP, an OTP request for a
    /// username/GSTIN pair the world does not know, refreshing an expired session, and (Sandbox filing)
    /// an EVC OTP that is wrong or not live.
    package static let invalidSession = GSTNError(code: "AUTH4033", message: "Invalid Session")
    /// Code from public client code; the message is the emulator's choice.
    package static let invalidOTP = GSTNError(code: "AUTH4034", message: "Invalid OTP")
    /// Documented (Vayana): a returns / IMS call for a GSTIN without a live GSTN session.
    package static let unauthorizedUser = GSTNError(code: "RET11402", message: "Unauthorized User")

    // MARK: IMS

    /// Documented (GSTR-2B regeneration status); also answered for an unknown IMS or return-job
    /// `reference_id` (the emulator's choice).
    package static let noRecordsForTransaction = GSTNError(
        code: "IMS0008", message: "No records found for requested internal transaction Id")
    /// Documented: an IMS record's `prev_status` is not its current status.
    package static let imsPreviousStatusMismatch = GSTNError(
        code: "IMSSAV0010", message: "Either previous action is incorrect/ invoice might have edited by supplier")
    /// Emulator's choice: no such record in the recipient's IMS.
    package static let imsInvoiceNotFound = GSTNError(code: "IMSSAV0011", message: "No invoice found for the provided details")
    /// Emulator's choice: Pending sent for a record whose `ispendactblocked` is Y.
    package static let imsPendingNotAllowed = GSTNError(code: "IMSSAV0012", message: "Pending action is not allowed for this invoice")
    /// Documented job-level code; also used when a single record is malformed for its request type.
    package static let imsSchemaViolation = GSTNError(code: "IMSSAV005", message: "Schema validation failure")

    // MARK: GSTR-2B

    /// Documented.
    package static let invalidPeriodOr3BFiled = GSTNError(
        code: "IMS2B007", message: "Either the entered ITC period is incorrect or it has 3B filed")

    /// Documented; `date` is the day the draft GSTR-2B becomes available (DD/MM/YYYY).
    package static func generateAfter(_ date: CivilDate) -> GSTNError {
        GSTNError(code: "IMS2B009", message: "Kindly generate 2b after \(date.slashed)")
    }

    /// Documented.
    package static let gstr2bNoDetails = GSTNError(
        code: "RET2B1016", message: "For current tax period, no details are available to view.")

    /// Documented; `date` is when the GSTR-2B will be available (DD/MM/YYYY).
    package static func gstr2bNotAvailable(by date: CivilDate) -> GSTNError {
        GSTNError(
            code: "RET2B1023",
            message: "GSTR-2B is being generated and should be available by \(date.slashed). Either you do not have any "
                + "records in GSTR-2B or the generation is still in progress. If you are still not able to access it, "
                + "please raise a ticket with GST support team.")
    }

    // MARK: GSTR-2A

    /// Documented (GSTR-2A amdhist: no such bill of entry).
    package static let gstr2aNoDetails = GSTNError(code: "RET13508", message: "No Details Found for the Provided Inputs")
    /// Documented (GSTR-2A b2b, b2ba, cdn, cdna, isd, tcs, tds with nothing to show).
    package static let gstr2aNoDocument = GSTNError(code: "RET13509", message: "No document found for the provided Inputs")
    /// Documented (GSTR-2A impg, impgsez with nothing to show).
    package static let gstr2aNoRecord = GSTNError(code: "RET13510", message: "No Record found for the provided Inputs")

    /// What an empty GSTR-2A section answers, by the section's name in the path (`b2b` … `amdhist`).
    package static func gstr2aNothing(in section: String) -> GSTNError {
        switch section.lowercased() {
        case "amdhist": return gstr2aNoDetails
        case "impg", "impgsez": return gstr2aNoRecord
        default: return gstr2aNoDocument
        }
    }

    /// Documented (IMS supplier view, added-back liabilities: nothing to show).
    package static let noAddedBackLiability = GSTNError(
        code: "IMS0027", message: "No added back liability records available for the selected input criteria")

    // MARK: Public search

    /// Documented (`public/gstin/search`: a well-formed GSTIN GSTN has no record of).
    package static let noRecordsFound = GSTNError(code: "FO8000", message: "No records found")

    // MARK: GSTR-1

    /// Documented (every GSTR-1 section GET).
    package static let noDocumentFound = GSTNError(
        code: "RET11416",
        message: "No document found in selected financial year. Either this document exists in a different "
            + "financial year or the document number is incorrect.")
    /// Documented (GSTR-1 exp, expa, ecom and ecoma GETs).
    package static let noExportDocumentFound = GSTNError(
        code: "RET11417",
        message: "No document found in selected financial year. Either this document exists in a different "
            + "financial year or the document number might have been amended earlier. Search with latest amended document.")

    /// Documented (GSTR-1 supeco and supecoa GETs).
    package static let noInvoicesFound = GSTNError(code: "RETWEB_04", message: "No invoices found!!")

    /// What an empty GSTR-1 section answers.
    package static func gstr1Nothing(in section: GSTR1SavedSection) -> GSTNError {
        switch section {
        case .exp, .expa, .ecom, .ecoma: return noExportDocumentFound
        case .supeco, .supecoa: return noInvoicesFound
        default: return noDocumentFound
        }
    }
    /// Documented (save).
    package static let gstr1AlreadyFiledForPeriod = GSTNError(code: "AUTH117", message: "GSTR1 is already filed for current period")
    /// Documented (Sandbox's reset answer).
    package static let resetInProgress = GSTNError(code: "RET191251", message: "RESET is under progress. Please try again later")
    /// Documented (a save job's `error_report` while a reset runs): the same code as `resetInProgress`,
    /// worded as GSTN's job status words it.
    package static let resetInProgressJob = GSTNError(code: "RET191251", message: "RESET is under process. Please try again later")
    /// Documented (proceed).
    package static let alreadyReadyToFile = GSTNError(code: "RET00003", message: "Return Form already ready to be filed")
    /// Documented (new-proceed); also answered by proceed and reset once the return is filed, and by
    /// GSTR-3B save and file.
    package static let returnAlreadyFiled = GSTNError(code: "RET00009", message: "Return Form already filed")
    /// Documented (proceed, new-proceed).
    package static let invalidReturnType = GSTNError(code: "AUTH154", message: "Invalid Return Type")
    /// Documented (EVC OTP); also answered by file for a PAN that is not the taxpayer's.
    package static let notAuthorisedSignatory = GSTNError(
        code: "OTP0010", message: "User does not have authorized signatory for Given Pan number and GSTIN")
    /// Documented (file).
    package static let gstr1AlreadyFiled = GSTNError(code: "RT_FIL_02", message: "GSTR1 is already filed")
    /// Documented (file).
    package static let nothingSubmitted = GSTNError(code: "RT_FIL_10", message: "Please submit the invoices before filing")
    /// Documented: a saved return body without the return's structure (GSTR-1 and GSTR-3B jobs).
    package static let jsonStructureInvalid = GSTNError(code: "RET191106", message: "Error in Json structure validation.")
    /// Documented: a GSTR-1 invoice dated after the period or too long before it.
    package static let invoiceDateOutOfRange = GSTNError(
        code: "RET191114",
        message: "Date is Invalid. Date of invoice cannot exceed the current tax period and be older than 18 months or older than registration date.")
    /// Documented: a GSTR-1 place of supply that does not fit the record (same code as the date error).
    package static let invalidPlaceOfSupply = GSTNError(code: "RET191114", message: "Invalid POS")
    /// Documented: a GSTR-1 note dated after the period.
    package static let noteDateOutOfRange = GSTNError(
        code: "RET191115", message: "Date is Invalid. Date of note cannot exceed the current tax period .")
    /// Documented: a GSTR-1 record with a rate outside the rate list.
    package static let rateNotInList = GSTNError(code: "RET191175", message: "Do enter the correct rate as per the rate list.")
    /// Emulator's choice: a GSTR-1 record for a document already in a filed return.
    package static let documentAlreadyFiled = GSTNError(code: "RET191113", message: "Document already exists in a filed return.")

    // MARK: GSTR-3B

    /// Documented (sandbox-api.md §7): GSTR-3B filing before the period's GSTR-1 is filed.
    package static let gstr1NotFiledFor3B = GSTNError(
        code: "RT-R3BQ1004",
        message: "You have not filed GSTR-1 of the selected tax period. Please file the same to enable filing of GSTR-3B.")
    /// Documented (offset liability): an offset that does not pay the liability exactly. GSTN answers every
    /// offset that misses its criteria so (set-off order, ledger balances: the emulator says which in
    /// `X-Sandbox-Reason`).
    package static let partialOrExcessPayment = GSTNError(
        code: "RT-3BAS1070",
        message: "PARTIAL/EXCESS payment is not allowed.Please try again.If error persists quote error number RT-3BAS1070 when you contact customer care for quick resolution.")
    /// Documented (offset liability): a period that cannot be paid yet (it has not ended).
    package static let invalidReturnPeriod3B = GSTNError(
        code: "RT-3BGV1005",
        message: "Return period is invalid. If error persists quote error number RT-3BGV1005 when you contact customer care for quick resolution")
    /// Emulator's choice (code and message; undocumented): offset before a GSTR-3B is saved for the period.
    package static let gstr3bNotSaved = GSTNError(
        code: "RT-3BOL1001", message: "GSTR-3B of the selected tax period is not saved. Save it before offsetting the liability.")
    /// Emulator's choice (undocumented; GSTN's help: "The offset liability function is available only once
    /// for use in a tax period"): a second offset of a period.
    package static let liabilityAlreadyOffset = GSTNError(
        code: "RT-3BOL1002", message: "Liability of the selected tax period is already offset.")
    /// Emulator's choice (undocumented): filing GSTR-3B before its liability is paid.
    package static let liabilityNotPaid = GSTNError(
        code: "RT-3BOL1003", message: "Liability of the selected tax period is not paid. Offset the liability before filing GSTR-3B.")

    // MARK: Return tracking

    /// Documented (public track): a `financial_year` that is not "FY YYYY-YY", or one not begun.
    package static let invalidFinancialYear = GSTNError(code: "RTN_22", message: "Please select a valid financial year")

    // MARK: Filing preference and AATO

    /// Emulator's choice (undocumented): a monthly return asked of a quarterly filer (QRMP) for a month that
    /// is not its quarter's last.
    package static let quarterlyFiler = GSTNError(
        code: "RT-QRMP1001",
        message: "You have opted to file returns quarterly for this quarter. GSTR-1 and GSTR-3B are filed for the last month of the quarter.")
    /// Emulator's choice (undocumented; GSTN's window): a preference outside the quarter's window.
    package static func preferenceWindowClosed(_ opens: CivilDate, _ closes: CivilDate) -> GSTNError {
        GSTNError(code: "RT-QRMP1002",
                  message: "Preference for this quarter can be selected from \(opens.slashed) to \(closes.slashed) only.")
    }
    /// Emulator's choice (undocumented): quarterly filing asked by a taxpayer above QRMP's turnover limit.
    package static let turnoverAboveQRMPLimit = GSTNError(
        code: "RT-QRMP1003", message: "Quarterly filing is available only to taxpayers with aggregate turnover up to Rs. 5 crore in the preceding financial year.")
    /// Documented (GSTR-1 save, return status `error_report.hsn`): HSN codes shorter than the taxpayer's AATO requires.
    package static let hsnLengthNotPerAATO = GSTNError(code: "RET191350", message: "Length of entered HSN code is not valid as per AATO")

    // MARK: Ledgers

    /// Documented (cash ledger).
    package static let toDateBeyondToday = GSTNError(code: "LG9089", message: "To Date cannot be beyond the current date")
    /// Emulator's choice (undocumented): a ledger query whose from date is after its to date.
    package static let fromDateAfterToDate = GSTNError(code: "LG9090", message: "From Date cannot be after To Date")

    // MARK: Not emulated

    /// Emulator's choice (code and message): a GSTN API this sandbox does not emulate yet. Answered instead
    /// of invented data, so a client can tell "not emulated" from "empty".
    package static func notEmulated(_ what: String) -> GSTNError {
        GSTNError(code: "GEN5002", message: "\(what) is not emulated by GSP Sandbox")
    }
}

extension GSTNError {
    /// Every catalogued error as of `today`: dated messages name the next draft GSTR-2B date (the coming
    /// 14th). Where one code has two wordings, the first listed is the one a lookup by code answers.
    package static func catalogue(today: CivilDate) -> [GSTNError] {
        let draftDate = ReturnPeriod.nextDraftGSTR2BDate(asOf: today)
        return [
            invalidSession, invalidOTP, unauthorizedUser,
            noRecordsForTransaction, imsPreviousStatusMismatch, imsInvoiceNotFound, imsPendingNotAllowed, imsSchemaViolation,
            invalidPeriodOr3BFiled, generateAfter(draftDate), gstr2bNoDetails, gstr2bNotAvailable(by: draftDate),
            gstr2aNoDetails, gstr2aNoDocument, gstr2aNoRecord, noRecordsFound, noAddedBackLiability,
            noDocumentFound, noExportDocumentFound, noInvoicesFound, gstr1AlreadyFiledForPeriod, resetInProgress, resetInProgressJob, alreadyReadyToFile,
            returnAlreadyFiled, invalidReturnType, notAuthorisedSignatory, gstr1AlreadyFiled, nothingSubmitted,
            jsonStructureInvalid, invoiceDateOutOfRange, invalidPlaceOfSupply, noteDateOutOfRange, documentAlreadyFiled,
            rateNotInList, gstr1NotFiledFor3B, partialOrExcessPayment, invalidReturnPeriod3B, gstr3bNotSaved,
            liabilityAlreadyOffset, liabilityNotPaid, toDateBeyondToday, fromDateAfterToDate, invalidFinancialYear,
            quarterlyFiler, turnoverAboveQRMPLimit, hsnLengthNotPerAATO,
        ]
    }

    /// The catalogue's error for `code` as of `today`; nil for a code GSTN's catalogue here does not hold.
    package static func catalogued(code: String, today: CivilDate) -> GSTNError? {
        catalogue(today: today).first { $0.code == code }
    }

    /// Every catalogued code, sorted (fault rules accept these without a message).
    package static let knownCodes: [String] = Set(catalogue(today: CivilDate(year: 2000, month: 1, day: 1)!).map(\.code)).sorted()
}
