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
