/// How a column's values are written.
public enum ColumnKind: String, Sendable {
    /// A real number (shortest round-trip decimal) or NA.
    case real
    /// A whole number or NA.
    case count
    /// A plain word (style, prototype) or NA.
    case label
}
