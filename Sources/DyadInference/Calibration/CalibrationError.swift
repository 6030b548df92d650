/// Why a calibration cannot start or resume.
public enum CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problem is unusable (see ``CalibrationProblem/problems``).
    case invalidProblem([String])
    /// Settings out of range.
    case invalidSettings([ABCSettings.Problem])
    /// The saved state belongs to another calibration (problem, settings or model changed).
    case stateMismatch(String)

    /// One sentence per problem, joined by "; ".
    public var description: String {
        switch self {
        case .invalidProblem(let problems): return problems.joined(separator: "; ")
        case .invalidSettings(let problems): return problems.map(\.description).joined(separator: "; ")
        case .stateMismatch(let reason): return reason
        }
    }
}
