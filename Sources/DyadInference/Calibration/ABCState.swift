/// Everything needed to continue a calibration after its last completed generation: with the same
/// problem and settings, continuing from a restored state gives the same bits as never stopping.
/// ``encoded()`` and ``init(encoded:)`` give a lossless, checksummed text form.
public struct ABCState: Sendable, Equatable {
    /// The hash of the problem and settings the state belongs to
    /// (``ABCCalibration/fingerprint(problem:settings:)``).
    public let fingerprint: UInt64
    /// N.
    public let particles: Int
    /// d.
    public let dimension: Int
    /// The number of targets.
    public let statisticCount: Int
    /// The completed generations, 0 first.
    public internal(set) var generations: [ABCGeneration]
    /// Simulations run in total, those of an abandoned generation included.
    public internal(set) var simulationCount: Int
    /// Why the calibration stopped; nil while it can continue.
    public internal(set) var stopReason: ABCStopReason?

    init(
        fingerprint: UInt64, particles: Int, dimension: Int, statisticCount: Int, generations: [ABCGeneration] = [],
        simulationCount: Int = 0, stopReason: ABCStopReason? = nil
    ) {
        self.fingerprint = fingerprint
        self.particles = particles
        self.dimension = dimension
        self.statisticCount = statisticCount
        self.generations = generations
        self.simulationCount = simulationCount
        self.stopReason = stopReason
    }

    /// The tolerance history ε₀ = ∞, ε₁, ….
    public var epsilons: [Double] { generations.map(\.epsilon) }
}
