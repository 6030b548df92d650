/// What one call of ``ABCCalibration/advance(onBatch:evaluate:)`` did: the generation's tolerance and
/// every simulation run (accepted or not), and the completed generation unless it was abandoned.
public struct ABCGenerationReport: Sendable {
    /// t.
    public let index: Int
    /// εₜ.
    public let epsilon: Double
    /// Every simulation in attempt order.
    public let simulations: [ABCSimulation]
    /// The completed generation; nil if it was abandoned (fewer than N acceptances within the budget).
    public let generation: ABCGeneration?
    /// Why the calibration stopped after this generation, if it did.
    public let stopReason: ABCStopReason?

    /// Particles accepted (N unless abandoned).
    public var accepted: Int { simulations.reduce(0) { $0 + ($1.status == .accepted ? 1 : 0) } }
}

/// Progress within a generation, reported after every batch.
public struct ABCBatchProgress: Sendable, Equatable {
    /// t.
    public let generation: Int
    /// εₜ.
    public let epsilon: Double
    /// Simulations run so far in this generation.
    public let simulations: Int
    /// Particles accepted so far (at most N).
    public let accepted: Int
    /// N.
    public let particles: Int
}
