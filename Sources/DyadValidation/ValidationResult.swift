/// The outcome of one check of docs/model.md: a stylized fact of §10.2 (`SF1` … `SF26`) or an oracle of
/// §10.1 (`O1` … `O15`), in the form `dyadsim validate-model` reports it.
package struct ValidationResult: Sendable, Equatable {
    /// `SF1` … `SF26` or `O1` … `O15`.
    package let id: String
    /// What is checked, in words (the docs/model.md statement).
    package let description: String
    /// Scenario of docs/model.md §10.2 (`P`, `S`, `I`, `E`) or the name of an oracle set-up.
    package let scenario: String
    /// The headline measured value (its meaning is given by `expected` and `detail`).
    package let measured: Double
    /// Standard error of `measured` where it has one (nil for exact checks).
    package let standardError: Double?
    /// The pass rule in words, e.g. "> 0 by 4 SE" or "in 0.10–0.25".
    package let expected: String
    /// Whether every condition of the check holds.
    package let pass: Bool
    /// Every number behind the verdict, in the style of the "measured" column of docs/model.md §12.2.
    package let detail: String
    /// Citation from docs/model.md §10.2 (for oracles their anchor, `docs/model.md#o1` … `#o15`).
    package let source: String

    /// A result with every field as described above.
    package init(
        id: String, description: String, scenario: String, measured: Double, standardError: Double?,
        expected: String, pass: Bool, detail: String, source: String
    ) {
        self.id = id
        self.description = description
        self.scenario = scenario
        self.measured = measured
        self.standardError = standardError
        self.expected = expected
        self.pass = pass
        self.detail = detail
        self.source = source
    }
}

/// Pass rules of docs/model.md §10.2 and §10.1.
package enum ValidationCriteria {
    /// A directional fact passes when the effect has the stated sign by at least this many
    /// standard errors (docs/model.md §10.2: "the stated direction holds by at least 4 standard errors").
    package static let directionalStandardErrors = 4.0
    /// Quick (reduced-size) runs widen every fixed band by this many standard errors on each side.
    package static let quickWideningStandardErrors = 2.0
    /// Statistical oracles pass within this many standard errors (docs/model.md §10.1).
    package static let oracleStandardErrors = 4.0
    /// Exact oracles pass within this absolute tolerance (docs/model.md §10.1).
    package static let exactTolerance = 1e-12

    /// sign·value ≥ 4·SE and sign·value > 0, with `sign` +1 ("higher") or −1 ("lower").
    /// NaN values or standard errors fail.
    package static func holdsDirection(_ value: Double, standardError: Double, sign: Double) -> Bool {
        guard value.isFinite, standardError.isFinite, standardError >= 0 else { return false }
        return sign * value > 0 && sign * value >= directionalStandardErrors * standardError
    }

    /// lower − w ≤ value ≤ upper + w with w = 2·SE in quick mode and 0 otherwise.
    package static func liesWithin(
        _ value: Double, lower: Double, upper: Double, standardError: Double, quick: Bool
    ) -> Bool {
        guard value.isFinite else { return false }
        let widening = quick && standardError.isFinite ? quickWideningStandardErrors * standardError : 0
        return value >= lower - widening && value <= upper + widening
    }

    /// The band as written in `expected`, e.g. "in 0.10–0.25" or "in 0.10–0.25 ± 2 SE (quick)".
    static func bandText(_ lower: Double, _ upper: Double, digits: Int = 2, quick: Bool) -> String {
        "in \(ValidationText.fixed(lower, digits))–\(ValidationText.fixed(upper, digits))"
            + (quick ? " ± 2 SE (quick)" : "")
    }
}
