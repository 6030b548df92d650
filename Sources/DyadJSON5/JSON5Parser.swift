/// A strict JSON5 parser that keeps the source position of every value and key.
///
/// The parser implements JSON5 1.0.0 (https://spec.json5.org): comments, trailing commas, unquoted
/// ECMAScript identifier keys, single-quoted strings, the full ECMAScript escape set, hexadecimal
/// integers, leading and trailing decimal points, explicit plus signs, `Infinity` and `NaN`.
///
/// Deliberate decisions where the specification leaves room:
/// - Objects keep every member in file order, duplicates included; rejecting duplicates is the
///   validator's job, which can name both positions.
/// - Decimal literals beyond the `Double` range become `±.infinity`, and hexadecimal literals that do
///   not fit in 64 bits become `.infinity` too, so that the validator reports them as out of range
///   with the field path and the literal as written ("number too large" is never thrown).
/// - A leading UTF-8 byte order mark is skipped; U+FEFF elsewhere is whitespace.
/// - U+2028 and U+2029 are allowed raw inside strings, as the specification says, and start a new
///   line for positions everywhere, like `\n`, `\r\n` and `\r`.
/// - Raw control characters other than `\n` and `\r` are allowed inside strings, as the
///   specification says (Foundation's JSON5 reader rejects them).
/// - A line continuation (a backslash before a line terminator) contributes nothing to the string.
/// - Unquoted keys may use `\uXXXX` escapes, which must stand for identifier characters.
/// - Arrays and objects may nest at most ``maximumDepth`` levels deep; the parser recurses at most
///   that deep, so hostile input cannot exhaust the stack.
///
/// Complexity: O(n) time in the input length, with positions computed by a forward-only cursor.
public enum JSON5Parser {
    /// The deepest nesting of arrays and objects accepted: 128 levels.
    public static let maximumDepth = 128

    /// Parses a complete JSON5 document given as UTF-8 bytes and returns its root value.
    ///
    /// - Throws: ``JSON5SyntaxError`` for invalid UTF-8, an empty document, any syntax error, or
    ///   nesting deeper than ``maximumDepth``; the error holds a one-line message and the position.
    public static func parse(_ bytes: [UInt8]) throws(JSON5SyntaxError) -> JSONNode {
        var reader = JSON5Reader(bytes: bytes)
        return try reader.readDocument()
    }

    /// Parses a complete JSON5 document given as a string and returns its root value.
    ///
    /// - Throws: ``JSON5SyntaxError`` exactly as the byte-array overload does.
    public static func parse(_ text: String) throws(JSON5SyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }
}
