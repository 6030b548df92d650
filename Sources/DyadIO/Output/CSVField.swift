import DyadCore
import DyadExperiment
import Foundation

/// A free-text CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
package enum CSVField {
    /// `text` as one CSV field: unchanged, or in double quotes with inner quotes doubled when it holds
    /// a comma, a quote or a line break.
    package static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
