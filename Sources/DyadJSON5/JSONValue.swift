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

/// A JSON5 number: its value together with the literal exactly as it was written.
///
/// The literal is kept for messages ("`0x1FFFFFFFFFFFFFFFF` is out of range") and for callers that need
/// exact integers beyond 2^53, such as 64-bit seeds written in hexadecimal.
public struct JSONNumber: Sendable, Equatable {
    /// The value as a `Double`: correctly rounded for decimal literals, `±.infinity` for decimal literals
    /// beyond the `Double` range and for hexadecimal literals that do not fit in 64 bits, `.nan` for `NaN`.
    public let value: Double
    /// The literal exactly as written in the source, including any leading `+` or `-`.
    public let literal: String
    /// Whether the literal is an integer: decimal or hexadecimal digits without a point or an exponent.
    public let isInteger: Bool

    /// Creates a number from its value, its literal and whether the literal is an integer.
    public init(value: Double, literal: String, isInteger: Bool) {
        self.value = value
        self.literal = literal
        self.isInteger = isInteger
    }

    /// Compares literals and integer flags, and values bit for bit so that `NaN` equals `NaN`.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.literal == rhs.literal && lhs.isInteger == rhs.isInteger
            && lhs.value.bitPattern == rhs.value.bitPattern
    }
}

/// A parsed JSON5 value; arrays and objects hold positioned children.
public indirect enum JSONValue: Sendable, Equatable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number, including `Infinity` and `NaN`.
    case number(JSONNumber)
    /// A string with all escapes resolved.
    case string(String)
    /// An array, elements in file order.
    case array([JSONNode])
    /// An object, members in file order; duplicate keys are kept so that a validator can report them.
    case object([JSONMember])

    /// The name of the value's type as users write it in messages: "null", "boolean", "number",
    /// "string", "array" or "object".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A value together with the position of its first character (for a signed number, the sign).
public struct JSONNode: Sendable, Equatable {
    /// The value.
    public let value: JSONValue
    /// Where the value starts in the source.
    public let position: SourcePosition

    /// Creates a node from a value and the position where it starts.
    public init(value: JSONValue, position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

/// One `key: value` member of an object.
public struct JSONMember: Sendable, Equatable {
    /// The key with escapes resolved, whether it was written quoted or as an identifier.
    public let key: String
    /// Where the key starts in the source (for a quoted key, its opening quote).
    public let keyPosition: SourcePosition
    /// The member's value.
    public let node: JSONNode

    /// Creates a member from its key, the key's position and the value node.
    public init(key: String, keyPosition: SourcePosition, node: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}
