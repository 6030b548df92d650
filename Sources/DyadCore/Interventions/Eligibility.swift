/// Which couples enrol (docs/model.md §7.17).
public enum Eligibility: String, Sendable, CaseIterable {
    /// Every couple alive at `start_day`.
    case all
    /// Only couples with Sat_c < sat_distress at the moment of enrolment.
    case distressed
}
