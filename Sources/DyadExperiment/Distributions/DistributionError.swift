/// Why a ``UnivariateDistribution`` could not be made: every problem found, one per parameter at most
/// (a parameter that refers to one already reported, e.g. `high` against an invalid `low`, is not
/// reported again).
public struct DistributionError: Error, Sendable, Equatable {
    /// The problems, in ``DistributionParameter`` order.
    public let problems: [DistributionProblem]

    /// Wraps the problems found.
    public init(problems: [DistributionProblem]) {
        self.problems = problems
    }
}

/// One problem with one parameter of a distribution, phrased for a one-line error message:
/// `<path>.<parameter>: <message> (allowed <allowed>)`.
public struct DistributionProblem: Sendable, Equatable {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// A required parameter is absent.
        case missing
        /// The family does not take this parameter.
        case notAllowed
        /// The value is outside its allowed range.
        case outOfRange(Double)
    }

    /// The parameter concerned.
    public let parameter: DistributionParameter
    /// What is wrong with it.
    public let kind: Kind
    /// What would be allowed, e.g. "more than 0.05 (low)".
    public let allowed: String

    /// A problem with `parameter`.
    public init(_ parameter: DistributionParameter, _ kind: Kind, allowed: String) {
        self.parameter = parameter
        self.kind = kind
        self.allowed = allowed
    }

    /// The message without the field path, e.g. "0.01 is out of range".
    public var message: String {
        switch kind {
        case .missing: return "is missing"
        case .notAllowed: return "is not a parameter of this distribution"
        case .outOfRange(let value): return "\(NumberText.shortest(value)) is out of range"
        }
    }

    /// `parameter: message (allowed …)`.
    public var description: String {
        "\(parameter.rawValue): \(message) (allowed \(allowed))"
    }
}
