import DyadCore
import DyadExperiment
import DyadJSON5

extension ScenarioDecoder {
    /// An input distribution of `sweep.sample.ranges.<path>`:
    /// `{distribution: family, <parameters>}` (``ScenarioSchema/inputDistribution``), made by
    /// ``UnivariateDistribution/make(_:parameters:)``; its support must lie in the path's range
    /// (so an unbounded normal needs `low` and `high`), and a Morris design, whose grid includes
    /// the ends of the unit range, needs a bounded support. Nil with the problems reported.
    mutating func decodeInputDistribution(
        _ node: JSONNode, at path: FieldPath, sweepPath: SweepPath, scenario: Scenario, method: SampleMethod
    ) -> UnivariateDistribution? {
        guard let fields = members(node, at: path, fields: ScenarioSchema.inputDistribution) else { return nil }
        guard let familyNode = fields["distribution"] else {
            report(
                path.key("distribution"), "missing required key \"distribution\"",
                allowed: DistributionFamily.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        guard
            let name = choice(
                familyNode, at: path.key("distribution"),
                among: DistributionFamily.allCases.map(\.rawValue), noun: "a distribution"),
            let family = DistributionFamily(rawValue: name)
        else { return nil }
        var parameters: [DistributionParameter: Double] = [:]
        var readable = true
        for parameter in DistributionParameter.allCases {
            guard let valueNode = fields[parameter.rawValue] else { continue }
            if let value = number(valueNode, at: path.key(parameter.rawValue), range: -1e12...1e12) {
                parameters[parameter] = value
            } else {
                readable = false
            }
        }
        guard readable else { return nil }
        let distribution: UnivariateDistribution
        do {
            distribution = try UnivariateDistribution.make(family, parameters: parameters)
        } catch {
            for problem in error.problems {
                let key = problem.parameter.rawValue
                switch problem.kind {
                case .missing:
                    report(path.key(key), "missing required key \"\(key)\" for a \(family.rawValue) distribution")
                case .notAllowed:
                    report(
                        path.key(key), "a \(family.rawValue) distribution takes no \"\(key)\"", allowed: problem.allowed
                    )
                case .outOfRange:
                    report(path.key(key), problem.message, allowed: problem.allowed)
                }
            }
            return nil
        }
        let range = sweepPath.validRange(in: scenario)
        guard distribution.lowerBound >= range.lowerBound, distribution.upperBound <= range.upperBound else {
            report(
                path,
                "the support \(NumberText.shortest(distribution.lowerBound))…"
                    + "\(NumberText.shortest(distribution.upperBound)) of the \(family.rawValue) distribution leaves the "
                    + "range of \(sweepPath.text)",
                allowed: "a support inside \(NumberText.shortest(range.lowerBound))…"
                    + "\(NumberText.shortest(range.upperBound)); truncate with low and high")
            return nil
        }
        if method == .morris, !(distribution.lowerBound.isFinite && distribution.upperBound.isFinite) {
            report(
                path, "a morris grid includes both ends of the unit range, which this distribution maps to infinity",
                allowed: "a bounded support: give low and high")
            return nil
        }
        return distribution
    }
}
