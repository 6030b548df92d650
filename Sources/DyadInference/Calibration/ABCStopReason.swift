/// Why a calibration stopped; raw values are the names written to files.
public enum ABCStopReason: String, CaseIterable, Sendable {
    /// `max_generations` generations were completed.
    case maxGenerations = "max_generations"
    /// A generation's acceptance rate fell below `min_acceptance` (or a generation could not reach N
    /// particles within ⌈N/min_acceptance⌉ attempts and was abandoned).
    case minAcceptance = "min_acceptance"
    /// The tolerance reached `min_epsilon`.
    case minEpsilon = "min_epsilon"
    /// The next tolerance would not be below (1 − `min_epsilon_decrease`)·ε.
    case epsilonStalled = "epsilon_stalled"

    /// A sentence for the console and the report.
    public var explanation: String {
        switch self {
        case .maxGenerations: return "the maximum number of generations was reached"
        case .minAcceptance: return "the acceptance rate fell below min_acceptance"
        case .minEpsilon: return "the tolerance reached min_epsilon"
        case .epsilonStalled: return "the tolerance stopped decreasing (min_epsilon_decrease)"
        }
    }
}
