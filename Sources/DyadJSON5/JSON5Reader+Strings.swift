extension JSON5Reader {
    /// Reads a single- or double-quoted string starting at its opening quote and resolves escapes.
    ///
    /// A raw `\n` or `\r` ends the string with an "unterminated string" error; raw U+2028 and U+2029
    /// are part of the string, as JSON5 allows.
    mutating func readString() throws(JSON5SyntaxError) -> String {
        let start = offset
        let quote = bytes[start]
        offset += 1
        let contentStart = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == quote {
                offset += 1
                return String(decoding: bytes[contentStart..<(offset - 1)], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte == 0x0A || byte == 0x0D { break }
            offset += 1
        }
        var buffer = Array(bytes[contentStart..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case quote:
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case 0x0A, 0x0D:
                throw failure("unterminated string", at: start)
            case UInt8(ascii: "\\"):
                try readEscape(into: &buffer, stringStart: start)
            default:
                buffer.append(byte)
                offset += 1
            }
        }
        throw failure("unterminated string", at: start)
    }

    /// Reads the escape sequence at `offset` (a backslash) and appends what it stands for.
    mutating func readEscape(into buffer: inout [UInt8], stringStart: Int) throws(JSON5SyntaxError) {
        let escapeStart = offset
        guard offset + 1 < bytes.count else { throw failure("unterminated string", at: stringStart) }
        let marker = bytes[offset + 1]
        offset += 2
        switch marker {
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "v"): buffer.append(0x0B)
        case UInt8(ascii: "0"):
            if offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
                offset += 1
                throw octalEscape(from: escapeStart)
            }
            buffer.append(0)
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            throw octalEscape(from: escapeStart)
        case UInt8(ascii: "x"):
            let value = try readHexDigits(2, escapeStart: escapeStart, stringStart: stringStart)
            JSON5Text.appendUTF8(Unicode.Scalar(UInt8(value)), to: &buffer)
        case UInt8(ascii: "u"):
            let scalar = try readUnicodeEscapeScalar(escapeStart: escapeStart, stringStart: stringStart)
            JSON5Text.appendUTF8(scalar, to: &buffer)
        case 0x0D:
            if offset < bytes.count && bytes[offset] == 0x0A { offset += 1 }
        case 0x0A:
            break
        case 0x80...:
            // Any other character stands for itself; U+2028 and U+2029 continue the line.
            let (_, length) = JSON5Text.decodeScalar(in: bytes, at: escapeStart + 1)
            if JSON5Text.lineTerminatorLength(in: bytes, at: escapeStart + 1) == 0 {
                buffer.append(contentsOf: bytes[(escapeStart + 1)..<(escapeStart + 1 + length)])
            }
            offset = escapeStart + 1 + length
        default:
            // Covers \' \" \\ \/ and every other ASCII character, which stand for themselves.
            buffer.append(marker)
        }
    }

    /// Reads the four hex digits after `\u` (and a second `\uXXXX` for a surrogate pair) and returns
    /// the scalar they encode.
    mutating func readUnicodeEscapeScalar(escapeStart: Int, stringStart: Int) throws(JSON5SyntaxError)
        -> Unicode.Scalar
    {
        let unit = try readHexDigits(4, escapeStart: escapeStart, stringStart: stringStart)
        switch unit {
        case 0xD800...0xDBFF:
            if offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u"),
                let low = hexValue(at: offset + 2, digitCount: 4), (0xDC00...0xDFFF).contains(low)
            {
                offset += 6
                let combined = 0x1_0000 + (unit - 0xD800) << 10 + (low - 0xDC00)
                return Unicode.Scalar(combined) ?? "\u{FFFD}"
            }
            throw failure(
                "unpaired surrogate \(escapeText(from: escapeStart)) in a string; "
                    + "expected a low surrogate escape right after it", at: escapeStart)
        case 0xDC00...0xDFFF:
            throw failure(
                "unpaired surrogate \(escapeText(from: escapeStart)) in a string; "
                    + "expected a high surrogate escape right before it", at: escapeStart)
        default:
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    /// Reads exactly `digitCount` hex digits at `offset` after `\x` or `\u` and returns their value.
    mutating func readHexDigits(_ digitCount: Int, escapeStart: Int, stringStart: Int) throws(JSON5SyntaxError)
        -> UInt32
    {
        if let value = hexValue(at: offset, digitCount: digitCount) {
            offset += digitCount
            return value
        }
        var index = offset
        while index < bytes.count && index < offset + digitCount && JSON5Text.hexDigitValue(bytes[index]) != nil {
            index += 1
        }
        if index == bytes.count { throw failure("unterminated string", at: stringStart) }
        let count = digitCount == 2 ? "two" : "four"
        let marker = digitCount == 2 ? "x" : "u"
        let shownEnd =
            JSON5Text.lineTerminatorLength(in: bytes, at: index) > 0
            ? index : index + JSON5Text.decodeScalar(in: bytes, at: index).1
        throw failure(
            "invalid escape \(quoted(from: escapeStart, to: shownEnd)); "
                + "expected \(count) hexadecimal digits after '\\\(marker)'", at: escapeStart)
    }

    /// The value of `digitCount` hex digits at `index`, or `nil` if there are not that many.
    func hexValue(at index: Int, digitCount: Int) -> UInt32? {
        guard index + digitCount <= bytes.count else { return nil }
        var value: UInt32 = 0
        for position in index..<(index + digitCount) {
            guard let digit = JSON5Text.hexDigitValue(bytes[position]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// The error for a backslash followed by a digit other than a lone `\0`.
    mutating func octalEscape(from escapeStart: Int) -> JSON5SyntaxError {
        failure(
            "invalid escape \(quoted(from: escapeStart, to: offset)); octal escapes are not allowed", at: escapeStart)
    }

    /// The six characters of the `\uXXXX` escape at `escapeStart`, quoted for a message.
    func escapeText(from escapeStart: Int) -> String {
        quoted(from: escapeStart, to: min(escapeStart + 6, bytes.count))
    }

    /// The source text between two offsets, quoted with `'` and with control characters escaped.
    func quoted(from start: Int, to end: Int) -> String {
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return "'" + text.unicodeScalars.map(JSON5Text.displayed).joined() + "'"
    }

    // MARK: Identifier names

    /// Reads an unquoted key (an ECMAScript identifier name, `\uXXXX` escapes resolved), or returns
    /// `nil` without moving when no identifier starts at `offset`.
    mutating func readIdentifierName() throws(JSON5SyntaxError) -> String? {
        let start = offset
        var decoded: [UInt8] = []
        var hasEscapes = false
        while offset < bytes.count {
            let isFirst = offset == start
            if bytes[offset] == UInt8(ascii: "\\") {
                if !hasEscapes {
                    decoded = Array(bytes[start..<offset])
                    hasEscapes = true
                }
                JSON5Text.appendUTF8(try readIdentifierEscape(isFirst: isFirst), to: &decoded)
                continue
            }
            let (scalar, length) = JSON5Text.decodeScalar(in: bytes, at: offset)
            guard isFirst ? JSON5Text.isIdentifierStart(scalar) : JSON5Text.isIdentifierPart(scalar) else { break }
            if hasEscapes { decoded.append(contentsOf: bytes[offset..<(offset + length)]) }
            offset += length
        }
        if offset == start { return nil }
        return String(decoding: hasEscapes ? decoded[...] : bytes[start..<offset], as: UTF8.self)
    }

    /// Reads a `\uXXXX` escape in an unquoted key and returns its scalar, which must be an identifier
    /// start (first character) or part (later characters).
    mutating func readIdentifierEscape(isFirst: Bool) throws(JSON5SyntaxError) -> Unicode.Scalar {
        let escapeStart = offset
        guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u"),
            let value = hexValue(at: offset + 2, digitCount: 4)
        else {
            var end = min(offset + 1, bytes.count)
            if end < bytes.count && JSON5Text.lineTerminatorLength(in: bytes, at: end) == 0 {
                let marker = bytes[end]
                end += JSON5Text.decodeScalar(in: bytes, at: end).1
                if marker == UInt8(ascii: "u") {
                    while end < bytes.count && end < escapeStart + 6 && JSON5Text.hexDigitValue(bytes[end]) != nil {
                        end += 1
                    }
                    if end < bytes.count && end < escapeStart + 6
                        && JSON5Text.lineTerminatorLength(in: bytes, at: end) == 0
                    {
                        end += JSON5Text.decodeScalar(in: bytes, at: end).1
                    }
                }
            }
            throw failure(
                "invalid escape \(quoted(from: escapeStart, to: end)) in an unquoted key; "
                    + "expected '\\u' followed by four hexadecimal digits", at: escapeStart)
        }
        let scalar = Unicode.Scalar(value)
        guard let scalar, isFirst ? JSON5Text.isIdentifierStart(scalar) : JSON5Text.isIdentifierPart(scalar) else {
            let shown = scalar.map { "'" + JSON5Text.displayed($0) + "'" } ?? "a lone surrogate"
            let rule = isFirst ? "cannot start" : "cannot appear in"
            throw failure(
                "invalid escape \(escapeText(from: escapeStart)) in an unquoted key; "
                    + "it stands for \(shown), which \(rule) an unquoted key", at: escapeStart)
        }
        offset += 6
        return scalar
    }

    /// The end of the identifier-like word at `start`: identifier parts and backslashes, so that a
    /// word with escapes never matches `true`, `false`, `null`, `Infinity` or `NaN`.
    func identifierNameEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 1
                continue
            }
            let (scalar, length) = JSON5Text.decodeScalar(in: bytes, at: index)
            guard JSON5Text.isIdentifierPart(scalar) else { break }
            index += length
        }
        return index
    }
}
