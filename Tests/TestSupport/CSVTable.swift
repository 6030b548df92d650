import Foundation

/// A CSV file read back for tests: the header and the rows as text fields (RFC 4180 quoting).
public struct CSVTable {
    public let header: [String]
    public let rows: [[String]]

    /// Reads `path`; nil if it cannot be read.
    public init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            return nil
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Self.fields(String($0)) }
        if lines.last == [""] { lines.removeLast() }
        guard let first = lines.first else { return nil }
        header = first
        rows = Array(lines.dropFirst())
    }

    /// The fields of one line; a field in double quotes may hold commas and doubled quotes.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previousQuote = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false; previousQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if previousQuote { field.append("\"") }
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            default: field.append(character)
            }
            previousQuote = false
        }
        fields.append(field)
        return fields
    }

    /// The index of column `name` (precondition: it exists).
    public func index(_ name: String) -> Int {
        guard let index = header.firstIndex(of: name) else { preconditionFailure("no column \(name) in \(header)") }
        return index
    }

    /// Field `name` of `row` as text.
    public func text(_ row: [String], _ name: String) -> String { row[index(name)] }

    /// Field `name` of `row` as a number (NA → NaN).
    public func number(_ row: [String], _ name: String) -> Double {
        let field = row[index(name)]
        return field == "NA" ? .nan : Double(field) ?? .nan
    }

    /// The rows whose fields equal `values` in the named columns.
    public func rows(where values: [String: String]) -> [[String]] {
        let indices = values.map { (index($0.key), $0.value) }
        return rows.filter { row in indices.allSatisfy { row[$0.0] == $0.1 } }
    }
}
