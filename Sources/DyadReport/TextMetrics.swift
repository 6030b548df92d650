/// Approximate text widths for layout, from the advance widths of DejaVu Sans (the widest of
/// the fonts the SVG names, so estimates err on the side of more room).
enum TextMetrics {
    /// Font sizes in points: every text is at least 9 pt.
    static let titleSize = 11.0
    static let textSize = 9.0

    /// Estimated width of `text` at `size` points.
    static func width(_ text: String, size: Double = textSize, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text.unicodeScalars { ems += advance(character) }
        return ems * size * (bold ? 1.1 : 1)
    }

    /// Greedy word wrap of `text` into lines no wider than `width`.
    static func wrap(_ text: String, width: Double, size: Double = textSize, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || self.width(candidate, size: size, bold: bold) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Advance width in ems.
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case " ", ".", ",", ":", ";", "'", "!", "|", "·": return 0.32
        case "i", "j", "l": return 0.28
        case "f", "t", "(", ")", "[", "]", "-", "/": return 0.39
        case "r": return 0.42
        case "m": return 0.98
        case "w", "%": return 0.95
        case "0"..."9": return 0.64
        case "I": return 0.3
        case "M", "W", "\u{2212}", "+", "=", "<", ">", "\u{00B1}": return 0.86
        case "a"..."z": return 0.62
        case "A"..."Z": return 0.72
        case "\u{2013}": return 0.5
        case "\u{2014}": return 1.0
        default: return 0.7
        }
    }
}
