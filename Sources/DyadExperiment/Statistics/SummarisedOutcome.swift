import DyadCore

/// A per-couple value the run statistics summarise (runs.csv means, summary.csv and effects.csv
/// rows): a couples.csv outcome column or, with a `measurement` section, a measured score.
public enum SummarisedOutcome: Sendable, Hashable {
    case couple(CoupleOutcomeColumn)
    case measured(MeasuredColumn)

    /// The couples.csv column name (`satisfaction`, `csi_a`, …).
    public var name: String {
        switch self {
        case .couple(let column): column.name
        case .measured(let column): column.name
        }
    }

    /// How values are written (labels are couples.csv columns only).
    public var kind: ColumnKind {
        switch self {
        case .couple(let column): column.kind
        case .measured(let column): column.kind
        }
    }

    /// Unit of the values (`0-1`, `1-7`, `0-81`, …).
    public var unit: String {
        switch self {
        case .couple(let column): column.unit
        case .measured(let column): column.unit
        }
    }

    /// Position of the value in a streamed row (``OutcomeChunk/values(_:arm:)``): the outcome
    /// columns come first, then the measured scores.
    public var rowIndex: Int {
        switch self {
        case .couple(let column): column.rawValue
        case .measured(let column): CoupleOutcomeColumn.allCases.count + column.rawValue
        }
    }
}
