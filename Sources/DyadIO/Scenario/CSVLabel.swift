import DyadExperiment

/// Names that become labels in CSV files or folder names (arm, prototype and scenario names)
/// must survive pandas and R: a label those readers take for a missing value or a number would
/// silently turn into NaN, NA or a number (two arms `1e5` and `100000` would even become equal).
enum CSVLabel {
    /// Words read as missing values or booleans, compared without case and after one leading
    /// sign: pandas' default `na_values` that are plain words (`NA`, `nan`, `NaN`, `-nan`, `None`,
    /// `null`, `NULL`; `N/A`, `#N/A`, `<NA>` cannot be plain words), R's `NA`, readr's logical
    /// words (`T`, `F`, `TRUE`, `false` …) and the infinities both read as numbers (`inf`, `Inf`,
    /// `infinity`).
    static let reservedWords: Set<String> = [
        "na", "nan", "none", "null", "nil", "true", "false", "t", "f", "inf", "infinity",
    ]

    /// Why `name` cannot be a label, or nil: it is `.`, `..` or starts with `.` (a hidden or
    /// escaping folder name), a reserved word, or numeric-looking (a decimal, exponent,
    /// hexadecimal or infinite number, or an R complex number such as `2i`).
    static func problem(_ name: String) -> String? {
        if name.hasPrefix(".") {
            return "\"\(EscapedText.excerpt(name))\" starts with a dot (a hidden or parent folder name)"
        }
        var word = Substring(name.lowercased())
        if word.first == "+" || word.first == "-" { word = word.dropFirst() }
        if reservedWords.contains(String(word)) {
            return "\"\(EscapedText.excerpt(name))\" is read as a missing value or a boolean by pandas or R"
        }
        if Double(name) != nil || (name.hasSuffix("i") && Double(name.dropLast()) != nil) {
            return "\"\(EscapedText.excerpt(name))\" is read as a number by pandas or R"
        }
        return nil
    }

    /// What a label may be, for the `(allowed …)` part of messages.
    static let allowed = "a name that is not a number, NA, nan, null, None, true, false, inf and does not start with a dot"
}
