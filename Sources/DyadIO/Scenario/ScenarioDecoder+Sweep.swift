import DyadCore
import DyadExperiment
import DyadJSON5
import Foundation

extension ScenarioDecoder {
    mutating func decodeSweep(_ node: JSONNode, at path: FieldPath, scenario: Scenario) -> SweepDesign {
        var design = SweepDesign()
        guard let fields = members(node, at: path, fields: ScenarioSchema.sweep) else { return design }
        if let node = fields["grid"] { design.grid = decodeAxes(node, at: path.key("grid"), scenario: scenario) }
        if let node = fields["zip"] {
            let axes = decodeAxes(node, at: path.key("zip"), scenario: scenario)
            if let first = axes.first, let mismatch = axes.first(where: { $0.values.count != first.values.count }) {
                report(
                    path.key("zip").key(mismatch.path.text),
                    "\(mismatch.values.count) values, but \(first.path.text) has \(first.values.count)",
                    allowed: "lists of equal length")
            } else {
                design.zip = axes
            }
        }
        if let node = fields["sample"] {
            design.sample = decodeSample(node, at: path.key("sample"), scenario: scenario)
        }
        if let node = fields["random_numbers"],
            let text = choice(
                node, at: path.key("random_numbers"), among: RandomNumbers.allCases.map(\.rawValue),
                noun: "a random-numbers mode"),
            let mode = RandomNumbers(rawValue: text)
        {
            design.randomNumbers = mode
        }
        if let node = fields["design_file"], let file = string(node, at: path.key("design_file")) {
            design.design = loadDesign(file, at: path.key("design_file"), scenario: scenario)
        }
        if let node = fields["design"] {
            if fields["design_file"] != nil {
                report(path.key("design"), "give either design or design_file, not both")
            } else {
                design.design = decodeInlineDesign(node, at: path.key("design"), scenario: scenario)
            }
        }
        var seen: [String: String] = [:]
        let sections: [(String, [SweepPath])] = [
            ("grid", design.grid.map(\.path)), ("zip", design.zip.map(\.path)),
            ("sample", design.sample?.ranges.map(\.path) ?? []), ("design_file", design.design?.columns ?? []),
        ]
        for (section, paths) in sections {
            for sweepPath in paths {
                if let other = seen[sweepPath.text] {
                    report(path.key(section).key(sweepPath.text), "the path is already swept in sweep.\(other)")
                } else {
                    seen[sweepPath.text] = section
                }
            }
        }
        guard problems.isEmpty else { return SweepDesign() }
        if design.pointCount > Limits.maximumPoints || design.pointCount < 0 {
            report(
                path, "the sweep has more than \(Limits.maximumPoints) points",
                allowed: "at most \(Limits.maximumPoints) points")
            return SweepDesign()
        }
        let assignments = design.pointCount * design.paths.count
        if assignments > Limits.maximumAssignments {
            report(
                path, "\(design.pointCount) points x \(design.paths.count) swept paths are \(assignments) values",
                allowed: "at most \(Limits.maximumAssignments) values; fewer points or paths, or several scenarios")
            return SweepDesign()
        }
        return design
    }

    /// A sweep path parsed against the scenario, or nil with a problem reported (none for a path
    /// into an arm that is itself reported invalid).
    mutating func sweepPath(_ text: String, at path: FieldPath, scenario: Scenario) -> SweepPath? {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count >= 2, parts[0] == "arms", armsUnreadable || invalidArms.contains(String(parts[1])) { return nil }
        switch SweepPath.parse(text, in: scenario, suggestions: showsMoreProblems) {
        case .success(let parsed): return parsed
        case .failure(let error):
            report(path, error.message)
            return nil
        }
    }

    /// One value on a sweep path: finite, in the path's range, whole where required.
    private mutating func sweepValue(_ node: JSONNode, at path: FieldPath, sweepPath: SweepPath, scenario: Scenario)
        -> Double?
    {
        let range = sweepPath.validRange(in: scenario)
        return sweepPath.isInteger
            ? integer(node, at: path, range: range).map(Double.init) : number(node, at: path, range: range)
    }

    /// Whether `count` paths fit in one section; reports the problem otherwise.
    private mutating func acceptsPaths(_ count: Int, at path: FieldPath) -> Bool {
        guard count > Limits.maximumSweptPaths else { return true }
        report(path, "\(count) sweep paths are too many", allowed: "at most \(Limits.maximumSweptPaths)")
        return false
    }

    private mutating func decodeAxes(_ node: JSONNode, at path: FieldPath, scenario: Scenario) -> [SweepAxis] {
        guard let entries = objectMembers(node, at: path), acceptsPaths(entries.count, at: path) else { return [] }
        var axes: [SweepAxis] = []
        for entry in entries {
            let entryPath = path.key(entry.key)
            guard let sweepPath = sweepPath(entry.key, at: entryPath, scenario: scenario),
                let elements = list(entry.node, at: entryPath, minimumCount: 1, noun: "value")
            else { continue }
            var values: [Double] = []
            var seen = Set<Double>()  // hashed: a million values are checked in linear time
            for (index, element) in elements.enumerated() {
                guard
                    let value = sweepValue(
                        element, at: entryPath.index(index), sweepPath: sweepPath, scenario: scenario)
                else { continue }
                if !seen.insert(value).inserted {
                    report(
                        entryPath.index(index), "\(NumberText.shortest(value)) appears twice in this list",
                        allowed: "distinct values")
                    continue
                }
                values.append(value)
            }
            if values.count == elements.count { axes.append(SweepAxis(path: sweepPath, values: values)) }
        }
        return axes
    }

    private mutating func decodeSample(_ node: JSONNode, at path: FieldPath, scenario: Scenario) -> SampleDesign? {
        guard let fields = members(node, at: path, fields: ScenarioSchema.sample),
            let methodNode = fields["method"],
            let methodText = choice(
                methodNode, at: path.key("method"), among: SampleMethod.allCases.map(\.rawValue),
                noun: "a sampling method"),
            let method = SampleMethod(rawValue: methodText),
            case let (count, levels)? = decodeSampleSize(fields, at: path, method: method),
            let rangesNode = fields["ranges"], let entries = objectMembers(rangesNode, at: path.key("ranges")),
            acceptsPaths(entries.count, at: path.key("ranges"))
        else { return nil }
        var ranges: [(path: SweepPath, low: Double, high: Double)] = []
        var distributions: [String: UnivariateDistribution] = [:]
        for entry in entries {
            let entryPath = path.key("ranges").key(entry.key)
            if case .object = entry.node.value {
                guard let sweepPath = sweepPath(entry.key, at: entryPath, scenario: scenario),
                    let distribution = decodeInputDistribution(
                        entry.node, at: entryPath, sweepPath: sweepPath, scenario: scenario, method: method)
                else { continue }
                ranges.append((sweepPath, distribution.lowerBound, distribution.upperBound))
                distributions[sweepPath.text] = distribution
                continue
            }
            guard let sweepPath = sweepPath(entry.key, at: entryPath, scenario: scenario),
                let bounds = list(entry.node, at: entryPath, minimumCount: 2, noun: "bound")
            else { continue }
            guard bounds.count == 2 else {
                report(entryPath, "\(bounds.count) values given", allowed: "[low, high]")
                continue
            }
            guard let low = sweepValue(bounds[0], at: entryPath.index(0), sweepPath: sweepPath, scenario: scenario),
                let high = sweepValue(bounds[1], at: entryPath.index(1), sweepPath: sweepPath, scenario: scenario)
            else { continue }
            guard low < high else {
                report(
                    entryPath,
                    "the low end \(NumberText.shortest(low)) is not below the high end \(NumberText.shortest(high))",
                    allowed: "low < high")
                continue
            }
            if method == .morris, sweepPath.isInteger, high - low < Double(levels - 1) {
                report(
                    entryPath,
                    "the whole-number range \(NumberText.shortest(low))…\(NumberText.shortest(high)) has fewer than \(levels) levels",
                    allowed: "high − low ≥ levels − 1 = \(levels - 1)")
                continue
            }
            ranges.append((sweepPath, low, high))
        }
        guard ranges.count == entries.count, !ranges.isEmpty else {
            if entries.isEmpty { report(path.key("ranges"), "no ranges are given", allowed: "at least one sweep path") }
            return nil
        }
        var seedValue: UInt64?
        if let node = fields["seed"] { seedValue = seed(node, at: path.key("seed")) }
        var design = SampleDesign(method: method, count: count, ranges: ranges, seed: seedValue, levels: levels)
        design.distributions = distributions
        return design
    }

    /// The size keys of `sweep.sample`: `n` (random, lhs, sobol) or `trajectories` and `levels`
    /// (morris); nil with problems reported. Morris needs at least 2 trajectories (σ of the
    /// elementary effects has n − 1 in its denominator) and an even number of levels, so that a
    /// step of Δ = p/(2(p − 1)) lands on the grid and every level is equally likely (SALib's advice).
    private mutating func decodeSampleSize(_ fields: [String: JSONNode], at path: FieldPath, method: SampleMethod) -> (
        Int, Int
    )? {
        guard method == .morris else {
            for key in ["trajectories", "levels"] where fields[key] != nil {
                report(path.key(key), "the key \"\(key)\" is only used when method is \"morris\"")
            }
            guard let node = fields["n"] else {
                report(path.key("n"), "missing required key \"n\"")
                return nil
            }
            return integer(node, at: path.key("n"), range: 1...Double(Limits.maximumPoints)).map { ($0, 4) }
        }
        if fields["n"] != nil {
            report(path.key("n"), "a morris design is sized by trajectories, not n", allowed: "trajectories and levels")
        }
        var levels: Int? = 4
        if let node = fields["levels"] {
            levels = integer(node, at: path.key("levels"), range: 2...1000)
            if let value = levels, value % 2 != 0 {
                report(path.key("levels"), "\(value) is odd", allowed: "even numbers in 2...1000")
                levels = nil
            }
        }
        guard let node = fields["trajectories"] else {
            report(path.key("trajectories"), "missing required key \"trajectories\" for a morris design")
            return nil
        }
        guard let trajectories = integer(node, at: path.key("trajectories"), range: 2...Double(Limits.maximumPoints)),
            let levels,
            fields["n"] == nil
        else { return nil }
        return (trajectories, levels)
    }

    /// `sweep.design`: `{columns: [paths], rows: [[values]]}`.
    private mutating func decodeInlineDesign(_ node: JSONNode, at path: FieldPath, scenario: Scenario) -> DesignTable? {
        guard let fields = members(node, at: path, fields: ScenarioSchema.inlineDesign),
            let columnsNode = fields["columns"],
            let columnNodes = list(columnsNode, at: path.key("columns"), minimumCount: 1, noun: "path"),
            acceptsPaths(columnNodes.count, at: path.key("columns")),
            let rowsNode = fields["rows"],
            let rowNodes = list(rowsNode, at: path.key("rows"), minimumCount: 1, noun: "row")
        else { return nil }
        var columns: [SweepPath] = []
        for (index, columnNode) in columnNodes.enumerated() {
            guard let text = string(columnNode, at: path.key("columns").index(index)),
                let parsed = sweepPath(text, at: path.key("columns").index(index), scenario: scenario)
            else { return nil }
            columns.append(parsed)
        }
        var rows: [[Double]] = []
        for (rowIndex, rowNode) in rowNodes.enumerated() {
            let rowPath = path.key("rows").index(rowIndex)
            guard let cells = list(rowNode, at: rowPath, minimumCount: 1, noun: "value") else { return nil }
            guard cells.count == columns.count else {
                report(
                    rowPath, "\(cells.count) values, but there are \(columns.count) columns",
                    allowed: "one value per column")
                return nil
            }
            var row: [Double] = []
            for (cell, column) in zip(cells.indices, columns) {
                guard
                    let value = sweepValue(cells[cell], at: rowPath.index(cell), sweepPath: column, scenario: scenario)
                else { return nil }
                row.append(value)
            }
            rows.append(row)
        }
        return DesignTable(source: "inline", columns: columns, rows: rows)
    }
}
