/// The outputs of one run.
public struct RunResult: Sendable {
    /// One result per arm, in arm order.
    public let arms: [ArmResult]
    /// Names behind the prototype codes in `proto_x`.
    public let prototypeNames: [String]
    /// Completed episode turns over outcome days, all arms (for turns/s).
    public let episodeTurns: Int
    /// Outcome couple-days simulated (alive or not).
    public let coupleDays: Int
    /// False if the run was cancelled before every couple was simulated.
    public let isComplete: Bool
}
