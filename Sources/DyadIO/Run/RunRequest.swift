import DyadCore
import DyadExperiment

/// Everything `dyadsim run` needs to execute a plan into a directory.
public struct RunRequest: Sendable {
    /// The plan whose runs (all, or the shard's) are executed.
    public var plan: RunPlan
    /// The scenario file as the user named it (for the manifest).
    public var scenarioFile: String
    /// The output directory.
    public var directory: String
    /// Worker threads, at least 1 (outputs do not depend on it).
    public var threads: Int
    /// 0-based shard index and shard count, or nil for all runs.
    public var shard: (index: Int, count: Int)?
    /// `--resume`: keep the runs an interrupted invocation finished and do only the rest.
    public var resume = false
    /// `--force`: start afresh in a non-empty output directory, removing DyadSim's earlier outputs there.
    public var force = false
    /// The command line (for the manifest).
    public var command: [String] = []
    /// Counts simulated couples (all runs) for progress displays.
    public var coupleProgress: ProgressCounter?
    /// Couples per chunk of the simulator's partition (outputs do not depend on it).
    public var chunkSize = 64
    /// Bytes a run keeps in memory of the rows of its later arms and of the values its paired
    /// moments read twice, each, before moving them to temporary files (outputs do not
    /// depend on it).
    public var spillLimit = defaultSpillLimit

    /// 16 MiB.
    public static let defaultSpillLimit = 16 << 20

    /// A request to run all of `plan` into `directory` with `threads` workers (at least 1), no resume or force.
    public init(plan: RunPlan, scenarioFile: String, directory: String, threads: Int) {
        self.plan = plan
        self.scenarioFile = scenarioFile
        self.directory = directory
        self.threads = max(1, threads)
    }

    /// The runs this request covers, in output order.
    public var runs: [PlannedRun] {
        guard let shard else { return plan.runs }
        return plan.shard(shard.index, of: shard.count)
    }
}

/// How a request ended.
public enum RunOutcome: Sendable {
    /// Every run is finished and the final files are written.
    case completed(RunReport)
    /// Stopped by a signal: `finished` of `total` runs are safely on disk.
    case interrupted(finished: Int, total: Int)
}

/// What a completed request did.
public struct RunReport: Sendable {
    /// Runs in the output (resumed ones included).
    public let runs: Int
    /// Runs found finished on disk and not redone (resume).
    public let reused: Int
    /// Couple-days of every run in the output.
    public let coupleDays: Int
    /// Couple-days simulated by this invocation (resumed runs excluded).
    public let simulatedCoupleDays: Int
    /// Completed episode turns simulated by this invocation.
    public let episodeTurns: Int
    /// Wall-clock time of the invocation, in seconds.
    public let wallSeconds: Double
    /// The final files written, with rows, bytes and checksum.
    public let files: [WrittenFile]
    /// The output directory.
    public let directory: String
    /// What `--resume` found damaged or missing in a finished directory and rebuilt, one
    /// sentence each (empty normally).
    public var repairs: [String] = []
    /// The directory already held the finished output of this scenario: nothing was done.
    public var upToDate = false
}

/// Receives progress from worker threads (implementations must be thread-safe).
public protocol ProgressSink: Sendable {
    /// Before any run starts: `reused` runs are finished already (resume) with
    /// `reusedCoupleDays` outcome couple-days, `pending` are to do.
    func begin(reused: Int, pending: Int, reusedCoupleDays: Double)
    /// `finished` of `total` runs are done (kept runs included); `coupleDays` simulated so far
    /// in this invocation.
    func update(finished: Int, total: Int, coupleDays: Int)
}

extension ProgressSink {
    /// Ignores the start (for sinks that only show updates).
    public func begin(reused: Int, pending: Int, reusedCoupleDays: Double) {}
}
