import JSON

// GSTCore's bridges to the JSON target: amounts are written and read as the vendors write them.

extension JSONBuilder {
    /// An amount as a vendor-style number: `1888`, `397.44`, `258.6` (no trailing zeros).
    public mutating func amount(_ a: Amount) { hundredths(a.paise) }
    public mutating func field(_ k: StaticString, _ v: Amount) { key(k); amount(v) }
}

extension JSONNumber {
    /// An amount in vendor style: no trailing zeros (`1888`, `397.44`, `258.6`).
    public init(_ amount: Amount) { self.init(validatedText: amount.description) }

    /// The value as an exact `Amount` in paise: non-negative, at most two decimals, no exponent
    /// (the schemas' `minimum: 0, multipleOf: 0.01`). nil otherwise.
    public var amount: Amount? { Amount(decimalText: text) }
}

extension JSONValue {
    /// `numberValue?.amount` — exact paise, see `JSONNumber.amount`.
    public var amountValue: Amount? { numberValue?.amount }
}
