import Foundation

/// Builds SVG or HTML text element by element; every attribute value and text is escaped, so
/// callers never write markup by hand.
struct MarkupDocument {
    private(set) var text = ""
    private var openElements: [String] = []

    /// Opens `<name …>`; close it with ``close()``.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name + Self.attributes(attributes) + ">\n"
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = openElements.popLast() else { preconditionFailure("no open element") }
        text += "</" + name + ">\n"
    }

    /// An empty element `<name …/>`.
    mutating func leaf(_ name: String, _ attributes: [(String, String)]) {
        text += "<" + name + Self.attributes(attributes) + "/>\n"
    }

    /// An element whose content is `content` (escaped).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], content: String) {
        text += "<" + name + Self.attributes(attributes) + ">" + XMLText.escape(content) + "</" + name + ">\n"
    }

    /// The finished document after `prologue` (an XML declaration or an HTML doctype).
    func rendered(prologue: String) -> String {
        precondition(openElements.isEmpty, "unclosed elements: \(openElements)")
        return prologue + "\n" + text
    }

    /// The XML declaration that starts an SVG file.
    static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + XMLText.escape($0.1) + "\"" }.joined()
    }

    /// A coordinate or length with at most two decimals ("12.5", "3").
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        guard rounded.isFinite, abs(rounded) < 1e15 else {
            return String(format: "%.0f", rounded.isFinite ? rounded : 0)
        }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Points as the `points` attribute of a polyline or polygon.
    static func points(_ points: [(Double, Double)]) -> String {
        points.map { number($0.0) + "," + number($0.1) }.joined(separator: " ")
    }
}

/// XML escaping for text and attribute values (also used by the HTML page).
enum XMLText {
    /// Replaces `&`, `<`, `>`, `"` and `'` by entities and drops characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
