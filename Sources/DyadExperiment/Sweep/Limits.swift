import DyadCore

/// Hard limits of the scenario format. They bound the time and memory of checking a plan
/// (whatever the machine), before the memory estimate of `dyadsim run` (`--max-memory`) judges
/// whether it fits this machine.
public enum Limits {
    /// N: couples per run, at most 10⁸.
    public static let maximumCouples = 100_000_000.0
    /// D and B: outcome and burn-in days, at most 10⁵.
    public static let maximumDays = 100_000.0
    /// Replicates per sweep point, at most 10⁶.
    public static let maximumReplicates = 1_000_000.0
    /// Sweep points (grid × zip × sample × design rows).
    public static let maximumPoints = 1_000_000
    /// Runs: sweep points × replicates.
    public static let maximumRuns = 10_000_000
    /// Trial arms of a scenario.
    public static let maximumArms = 1_000
    /// Style prototypes of a population, and pairings of them.
    public static let maximumPrototypes = 1_000
    /// Pairings of prototypes in a styles-mode population, at most 10⁴.
    public static let maximumPairings = 10_000
    /// Paths swept by one section (grid, zip, sample ranges, design columns).
    public static let maximumSweptPaths = 1_000
    /// Swept values of a plan: points × swept paths (each point holds one value per path).
    public static let maximumAssignments = 5_000_000
}
