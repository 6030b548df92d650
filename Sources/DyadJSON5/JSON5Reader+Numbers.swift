extension JSON5Reader {
    /// Reads a number starting at a sign, a digit or a decimal point: a decimal literal, a `0x`
    /// hexadecimal integer, or a signed `Infinity` or `NaN`.
    ///
    /// Decimal literals are converted by `Double(_:)`, which rounds correctly and does not depend on
    /// the locale; values beyond the `Double` range become `±.infinity`. Hexadecimal literals that
    /// do not fit in 64 bits also become `±.infinity`.
    mutating func readNumber() throws(JSON5SyntaxError) -> JSONNumber {
        let start = offset
        var isNegative = false
        var hasSign = false
        if bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
            isNegative = bytes[offset] == UInt8(ascii: "-")
            hasSign = true
            offset += 1
        }
        if offset < bytes.count && bytes[offset] != UInt8(ascii: "\\")
            && JSON5Text.isIdentifierStart(JSON5Text.decodeScalar(in: bytes, at: offset).0)
        {
            return try readSignedWord(start: start, isNegative: isNegative)
        }
        if offset + 1 < bytes.count && bytes[offset] == UInt8(ascii: "0")
            && (bytes[offset + 1] == UInt8(ascii: "x") || bytes[offset + 1] == UInt8(ascii: "X"))
        {
            return try readHexadecimal(start: start, isNegative: isNegative)
        }
        let integerStart = offset
        skipDigits()
        let integerDigitCount = offset - integerStart
        if integerDigitCount > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw invalidNumber(at: start, "leading zeros are not allowed")
        }
        var isInteger = true
        var fractionDigitCount = 0
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            let fractionStart = offset
            skipDigits()
            fractionDigitCount = offset - fractionStart
        }
        if integerDigitCount == 0 && fractionDigitCount == 0 {
            throw invalidNumber(
                at: start,
                isInteger && hasSign
                    ? "expected digits, Infinity or NaN after the sign"
                    : "expected digits before or after the decimal point")
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            isInteger = false
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
                offset += 1
            }
            let exponentStart = offset
            skipDigits()
            if offset == exponentStart { throw invalidNumber(at: start, "expected digits in the exponent") }
        }
        try checkNumberEnd(start: start)
        let literal = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(literal) else {
            throw invalidNumber(at: start, "it is not a decimal number")
        }
        return JSONNumber(value: value, literal: literal, isInteger: isInteger)
    }

    /// Reads `Infinity` or `NaN` after a sign at `start`.
    mutating func readSignedWord(start: Int, isNegative: Bool) throws(JSON5SyntaxError) -> JSONNumber {
        let end = identifierNameEnd(from: offset)
        let word = bytes[offset..<end]
        let value: Double
        if word.elementsEqual("Infinity".utf8) {
            value = isNegative ? -.infinity : .infinity
        } else if word.elementsEqual("NaN".utf8) {
            value = .nan
        } else {
            throw invalidNumber(at: start, "expected digits, Infinity or NaN after the sign")
        }
        offset = end
        return JSONNumber(value: value, literal: String(decoding: bytes[start..<end], as: UTF8.self), isInteger: false)
    }

    /// Reads a hexadecimal integer whose `0x` or `0X` starts at `offset`, after an optional sign at `start`.
    mutating func readHexadecimal(start: Int, isNegative: Bool) throws(JSON5SyntaxError) -> JSONNumber {
        offset += 2
        let digitsStart = offset
        var magnitude: UInt64 = 0
        var overflows = false
        while offset < bytes.count, let digit = JSON5Text.hexDigitValue(bytes[offset]) {
            if magnitude > UInt64.max >> 4 { overflows = true }
            magnitude = magnitude &<< 4 | UInt64(digit)
            offset += 1
        }
        if offset == digitsStart { throw invalidNumber(at: start, "expected hexadecimal digits after '0x'") }
        try checkNumberEnd(start: start)
        let value = overflows ? Double.infinity : Double(magnitude)
        return JSONNumber(
            value: isNegative ? -value : value, literal: String(decoding: bytes[start..<offset], as: UTF8.self),
            isInteger: true)
    }

    /// Advances over ASCII decimal digits.
    mutating func skipDigits() {
        while offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9") {
            offset += 1
        }
    }

    /// Throws if the number that ends at `offset` runs straight into a letter, digit, `$`, `_` or
    /// backslash, which ECMAScript forbids (`1a`, `0x1g`, `1_000`).
    mutating func checkNumberEnd(start: Int) throws(JSON5SyntaxError) {
        guard offset < bytes.count else { return }
        let (scalar, _) = JSON5Text.decodeScalar(in: bytes, at: offset)
        guard JSON5Text.isIdentifierPart(scalar) || scalar == "\\" else { return }
        let valid = String(decoding: bytes[start..<offset], as: UTF8.self)
        throw invalidNumber(at: start, "expected the number to end after '\(valid)'")
    }

    /// The error for a malformed number starting at `start`, with `reason` explaining what was expected.
    mutating func invalidNumber(at start: Int, _ reason: String) -> JSON5SyntaxError {
        failure("invalid number \(found(at: start)); \(reason)", at: start)
    }
}
