/// An intervention with its `set` parameter resolved and its end day made explicit.
struct CompiledIntervention: Sendable {
    let kind: InterventionType
    let target: InterventionTarget
    let strength: Double
    let startDay: Int
    /// Exclusive end day (Int.max when open-ended).
    let endDay: Int
    let eligibility: Eligibility
    /// The parameter a `set` intervention changes.
    let setParameter: ParameterInfo?
    let setValue: Double

    func isActive(day: Int) -> Bool { day >= startDay && day < endDay }
}
