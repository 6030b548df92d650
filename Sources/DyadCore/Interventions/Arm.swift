/// A trial arm: a counterfactual world of the same couples (docs/model.md §3.1).
public struct Arm: Sendable, Equatable {
    /// The arm's name: a plain word, unique within the scenario (the `arm` column of every output).
    public var name: String
    /// The arm's interventions, applied in this order in step 0 of each day (docs/model.md §7.1, §7.17).
    public var interventions: [Intervention]

    /// An arm named `name` with `interventions` (none: an untreated arm such as the control).
    public init(name: String, interventions: [Intervention] = []) {
        self.name = name
        self.interventions = interventions
    }

    /// The most interventions one arm may hold (enrolment is a bit mask per partner).
    public static let maximumInterventions = 32
}
