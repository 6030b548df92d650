/// One attempt of a generation handed to the evaluator: simulate the model at `parameters` with `seed`.
public struct ABCProposal: Sendable, Equatable {
    /// The generation, 0 for the prior.
    public let generation: Int
    /// The attempt number within the generation (0, 1, 2, …); proposals of a batch are in attempt order.
    public let attempt: Int
    /// θ, one value per ``CalibrationProblem/parameters`` entry, inside the prior support.
    public let parameters: [Double]
    /// The simulation's seed (below 2⁵³, exact in any CSV reader), derived from the calibration seed,
    /// the generation and the attempt only (see ``ABCCalibration/attemptKey(seed:generation:attempt:)``).
    public let seed: UInt64

    /// A proposal (made by ``ABCCalibration``; public for evaluators' tests).
    public init(generation: Int, attempt: Int, parameters: [Double], seed: UInt64) {
        self.generation = generation
        self.attempt = attempt
        self.parameters = parameters
        self.seed = seed
    }
}
