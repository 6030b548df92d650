import DyadExperiment

/// Names that become labels in CSV files or folder names (arm, prototype and scenario names)
/// must survive pandas and R: a label those readers take for a missing value or a number would
/// silently turn into NaN, NA or a number (two arms `1e5` and `100000` would even become equal).
enum CSVLabel {
    /// Words read as missing values, compared without case and after one leading sign: pandas'
    /// default `na_values` that are plain words (`NA`, `nan`, `NaN`, `-nan`, `None`, `null`,
    /// `NULL`; `N/A`, `#N/A`, `<NA>` cannot be plain words) and R's `NA`.
    static let missingWords: Set<String> = ["na", "nan", "none", "null"]
    /// Words read as booleans: pandas' `True`/`False` and readr's logical words (`T`, `F`,
    /// `TRUE`, `false` …), compared without case.
    static let booleanWords: Set<String> = ["true", "false", "t", "f"]

    /// Why `name` cannot be a label, or nil: it is `.`, `..` or starts with `.` (a hidden or
    /// escaping folder name), a missing-value or boolean word, or numeric-looking (a decimal,
    /// exponent, hexadecimal or infinite number such as `1e5`, `0x10`, `inf`, `-Infinity`, or an
    /// R complex number such as `2i`).
    static func problem(_ name: String) -> String? {
        if name.hasPrefix(".") {
            return "\"\(EscapedText.excerpt(name))\" starts with a dot (a hidden or parent folder name)"
        }
        var word = Substring(name.lowercased())
        if word.first == "+" || word.first == "-" { word = word.dropFirst() }
        if missingWords.contains(String(word)) {
            return "\"\(EscapedText.excerpt(name))\" is read as a missing value by pandas or R"
        }
        if booleanWords.contains(name.lowercased()) {
            return "\"\(EscapedText.excerpt(name))\" is read as a boolean by pandas or R"
        }
        if Double(name) != nil || (name.hasSuffix("i") && Double(name.dropLast()) != nil) {
            return "\"\(EscapedText.excerpt(name))\" is read as a number by pandas or R"
        }
        return nil
    }

    /// What a label may be, for the `(allowed …)` part of messages.
    static let allowed =
        "a name that is not a number, NA, nan, null, None, true, false, inf and does not start with a dot"
}
