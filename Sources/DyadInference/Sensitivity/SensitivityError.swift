/// Why a design or its outputs cannot be analysed. Each case renders as one sentence
/// (``message``) that the caller prefixes with the file it read, e.g.
/// `error: Results/x/runs.csv: satisfaction: design row 12 replicate 0: nan is not a finite output`.
/// Design rows and replicates are numbered from 0, like `sweep_point` and `replicate` in runs.csv.
public enum SensitivityError: Error, Sendable, Equatable {
    /// The design has no parameters.
    case noParameters
    /// The number of outputs is not a whole number of blocks (`rowsPerBlock` rows each).
    case designShape(rows: Int, rowsPerBlock: Int, design: String)
    /// Fewer blocks than the estimators need (`noun` singular: "base sample", "trajectory").
    case tooFewBlocks(count: Int, minimum: Int, noun: String)
    /// An output is NaN or infinite.
    case nonFiniteOutput(row: Int, replicate: Int, value: Double)
    /// An input value is NaN or infinite.
    case nonFiniteInput(row: Int, parameter: Int, value: Double)
    /// Inputs and outputs have different row counts.
    case rowCountMismatch(inputs: Int, outputs: Int)
    /// An input row has the wrong number of values.
    case rowWidth(row: Int, count: Int, expected: Int)
    /// A design row has a different number of replicates than row 0.
    case replicateCount(row: Int, count: Int, expected: Int)
    /// Every output is the same value, so the output variance is 0 and no index is defined.
    case constantOutput(value: Double)
    /// The rows of a Morris trajectory do not move exactly one parameter per step.
    case notATrajectory(trajectory: Int, row: Int, reason: String)
    /// Morris grid levels below 2.
    case levels(Int)
    /// Bootstrap resamples or confidence level out of range.
    case bootstrap(String)

    /// One sentence, no `error:` prefix and no file name.
    public var message: String {
        switch self {
        case .noParameters:
            return "the design has no parameters (allowed at least 1)"
        case .designShape(let rows, let rowsPerBlock, let design):
            return "\(rows) design rows is not a multiple of \(rowsPerBlock), the rows per block of \(design)"
        case .tooFewBlocks(let count, let minimum, let noun):
            return "the design has \(count) \(Self.plural(noun, count)) (allowed at least \(minimum))"
        case .nonFiniteOutput(let row, let replicate, let value):
            return "design row \(row) replicate \(replicate): \(value) is not a finite output"
        case .nonFiniteInput(let row, let parameter, let value):
            return "design row \(row) parameter \(parameter): \(value) is not a finite input"
        case .rowCountMismatch(let inputs, let outputs):
            return "\(inputs) input rows but \(outputs) output rows (allowed one output row per input row)"
        case .rowWidth(let row, let count, let expected):
            return "design row \(row) has \(count) input values (allowed \(expected), one per parameter)"
        case .replicateCount(let row, let count, let expected):
            return "design row \(row) has \(count) \(Self.plural("replicate", count)) but row 0 has \(expected)"
                + " (allowed the same number for every row)"
        case .constantOutput(let value):
            return "every output is \(value), so the output variance is 0 and no sensitivity index is defined"
        case .notATrajectory(let trajectory, let row, let reason):
            return "Morris trajectory \(trajectory) (step to design row \(row)): \(reason)"
        case .levels(let levels):
            return "\(levels) Morris levels (allowed at least 2)"
        case .bootstrap(let reason):
            return reason
        }
    }
}

extension SensitivityError {
    /// `noun` for one, its plural (y → ies, else + s) otherwise.
    private static func plural(_ noun: String, _ count: Int) -> String {
        guard count != 1 else { return noun }
        return noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s"
    }
}

extension SensitivityError: CustomStringConvertible {
    /// The message.
    public var description: String { message }
}
