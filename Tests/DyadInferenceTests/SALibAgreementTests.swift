import DyadInference
import Foundation
import Testing

/// DyadSim's estimators on designs and outputs made by SALib 1.6 give SALib's point estimates
/// to 1e-9. The fixtures (Fixtures/salib_*.csv) are written by Tests/python/test_sensitivity_salib.py
/// (`--write` regenerates them; without it the script checks SALib still gives the stored values).
@Suite("SALib agreement")
struct SALibAgreementTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Rows of a fixture CSV after its header, as numbers (design) or strings (estimates).
    private static func lines(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    /// (X, Y) of a design fixture: columns x1, x2, x3, y.
    private static func design(_ name: String) throws -> (inputs: [[Double]], outputs: [Double]) {
        let rows = try lines("salib_\(name).csv").map { cells in try cells.map { try #require(Double($0)) } }
        return (rows.map { Array($0[0..<3]) }, rows.map { $0[3] })
    }

    /// SALib's estimates of one design: (index, parameter) → value.
    private static func estimates(_ name: String) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for cells in try lines("salib_estimates.csv") where cells[0] == name {
            let value = try #require(Double(cells[3]))
            result[cells[1] + " " + cells[2]] = value
        }
        return result
    }

    private static let names = ["x1", "x2", "x3"]

    /// Compares every estimate with SALib's; returns the largest absolute difference.
    private func compare(_ rows: [SensitivityRow], with expected: [String: Double], count: Int) -> Double {
        #expect(rows.count == count && expected.count == count)
        var worst = 0.0
        for row in rows {
            let key = row.index.rawValue + " " + row.parameter
            guard let reference = expected[key] else {
                Issue.record("SALib has no \(key)")
                continue
            }
            worst = max(worst, abs(row.value - reference))
            #expect(abs(row.value - reference) <= 1e-9, "\(key): DyadSim \(row.value), SALib \(reference)")
        }
        return worst
    }

    @Test("Sobol S1, ST, S2 on SALib's Saltelli design with second-order rows (N = 128)")
    func sobolSecondOrder() throws {
        let (_, outputs) = try Self.design("sobol_second_order")
        #expect(outputs.count == 128 * 8)
        let indices = try SobolAnalysis.analyze(
            outputs: outputs, parameterCount: 3,
            bootstrap: BootstrapOptions(resamples: 100, seed: 1))
        let rows = indices.rows(parameterNames: Self.names, outcome: "y", arm: "a", kind: .level)
        let worst = compare(rows, with: try Self.estimates("sobol_second_order"), count: 9)
        print("SALib agreement, Sobol with S2: max |difference| \(worst)")
    }

    @Test("Sobol S1, ST on SALib's design without second-order rows (N = 64)")
    func sobolFirstOrder() throws {
        let (_, outputs) = try Self.design("sobol_first_order")
        let indices = try SobolAnalysis.analyze(
            outputs: outputs, parameterCount: 3, secondOrder: false,
            bootstrap: BootstrapOptions(resamples: 100, seed: 1))
        let rows = indices.rows(parameterNames: Self.names, outcome: "y", arm: "a", kind: .level)
        let worst = compare(rows, with: try Self.estimates("sobol_first_order"), count: 6)
        print("SALib agreement, Sobol without S2: max |difference| \(worst)")
    }

    @Test(
        "Morris μ, μ*, σ on SALib's trajectories (4 levels on [−π, π]; 6 levels on unequal ranges)",
        arguments: [("morris_levels4", 4), ("morris_levels6", 6)])
    func morris(name: String, levels: Int) throws {
        let (inputs, outputs) = try Self.design(name)
        let indices = try MorrisAnalysis.analyze(
            inputs: inputs, outputs: outputs, levels: levels,
            bootstrap: BootstrapOptions(resamples: 100, seed: 1))
        let rows = indices.rows(parameterNames: Self.names, outcome: "y", arm: "a", kind: .level)
        let worst = compare(rows, with: try Self.estimates(name), count: 9)
        print("SALib agreement, \(name): max |difference| \(worst)")
    }
}
