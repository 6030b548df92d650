/// Whom an intervention targets, resolved once at enrolment (docs/model.md §7.17).
public enum InterventionTarget: String, Sendable, CaseIterable {
    case a, b, both
    /// Larger current a (ties → a).
    case moreAnxious = "more_anxious"
    /// Larger current v (ties → a).
    case moreAvoidant = "more_avoidant"
    case partnerOfMoreAnxious = "partner_of_more_anxious"
    case partnerOfMoreAvoidant = "partner_of_more_avoidant"
}
