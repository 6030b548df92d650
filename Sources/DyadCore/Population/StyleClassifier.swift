/// Classifies traits by the ECR thresholds: c_a = (class_anx_ecr − 1)/6, c_v = (class_av_ecr − 1)/6;
/// fearful if a ≥ c_a and v ≥ c_v, else avoidant if v ≥ c_v, else anxious if a ≥ c_a, else secure.
public struct StyleClassifier: Sendable {
    /// Anxiety threshold on the [0, 1] scale.
    public let anxietyThreshold: Double
    /// Avoidance threshold on the [0, 1] scale.
    public let avoidanceThreshold: Double

    /// The thresholds of `population`: c = (ECR cut − 1)/6 for anxiety and avoidance.
    public init(population: PopulationParameters) {
        anxietyThreshold = (population.classAnxietyECR - 1) / 6
        avoidanceThreshold = (population.classAvoidanceECR - 1) / 6
    }

    /// The style of a partner with anxiety `a` and avoidance `v`.
    public func style(anxiety a: Double, avoidance v: Double) -> AttachmentStyle {
        let anxious = a >= anxietyThreshold
        let avoidant = v >= avoidanceThreshold
        if anxious && avoidant { return .fearful }
        if avoidant { return .avoidant }
        if anxious { return .anxious }
        return .secure
    }
}
