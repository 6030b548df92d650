/// A place in a source file: a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars, not bytes or grapheme clusters, so a line holding `"é"` written as
/// one precomposed scalar advances the column by one. Lines end at `\n`, `\r\n`, `\r`, U+2028 and U+2029.
public struct SourcePosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public let column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position formatted as `line:column`, the way compilers and editors print it.
    public var description: String { "\(line):\(column)" }

    /// Orders positions by line, then by column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
