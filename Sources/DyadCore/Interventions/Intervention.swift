/// One intervention of a trial arm (docs/model.md §7.17).
public struct Intervention: Sendable, Equatable {
    public var kind: InterventionKind
    public var target: InterventionTarget
    /// Strength s in [0, 1]; s = 0 has no effect.
    public var strength: Double
    /// First active day (≥ 0); enrolment happens in step 0 of this day.
    public var startDay: Int
    /// First inactive day (exclusive), or nil for "until the end".
    public var endDay: Int?
    public var eligibility: Eligibility

    public init(
        kind: InterventionKind, target: InterventionTarget = .both, strength: Double = 1,
        startDay: Int = 0, endDay: Int? = nil, eligibility: Eligibility = .all
    ) {
        self.kind = kind
        self.target = target
        self.strength = strength
        self.startDay = startDay
        self.endDay = endDay
        self.eligibility = eligibility
    }

    /// Active on day d iff start_day ≤ d < end_day.
    public func isActive(day: Int) -> Bool {
        day >= startDay && day < (endDay ?? Int.max)
    }
}
