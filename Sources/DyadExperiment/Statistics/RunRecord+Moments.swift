extension RunRecord {
    /// The record of a streamed run whose rows went through `moments` (the same bits as
    /// ``init(run:result:controlArm:)`` on the collected tables).
    public init(run: PlannedRun, moments: RunMoments, coupleDays: Int, episodeTurns: Int) {
        let summaries = moments.summaries()
        self.init(
            run: run, arms: summaries.arms, effects: summaries.effects, coupleDays: coupleDays,
            episodeTurns: episodeTurns)
    }
}
