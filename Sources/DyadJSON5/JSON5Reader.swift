/// The state of one parse: the bytes, the read offset and a forward-only position cursor.
///
/// Values are read by recursive descent whose depth is bounded by `JSON5Parser.maximumDepth`.
/// Every reading function starts at a non-whitespace byte and leaves `offset` just past what it read.
struct JSON5Reader {
    /// The whole input, including a byte order mark if there is one.
    let bytes: [UInt8]
    /// The offset of the first byte after the byte order mark: line 1, column 1.
    let origin: Int
    /// The offset of the next byte to read.
    var offset: Int
    /// A position already computed, from which later positions are counted onwards.
    var cursor: PositionCursor

    /// A known offset together with its line and column.
    struct PositionCursor {
        var offset: Int
        var line = 1
        var column = 1
    }

    /// Prepares to read `bytes`, skipping a leading UTF-8 byte order mark.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        origin = hasByteOrderMark ? 3 : 0
        offset = origin
        cursor = PositionCursor(offset: origin)
    }

    /// Reads the single top-level value and checks that only whitespace and comments follow it.
    mutating func readDocument() throws(JSON5SyntaxError) -> JSONNode {
        if let invalidOffset = JSON5Text.firstInvalidUTF8Offset(in: bytes, from: origin) {
            throw failure("the file is not valid UTF-8 text", at: invalidOffset)
        }
        try skipWhitespaceAndComments()
        guard offset < bytes.count else {
            throw JSON5SyntaxError(message: "the file is empty", position: SourcePosition(line: 1, column: 1))
        }
        let root = try readValue(depth: 0)
        try skipWhitespaceAndComments()
        if offset < bytes.count {
            throw failure("unexpected \(found(at: offset)) after the end of the scenario", at: offset)
        }
        return root
    }

    /// Reads one value starting at `offset`; `depth` counts the arrays and objects around it.
    mutating func readValue(depth: Int) throws(JSON5SyntaxError) -> JSONNode {
        let start = offset
        let position = position(at: start)
        switch bytes[start] {
        case UInt8(ascii: "{"):
            try checkDepth(depth, at: start)
            return JSONNode(value: .object(try readObjectMembers(depth: depth + 1)), position: position)
        case UInt8(ascii: "["):
            try checkDepth(depth, at: start)
            return JSONNode(value: .array(try readArrayElements(depth: depth + 1)), position: position)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return JSONNode(value: .string(try readString()), position: position)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try readNumber()), position: position)
        default:
            if let literal = readWordLiteral() {
                return JSONNode(value: literal, position: position)
            }
            throw failure(
                "unexpected \(found(at: start)); expected a value (object, array, string, number, true, false or null)",
                at: start)
        }
    }

    /// Reads `true`, `false`, `null`, `Infinity` or `NaN` if the identifier name at `offset` is one
    /// of them, and returns `nil` without moving otherwise.
    mutating func readWordLiteral() -> JSONValue? {
        let end = identifierNameEnd(from: offset)
        let word = bytes[offset..<end]
        let value: JSONValue
        if word.elementsEqual("true".utf8) {
            value = .bool(true)
        } else if word.elementsEqual("false".utf8) {
            value = .bool(false)
        } else if word.elementsEqual("null".utf8) {
            value = .null
        } else if word.elementsEqual("Infinity".utf8) {
            value = .number(JSONNumber(value: .infinity, literal: "Infinity", isInteger: false))
        } else if word.elementsEqual("NaN".utf8) {
            value = .number(JSONNumber(value: .nan, literal: "NaN", isInteger: false))
        } else {
            return nil
        }
        offset = end
        return value
    }

    /// Throws if opening one more array or object would exceed the maximum depth.
    mutating func checkDepth(_ depth: Int, at start: Int) throws(JSON5SyntaxError) {
        guard depth < JSON5Parser.maximumDepth else {
            throw failure("nesting is deeper than \(JSON5Parser.maximumDepth) levels", at: start)
        }
    }

    /// Reads an object from its `{` to its `}`; `depth` counts the object itself.
    mutating func readObjectMembers(depth: Int) throws(JSON5SyntaxError) -> [JSONMember] {
        offset += 1
        var members: [JSONMember] = []
        while true {
            try skipWhitespaceAndComments()
            guard offset < bytes.count else { throw endOfFile(inside: "an object") }
            let first = bytes[offset]
            if first == UInt8(ascii: "}") {
                offset += 1
                return members
            }
            let keyPosition = position(at: offset)
            let key: String
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                key = try readString()
            } else if let name = try readIdentifierName() {
                key = name
            } else {
                throw failure("expected a key or '}' in an object, found \(found(at: offset))", at: offset)
            }
            try skipWhitespaceAndComments()
            guard offset < bytes.count else { throw endOfFile(inside: "an object") }
            guard bytes[offset] == UInt8(ascii: ":") else {
                throw failure(
                    "expected ':' after the key \(JSON5Text.quotedKey(key)), found \(found(at: offset))", at: offset)
            }
            offset += 1
            try skipWhitespaceAndComments()
            guard offset < bytes.count else { throw endOfFile(inside: "an object") }
            let node = try readValue(depth: depth)
            members.append(JSONMember(key: key, keyPosition: keyPosition, node: node))
            let valueEnd = offset
            try skipWhitespaceAndComments()
            guard offset < bytes.count else { throw endOfFile(inside: "an object") }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return members
            default:
                throw missingSeparator("',' or '}' after an object member", valueEnd: valueEnd)
            }
        }
    }

    /// Reads an array from its `[` to its `]`; `depth` counts the array itself.
    mutating func readArrayElements(depth: Int) throws(JSON5SyntaxError) -> [JSONNode] {
        offset += 1
        var elements: [JSONNode] = []
        while true {
            try skipWhitespaceAndComments()
            guard offset < bytes.count else { throw endOfFile(inside: "an array") }
            if bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return elements
            }
            elements.append(try readValue(depth: depth))
            let valueEnd = offset
            try skipWhitespaceAndComments()
            guard offset < bytes.count else { throw endOfFile(inside: "an array") }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return elements
            default:
                throw missingSeparator("',' or ']' after an array element", valueEnd: valueEnd)
            }
        }
    }

    // MARK: Whitespace and comments

    /// Skips whitespace, `// line` comments and `/* block */` comments.
    mutating func skipWhitespaceAndComments() throws(JSON5SyntaxError) {
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                offset += 1
            case UInt8(ascii: "/"):
                guard offset + 1 < bytes.count else { return }
                switch bytes[offset + 1] {
                case UInt8(ascii: "/"): skipLineComment()
                case UInt8(ascii: "*"): try skipBlockComment()
                default: return
                }
            case 0x80...:
                let (scalar, length) = JSON5Text.decodeScalar(in: bytes, at: offset)
                guard JSON5Text.isWhitespace(scalar) else { return }
                offset += length
            default:
                return
            }
        }
    }

    /// Skips a `//` comment up to, not including, the line terminator that ends it.
    mutating func skipLineComment() {
        offset += 2
        while offset < bytes.count && JSON5Text.lineTerminatorLength(in: bytes, at: offset) == 0 {
            offset += 1
        }
    }

    /// Skips a `/* … */` comment.
    mutating func skipBlockComment() throws(JSON5SyntaxError) {
        let start = offset
        offset += 2
        while offset + 1 < bytes.count {
            if bytes[offset] == UInt8(ascii: "*") && bytes[offset + 1] == UInt8(ascii: "/") {
                offset += 2
                return
            }
            offset += 1
        }
        offset = bytes.count
        throw failure("unterminated comment", at: start)
    }

    // MARK: Positions and errors

    /// The line and column of the byte at `target`, counted onwards from the cursor.
    ///
    /// Positions are almost always requested in increasing order, which makes the total work linear;
    /// an earlier target restarts the count from the beginning.
    mutating func position(at target: Int) -> SourcePosition {
        if target < cursor.offset {
            cursor = PositionCursor(offset: origin)
        }
        let limit = min(target, bytes.count)
        var index = cursor.offset
        var line = cursor.line
        var column = cursor.column
        while index < limit {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                line += 1
                column = 1
                index += 1
            } else if byte == 0xE2 && JSON5Text.lineTerminatorLength(in: bytes, at: index) == 3 {
                line += 1
                column = 1
                index += 3
            } else {
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        cursor = PositionCursor(offset: index, line: line, column: column)
        return SourcePosition(line: line, column: column)
    }

    /// An error with `message` at the byte offset `target`.
    mutating func failure(_ message: String, at target: Int) -> JSON5SyntaxError {
        JSON5SyntaxError(message: message, position: position(at: target))
    }

    /// The error for a missing separator: placed right after the value where the separator belongs
    /// (a missing comma at the end of a line is reported on that line), naming what was found
    /// instead and, when it is on a later line, where.
    mutating func missingSeparator(_ expected: String, valueEnd: Int) -> JSON5SyntaxError {
        let end = position(at: valueEnd)
        let next = position(at: offset)
        let place = next.line == end.line ? "" : " at line \(next.line), column \(next.column)"
        return JSON5SyntaxError(message: "expected \(expected), found \(found(at: offset))\(place)", position: end)
    }

    /// The error for input that ends inside an array or object; `container` is "an array" or "an object".
    mutating func endOfFile(inside container: String) -> JSON5SyntaxError {
        failure("unexpected end of the file inside \(container)", at: bytes.count)
    }

    /// The text found at `start`, quoted and shortened for a message, or "the end of the file".
    func found(at start: Int) -> String {
        JSON5Text.describeToken(in: bytes, at: start)
    }
}
