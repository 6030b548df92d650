/// Locale-free number text shared by CSV writers, keys and messages.
package enum NumberText {
    /// Shortest text that reads back as exactly `value` ("NA" for NaN); whole numbers below
    /// 2⁵³ without a decimal point ("3", not "3.0"); otherwise the text of `Double.description`
    /// ("0.25", "1e-05"). Written by `ShortestDecimal`.
    package static func shortest(_ value: Double) -> String {
        ShortestDecimal.text(value)
    }
}
