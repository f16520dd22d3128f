import GSTCore

/// GSTR-1 return and filing errors. All documented verbatim in `reference/sandbox-examples/` unless
/// marked as the emulator's choice.
extension BusinessError {
    /// Documented (save).
    static let gstr1AlreadyFiledForPeriod = BusinessError(code: "AUTH117", message: "GSTR1 is already filed for current period")
    /// Documented (reset).
    static let resetInProgress = BusinessError(code: "RET191251", message: "RESET is under progress. Please try again later")
    /// Documented (proceed).
    static let alreadyReadyToFile = BusinessError(code: "RET00003", message: "Return Form already ready to be filed")
    /// Documented (new-proceed); also answered by proceed and reset once the return is filed.
    static let returnAlreadyFiled = BusinessError(code: "RET00009", message: "Return Form already filed")
    /// Documented (proceed, new-proceed).
    static let invalidReturnType = BusinessError(code: "AUTH154", message: "Invalid Return Type")
    /// Documented (EVC OTP); also answered by file for a PAN that is not the taxpayer's.
    static let notAuthorisedSignatory = BusinessError(
        code: "OTP0010", message: "User does not have authorized signatory for Given Pan number and GSTIN")
    /// Documented (file).
    static let gstr1AlreadyFiled = BusinessError(code: "RT_FIL_02", message: "GSTR1 is already filed")
    /// Documented (file).
    static let nothingSubmitted = BusinessError(code: "RT_FIL_10", message: "Please submit the invoices before filing")
    /// Emulator's choice (undocumented): file with an OTP that is not the taxpayer's EVC OTP, or with no
    /// EVC OTP generated in the last 10 minutes.
    static let invalidEVCOTP = BusinessError(code: "AUTH4033", message: "Invalid Session")
    /// Emulator's choice: a return-status `reference_id` that is unknown, another taxpayer's or not a
    /// return job — the code Sandbox documents for unknown transaction ids.
    static let unknownReturnReference = BusinessError(
        code: "IMS0008", message: "No records found for requested internal transaction Id")
}
