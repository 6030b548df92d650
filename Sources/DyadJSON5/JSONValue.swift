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
