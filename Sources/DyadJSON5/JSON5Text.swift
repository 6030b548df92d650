/// Character-level helpers for the JSON5 reader: UTF-8 validation and decoding, the character
/// classes of the JSON5 grammar, and the quoting of found text for messages.
enum JSON5Text {
    /// The offset of the first byte of the first ill-formed UTF-8 sequence at or after `start`, or
    /// `nil` when the bytes are valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalidUTF8Offset(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
            case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, 0x80...0xBF)
            case 0xED: (length, secondRange) = (3, 0x80...0x9F)
            case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
            case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
            default: return index
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return index }
            for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// The scalar starting at `index` in validated UTF-8 and its length in bytes (at least 1).
    ///
    /// Truncated or ill-formed input yields U+FFFD rather than trapping.
    static func decodeScalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length: Int
        var value: UInt32
        switch lead {
        case ..<0x80: return (Unicode.Scalar(UInt8(lead)), 1)
        case ..<0xE0: (length, value) = (2, lead & 0x1F)
        case ..<0xF0: (length, value) = (3, lead & 0x0F)
        default: (length, value) = (4, lead & 0x07)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for continuation in (index + 1)..<(index + length) {
            value = value << 6 | UInt32(bytes[continuation] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The length in bytes of the line terminator at `index` (`\n`, `\r\n`, `\r`, U+2028 or
    /// U+2029), or 0 when there is none.
    static func lineTerminatorLength(in bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A:
            return 1
        case 0x0D:
            return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            else { return 0 }
            return 3
        default:
            return 0
        }
    }

    /// Whether `scalar` is JSON5 whitespace: tab, line feed, vertical tab, form feed, carriage
    /// return, space, U+00A0, U+FEFF, U+2028, U+2029 or any other Unicode space separator (Zs).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0xFEFF, 0x2028, 0x2029: return true
        case ..<0x80: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// Whether `scalar` may start an ECMAScript identifier name: a Unicode letter (Lu, Ll, Lt, Lm,
    /// Lo, Nl), `$` or `_`.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x24, 0x5F: return true
        case ..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .letterNumber:
                return true
            default:
                return false
            }
        }
    }

    /// Whether `scalar` may continue an ECMAScript identifier name: an identifier start, a combining
    /// mark (Mn, Mc), a decimal digit (Nd), connector punctuation (Pc), U+200C or U+200D.
    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x200C, 0x200D: return true
        case ..<0x80: return isIdentifierStart(scalar)
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation: return true
            default: return isIdentifierStart(scalar)
            }
        }
    }

    /// The value of an ASCII hexadecimal digit, or `nil`.
    static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Appends the UTF-8 encoding of `scalar` to `buffer`.
    static func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            buffer.append(UInt8(value))
        case ..<0x800:
            buffer.append(UInt8(0xC0 | value >> 6))
            buffer.append(UInt8(0x80 | value & 0x3F))
        case ..<0x1_0000:
            buffer.append(UInt8(0xE0 | value >> 12))
            buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | value >> 18))
            buffer.append(UInt8(0x80 | value >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        }
    }

    // MARK: Text for messages

    /// The most scalars of found text a message shows before cutting it off with "…".
    static let maximumShownScalars = 20

    /// The token at `start` for a message: quoted with `'`, at most 20 scalars, control characters
    /// escaped; "the end of the file" past the end.
    ///
    /// A token is a structural character (`{ } [ ] : ,`), a quoted string up to its closing quote, or
    /// else a run of characters up to whitespace, a structural character or a comment.
    static func describeToken(in bytes: [UInt8], at start: Int) -> String {
        guard start < bytes.count else { return "the end of the file" }
        let quote = bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") ? bytes[start] : nil
        var text = ""
        var index = start
        var shown = 0
        while index < bytes.count {
            let (scalar, length) = decodeScalar(in: bytes, at: index)
            if shown > 0 {
                if lineTerminatorLength(in: bytes, at: index) > 0 { break }
                if quote == nil {
                    if isWhitespace(scalar) || isStructural(scalar) || startsComment(in: bytes, at: index) { break }
                }
            }
            if shown == maximumShownScalars {
                text += "…"
                break
            }
            text += displayed(scalar)
            shown += 1
            index += length
            if shown == 1 && isStructural(scalar) { break }
            if shown > 1, let quote, UInt32(quote) == scalar.value { break }
        }
        return "'" + text + "'"
    }

    /// A key for a message: in double quotes, at most 20 scalars, control characters escaped.
    static func quotedKey(_ key: String) -> String {
        var text = ""
        for (index, scalar) in key.unicodeScalars.enumerated() {
            if index == maximumShownScalars {
                text += "…"
                break
            }
            text += displayed(scalar)
        }
        return "\"" + text + "\""
    }

    /// `scalar` as shown in a message: itself, or an escape such as `\n` or `\u0007` for control,
    /// format and separator characters that would be invisible or break the line.
    static func displayed(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x20...0x7E: return String(Character(scalar))
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate,
            .privateUse, .unassigned:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return hex.count <= 4
                ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex : "\\u{" + hex + "}"
        default:
            return String(Character(scalar))
        }
    }

    /// Whether `scalar` is one of the structural characters `{ } [ ] : ,`.
    static func isStructural(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "{", "}", "[", "]", ":", ",": true
        default: false
        }
    }

    /// Whether a `//` or `/*` comment starts at `index`.
    static func startsComment(in bytes: [UInt8], at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "/")
            && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*"))
    }
}
