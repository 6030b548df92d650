/// One row of `sensitivity.csv`: one index of one parameter (or pair) for one output of one arm.
public struct SensitivityRow: Sendable, Equatable {
    /// The outcome as named in couples.csv, e.g. `satisfaction`.
    public var outcome: String
    /// The arm (for an effect: the treatment arm, compared with the control arm).
    public var arm: String
    /// Whether the output is an arm's level or a paired effect (the `kind` column).
    public var kind: SensitivityKind
    /// The sweep path of the parameter; `p1×p2` for an S2 pair.
    public var parameter: String
    /// sobol or morris (the `method` column).
    public var method: SensitivityMethod
    /// S1, ST, S2, mu, mu_star or sigma (the `index` column).
    public var index: SensitivityIndex
    /// The index's point estimate.
    public var value: Double
    /// value ∓ z·SD of the bootstrap.
    public var ciLow: Double
    /// value ± z·SD of the bootstrap: the upper end.
    public var ciHigh: Double
    /// What replicate noise alone produces (``ReplicatedOutputs``); nil without replicates.
    public var noiseThreshold: Double?
    /// True when the index is no larger than `noiseThreshold` (a warning).
    public var isBelowNoise: Bool

    /// The row of `estimate` for `outcome` of `arm`, with the parameter's sweep path (or pair) as `parameter`.
    public init(outcome: String, arm: String, kind: SensitivityKind, parameter: String, estimate: SensitivityEstimate) {
        self.outcome = outcome
        self.arm = arm
        self.kind = kind
        self.parameter = parameter
        self.method = estimate.index.method
        self.index = estimate.index
        self.value = estimate.value
        self.ciLow = estimate.ciLow
        self.ciHigh = estimate.ciHigh
        self.noiseThreshold = estimate.noiseThreshold
        self.isBelowNoise = estimate.isBelowNoise
    }

    /// Column names of `sensitivity.csv` (the contract); ``labels`` and ``values`` follow
    /// this order. `noiseThreshold` and `isBelowNoise` are not columns yet.
    public static let columns = [
        "outcome", "arm", "kind", "parameter", "method", "index", "value", "ci_low", "ci_high",
    ]

    /// The text columns: outcome, arm, kind, parameter, method, index.
    public var labels: [String] { [outcome, arm, kind.rawValue, parameter, method.rawValue, index.rawValue] }

    /// The number columns: value, ci_low, ci_high.
    public var values: [Double] { [value, ciLow, ciHigh] }

    /// Name of an S2 pair: `first×second` (U+00D7).
    public static func pairName(_ first: String, _ second: String) -> String { first + "×" + second }

    /// Rows for every estimate, parameters named by `parameterNames` (one per design column).
    public static func rows(
        _ estimates: [SensitivityEstimate], parameterNames: [String], outcome: String, arm: String,
        kind: SensitivityKind
    ) -> [SensitivityRow] {
        estimates.map { estimate in
            precondition(
                max(estimate.parameter, estimate.secondParameter ?? 0) < parameterNames.count,
                "one parameter name per design column")
            let name =
                estimate.secondParameter.map { pairName(parameterNames[estimate.parameter], parameterNames[$0]) }
                ?? parameterNames[estimate.parameter]
            return SensitivityRow(outcome: outcome, arm: arm, kind: kind, parameter: name, estimate: estimate)
        }
    }
}
