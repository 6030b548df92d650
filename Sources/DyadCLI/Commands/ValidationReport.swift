import DyadCore
import DyadExperiment
import DyadIO
import DyadValidation
import Foundation

/// Writes `validation.csv` and `validation.md` for `dyadsim validate-model`.
package enum ValidationReport {
    /// Columns of validation.csv.
    package static let columns = [
        "id", "description", "scenario", "measured", "standard_error", "expected", "pass", "detail", "source",
    ]

    /// The files `write` creates in its folder.
    package static let fileNames = ["validation.csv", "validation.md"]

    /// Refuses a folder that already holds a validation report unless `force` (checked before
    /// anything is simulated).
    package static func checkWritable(_ directory: String, force: Bool) throws(OutputError) {
        guard !force else { return }
        let present = fileNames.filter { Files.exists(directory + "/" + $0) }
        guard present.isEmpty else {
            throw OutputError(
                "\(directory) already holds \(present.joined(separator: " and ")); "
                    + "use --force to replace them or --out to choose another directory")
        }
    }

    /// Writes validation.csv and validation.md for `results` into `directory` (created if missing); `quick`
    /// and `parametersFile` are stated in the report's header. Throws an I/O failure as one line.
    package static func write(_ results: [ValidationResult], to directory: String, quick: Bool, parametersFile: String?)
        throws(OutputError)
    {
        try Files.createDirectory(directory)
        var csv = columns.joined(separator: ",") + "\n"
        for result in results {
            let fields = [
                result.id, CSVField.quoted(result.description), CSVField.quoted(result.scenario),
                NumberText.shortest(result.measured),
                result.standardError.map(NumberText.shortest) ?? "NA", CSVField.quoted(result.expected),
                result.pass ? "1" : "0",
                CSVField.quoted(result.detail), CSVField.quoted(result.source),
            ]
            csv += fields.joined(separator: ",") + "\n"
        }
        try Files.writeAtomically(csv, to: directory + "/validation.csv")
        try Files.writeAtomically(
            markdown(results, quick: quick, parametersFile: parametersFile), to: directory + "/validation.md")
    }

    static func markdown(_ results: [ValidationResult], quick: Bool, parametersFile: String?) -> String {
        let passed = results.filter(\.pass).count
        var lines = [
            "# DyadSim model validation",
            "",
            "DyadSim \(DyadSimVersion.current), commit \(DyadSimVersion.gitCommit); \(quick ? "quick mode (reduced couples, fixed bands widened by 2 SE)" : "full size (docs/model.md §10.2: 20,000 couples; 32,000 in scenario S)"); parameters: \(parametersFile.map { "defaults overridden by `\($0)`" } ?? "the defaults of docs/model.md §8").",
            "",
            "**\(passed) of \(results.count) checks pass.** Oracles (O) check the engine against closed forms (docs/model.md §10.1; 1e-12 where exact, 4 SE where statistical); stylized facts (SF) check the model against the literature (docs/model.md §10.2; direction by at least 4 SE unless a band is given). Produced by `dyadsim validate-model`.",
            "",
            "| id | check | scenario | measured | SE | expected | pass | detail | source |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for result in results {
            let cells = [
                result.id, result.description, result.scenario, format(result.measured),
                result.standardError.map(format) ?? "", result.expected, result.pass ? "yes" : "**no**", result.detail,
                result.source,
            ]
            lines.append(
                "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return NumberText.shortest(value) }
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        return String(format: abs(value) >= 0.01 || value == 0 ? "%.4g" : "%.3e", value)
    }

}
