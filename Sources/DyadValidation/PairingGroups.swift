import DyadCore

/// An ordered pairing of prototype names: role a's (`first`) and role b's (`second`).
struct Pairing: Hashable, Sendable {
    let first: String
    let second: String

    init(_ first: String, _ second: String) {
        self.first = first
        self.second = second
    }

    /// "sec-anx" style label (three-letter prefixes).
    var label: String { "\(first.prefix(3))-\(second.prefix(3))" }

    /// The default prototype names (docs/model.md §5.3).
    static let styles = ["secure", "anxious", "avoidant", "fearful"]

    /// All 16 ordered pairings of the default prototypes.
    static let all = styles.flatMap { first in styles.map { Pairing(first, $0) } }

    /// The 9 ordered pairings of secure, anxious and avoidant.
    static let classic = all.filter { $0.first != "fearful" && $0.second != "fearful" }
}

/// The couples of a styles-mode table grouped by ordered pairing.
struct PairingGroups {
    let table: CoupleOutcomeTable
    private let rowsByPairing: [Pairing: [Int]]

    init(table: CoupleOutcomeTable, prototypeNames: [String]) {
        self.table = table
        var rows: [Pairing: [Int]] = [:]
        for row in 0..<table.count {
            let first = table.value(.protoA, row: row), second = table.value(.protoB, row: row)
            guard first >= 0, second >= 0, Int(first) < prototypeNames.count, Int(second) < prototypeNames.count
            else { continue }
            rows[Pairing(prototypeNames[Int(first)], prototypeNames[Int(second)]), default: []].append(row)
        }
        rowsByPairing = rows
    }

    /// Couples of `pairing` (empty if the pairing does not occur).
    func rows(_ pairing: Pairing) -> [Int] { rowsByPairing[pairing] ?? [] }

    /// Mean of `column` over the couples of all `pairings` together, SE sd/√n (NA skipped;
    /// NaN when no couple has the pairing).
    func mean(_ column: CoupleOutcomeColumn, _ pairings: [Pairing]) -> ValidationEstimate {
        let values = table.columnArray(column)
        return ValidationStatistics.meanEstimate(pairings.flatMap { rows($0) }.map { values[$0] })
    }

    func mean(_ column: CoupleOutcomeColumn, _ pairing: Pairing) -> ValidationEstimate { mean(column, [pairing]) }
}

extension Array {
    /// The element with the largest `key` (the first one on ties or NaN keys); never empty here.
    func largest(by key: (Element) -> Double) -> Element {
        precondition(!isEmpty, "largest(by:) of an empty array")
        return dropFirst().reduce(self[0]) { key($1) > key($0) ? $1 : $0 }
    }

    /// The element with the smallest `key` (the first one on ties or NaN keys); never empty here.
    func smallest(by key: (Element) -> Double) -> Element {
        precondition(!isEmpty, "smallest(by:) of an empty array")
        return dropFirst().reduce(self[0]) { key($1) < key($0) ? $1 : $0 }
    }
}
