import DyadCore

/// Hard limits of the scenario format.
public enum Limits {
    public static let maximumCouples = 100_000_000.0
    public static let maximumDays = 100_000.0
    public static let maximumReplicates = 1_000_000.0
    public static let maximumPoints = 10_000_000
}
