/// Locale-free number text shared by CSV writers, keys and messages.
public enum NumberText {
    /// Shortest text that reads back as exactly `value` ("NA" for NaN); whole numbers below
    /// 2⁵³ without a decimal point ("3", not "3.0").
    public static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NA" }
        if value == value.rounded(), value.magnitude < 0x1p53 {
            return String(Int64(value))
        }
        return value.description
    }
}
