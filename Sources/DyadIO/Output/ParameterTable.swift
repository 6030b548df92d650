import DyadCore
import DyadExperiment

/// The parameter tables of `dyadsim params` and of docs/model.md §8, generated from
/// ``ParameterCatalog`` (a test checks that the document holds exactly ``markdown()``).
package enum ParameterTable {
    /// One displayed parameter.
    package struct Row: Sendable, Equatable {
        /// The parameter's name (scenario key).
        package let name: String
        /// The default; "82 (a), 76 (b)" where the roles differ.
        package let defaultText: String
        /// Inclusive validity range, e.g. "0..1", "-1e9..1e9", "1..2880, integer".
        package let rangeText: String
        /// Unit or scale (``ParameterInfo/unit``).
        package let unit: String
        /// Source tag (``ParameterCatalog/sourceTags``).
        package let tag: String
        /// What the parameter means.
        package let meaning: String
    }

    /// The parameters of one catalogue group, in catalogue order.
    package struct Group: Sendable {
        /// The group heading with its level, e.g. "Choice rule (partner level)".
        package let title: String
        /// The group's parameters.
        package let rows: [Row]
    }

    /// Every group of the catalogue, in catalogue order.
    package static func groups(rangeSeparator: String = "..") -> [Group] {
        var groups: [Group] = []
        var title = ""
        var rows: [Row] = []
        for info in ParameterCatalog.all {
            let groupTitle = Self.title(info)
            if groupTitle != title {
                if !rows.isEmpty { groups.append(Group(title: title, rows: rows)) }
                title = groupTitle
                rows = []
            }
            rows.append(row(info, rangeSeparator: rangeSeparator))
        }
        if !rows.isEmpty { groups.append(Group(title: title, rows: rows)) }
        return groups
    }

    /// The text of `dyadsim params`: a header and the legend of the source tags, then per group a
    /// heading, a header row and one aligned row per parameter (every column as wide as its widest
    /// entry in any group, so long ranges never break the alignment).
    package static func textLines() -> [String] {
        let header = Row(
            name: "name", defaultText: "default", rangeText: "range", unit: "unit", tag: "tag", meaning: "meaning")
        let groups = groups()
        let rows = groups.flatMap(\.rows) + [header]
        let widths = (
            name: rows.map(\.name.count).max() ?? 0, defaultText: rows.map(\.defaultText.count).max() ?? 0,
            range: rows.map(\.rangeText.count).max() ?? 0, unit: rows.map(\.unit.count).max() ?? 0,
            tag: rows.map(\.tag.count).max() ?? 0
        )
        func line(_ row: Row) -> String {
            let cells = [
                pad(row.name, widths.name), pad(row.defaultText, widths.defaultText), pad(row.rangeText, widths.range),
                pad(row.unit, widths.unit), pad(row.tag, widths.tag), row.meaning,
            ]
            return "  " + cells.joined(separator: "  ")
        }
        var lines = [
            "Every name is a scenario key: partner-level ones in params, params_a or params_b, couple-level ones",
            "in params, population ones in population; any of them can be swept (docs/model.md §8).",
            "",
            "Source tags:",
        ]
        let tagWidth = ParameterCatalog.sourceTags.map(\.tag.count).max() ?? 0
        lines += ParameterCatalog.sourceTags.map { "  \(pad($0.tag, tagWidth))  \($0.meaning)" }
        for group in groups {
            lines.append("")
            lines.append(group.title)
            lines.append(line(header))
            lines += group.rows.map(line)
        }
        return lines
    }

    /// The tables of docs/model.md §8: the legend, then one table per group.
    package static func markdown() -> String {
        var lines = [
            "Source tags: "
                + ParameterCatalog.sourceTags.map { "**\(escape($0.tag))** \($0.meaning)" }
                .joined(separator: "; ") + ".",
            "",
        ]
        for group in groups(rangeSeparator: "…") {
            lines.append("#### \(group.title)")
            lines.append("")
            lines.append("| name | default | range | unit | source | meaning |")
            lines.append("|---|---|---|---|---|---|")
            for row in group.rows {
                let cells = [
                    "`\(row.name)`", row.defaultText, row.rangeText, row.unit, escape(row.tag), escape(row.meaning),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Shortest decimal text, but whole numbers of magnitude ≥ 10⁶ that are a digit times a power
    /// of ten as "1e9" (so the range −10⁹…10⁹ of the utility coefficients stays narrow).
    package static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), value.magnitude >= 1e6 {
            var mantissa = value.magnitude
            var exponent = 0
            while mantissa >= 10, (mantissa / 10).rounded() == mantissa / 10 {
                mantissa /= 10
                exponent += 1
            }
            if mantissa < 10 { return "\(value < 0 ? "-" : "")\(Int(mantissa))e\(exponent)" }
        }
        return NumberText.shortest(value)
    }

    private static func title(_ info: ParameterInfo) -> String {
        switch info.level {
        case .partner: "\(info.group) (partner level)"
        case .couple: info.group
        case .population: "\(info.group) (the scenario's population object)"
        }
    }

    private static func row(_ info: ParameterInfo, rangeSeparator: String) -> Row {
        let defaultA = number(info.defaultValue), defaultB = number(info.defaultValueRoleB)
        let range = number(info.range.lowerBound) + rangeSeparator + number(info.range.upperBound)
        return Row(
            name: info.name, defaultText: defaultA == defaultB ? defaultA : "\(defaultA) (a), \(defaultB) (b)",
            rangeText: info.isInteger ? range + ", integer" : range, unit: info.unit, tag: info.tag,
            meaning: info.meaning)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Backslash before the characters that a markdown table cell would interpret (`|`, `*`).
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "|" || character == "*" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
