/// A trial arm: a counterfactual world of the same couples (docs/model.md §3.1).
public struct Arm: Sendable, Equatable {
    public var name: String
    public var interventions: [Intervention]

    public init(name: String, interventions: [Intervention] = []) {
        self.name = name
        self.interventions = interventions
    }

    /// The most interventions one arm may hold (enrolment is a bit mask per partner).
    public static let maximumInterventions = 32
}
