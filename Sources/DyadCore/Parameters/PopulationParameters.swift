/// Population settings (docs/model.md §5.2–§5.3 and the population rows of §8).
public struct PopulationParameters: Sendable, Equatable {
    /// `mode`: traits (default) or styles.
    public var mode: PopulationMode = .traits
    /// `mean_anx_a`: ECR anxiety mean of role a (3.6 + 0.09 SD).
    public var meanAnxietyA = 3.699
    /// `mean_av_a`: ECR avoidance mean of role a (2.9 − 0.09 SD).
    public var meanAvoidanceA = 2.801
    /// `mean_anx_b`: ECR anxiety mean of role b.
    public var meanAnxietyB = 3.501
    /// `mean_av_b`: ECR avoidance mean of role b.
    public var meanAvoidanceB = 2.999
    /// `sd_anx`: ECR anxiety SD.
    public var sdAnxiety = 1.1
    /// `sd_av`: ECR avoidance SD.
    public var sdAvoidance = 1.1
    /// `r_within`: corr(anxiety, avoidance) within a person.
    public var correlationWithin = 0.2
    /// `r_anx_anx`: corr(anx_a, anx_b).
    public var correlationAnxietyAnxiety = 0.05
    /// `r_av_av`: corr(av_a, av_b).
    public var correlationAvoidanceAvoidance = 0.05
    /// `r_cross`: corr(anx_a, av_b) = corr(av_a, anx_b).
    public var correlationCross = 0.15
    /// `trunc_max_tries`: rejection tries before clamping (integer-valued).
    public var truncationMaxTries = 1000.0
    /// `style_jitter`: styles mode SD of the jitter around prototypes.
    public var styleJitter = 0.05
    /// `class_anx_ecr`: anxious threshold on the ECR scale (mean + 0.70 SD).
    public var classAnxietyECR = 4.37
    /// `class_av_ecr`: avoidant threshold on the ECR scale (mean + 0.674 SD).
    public var classAvoidanceECR = 3.64
    /// `prototypes`: named trait points for styles mode.
    public var prototypes: [StylePrototype] = StylePrototype.defaults
    /// `pairings`: ordered prototype pairs with shares for styles mode.
    public var pairings: [StylePairing] = StylePairing.defaults

    /// The default trait population of docs/model.md §5.2 and §5.7.
    public init() {}

    /// The 4×4 correlation matrix R of (anx_a, av_a, anx_b, av_b), docs/model.md §5.2.
    public var correlationMatrix: [[Double]] {
        let w = correlationWithin, aa = correlationAnxietyAnxiety
        let vv = correlationAvoidanceAvoidance, c = correlationCross
        return [[1, w, aa, c], [w, 1, c, vv], [aa, c, 1, w], [c, vv, w, 1]]
    }
}
