/// One action of a traced episode: the state of both partners after it (its impulse, and for a
/// break the break's decay, applied; before the end-of-turn relaxation).
public struct TraceRow: Sendable, Equatable {
    /// Outcome day (0-based).
    public let day: Int
    /// The couple's episode index over its outcome days (0-based; counts untraced days too).
    public let episode: Int
    /// Turn within the episode (0-based); each turn has an action of each partner, the initiator first.
    public let turn: Int
    /// Whether partner a acted (otherwise b).
    public let actorIsA: Bool
    /// The action taken (docs/model.md §7.6).
    public let action: Action
    /// The initiator's first action (forced, drawn soft or harsh; not counted in actions_a/_b).
    public let forced: Bool
    /// Arousal E (0–1), heart rate (bpm) and felt security S (0–1) of a and b after the action.
    public let arousalA, arousalB, heartRateA, heartRateB, securityA, securityB: Double
    /// How the episode ended.
    public internal(set) var ending: EpisodeEnding
}

/// The recorded episodes of one traced couple in one arm.
public struct CoupleTrace: Sendable {
    /// The couple's index in the run.
    public let couple: Int
    /// Per arm (arm order): the actions of the traced days.
    public let arms: [[TraceRow]]
}

/// Records the actions of the episodes on days `days` (all when nil).
struct TraceRecorder: EpisodeObserver {
    let days: ClosedRange<Int>?
    var rows: [TraceRow] = []
    private var day = 0
    private var episode = -1
    private var episodeStart = 0
    private var recording = false

    init(days: ClosedRange<Int>?) { self.days = days }

    mutating func beginDay(_ day: Int) {
        self.day = day
        recording = days?.contains(day) ?? true
    }

    mutating func beginEpisode() {
        episode += 1
        episodeStart = rows.count
    }

    mutating func record(
        turn: Int, actorIsA: Bool, action: Action, forced: Bool, a: PartnerState, b: PartnerState,
        constants: CoupleConstants
    ) {
        guard recording else { return }
        rows.append(
            TraceRow(
                day: day, episode: episode, turn: turn, actorIsA: actorIsA, action: action, forced: forced,
                arousalA: a.arousal, arousalB: b.arousal,
                heartRateA: Self.heartRate(a, constants: constants),
                heartRateB: Self.heartRate(b, constants: constants),
                securityA: a.security, securityB: b.security, ending: .timeout))
    }

    mutating func endEpisode(_ ending: EpisodeEnding) {
        guard recording else { return }
        for index in episodeStart..<rows.count { rows[index].ending = ending }
    }

    /// HR = min(hr_max, hr_rest + (100 − hr_rest)·E/theta_flood) (docs/model.md §9.1, max_hr).
    static func heartRate(_ partner: PartnerState, constants: CoupleConstants) -> Double {
        let p = partner.parameters
        return min(
            constants.maximumHeartRate,
            p.restingHeartRate + (100 - p.restingHeartRate) * partner.arousal / p.floodThreshold)
    }
}

extension Simulator {
    /// The run's arms compiled for the engine.
    static func compiledArms(_ configuration: RunConfiguration) throws(SimulationError) -> [CompiledArm] {
        var compiledArms: [CompiledArm] = []
        for arm in configuration.arms {
            do {
                let couple = configuration.parameters.couple
                compiledArms.append(
                    try CompiledArm(
                        arm, days: configuration.days, eftInterval: roundedCount(couple.eftInterval),
                        eftSessions: roundedCount(couple.eftSessions)))
            } catch { throw .arm(error) }
        }
        return compiledArms
    }

    /// Simulates `couples` of the run again exactly as ``run(_:sink:cancellation:progress:)``
    /// does (same streams, burn-in, arms), recording every action of their episodes on `days`
    /// (all outcome days when nil). The run's outputs do not depend on whether it is called.
    public static func trace(
        _ configuration: RunConfiguration, couples: [Int], days: ClosedRange<Int>?
    ) throws(SimulationError) -> [CoupleTrace] {
        let sampler: PopulationSampler
        do { sampler = try PopulationSampler(population: configuration.population) } catch { throw .population(error) }
        let arms = try compiledArms(configuration)
        var traces: [CoupleTrace] = []
        for couple in couples where couple >= 0 && couple < configuration.coupleCount {
            var stream = RandomStream(key: StreamKey.couple(runKey: configuration.runKey, couple: couple))
            let traits = sampler.sample(couple: couple, coupleCount: configuration.coupleCount, stream: &stream)
            var burnedIn = CoupleSimulation(traits: traits, parameters: configuration.parameters, stream: stream)
            burnedIn.runBurnIn(days: configuration.burnInDays)
            var perArm: [[TraceRow]] = []
            for arm in arms {
                var simulation = burnedIn
                var aggregates = DailyAggregates(coupleCount: 1, days: configuration.days)
                var recorder = TraceRecorder(days: days)
                simulation.runOutcomeDays(
                    days: configuration.days, baselineDay: configuration.baselineDay, arm: arm,
                    aggregates: &aggregates, observer: &recorder)
                perArm.append(recorder.rows)
            }
            traces.append(CoupleTrace(couple: couple, arms: perArm))
        }
        return traces
    }

    /// `count` couples of 0 ..< coupleCount chosen without replacement from the run's key
    /// (Floyd's algorithm on a stream of its own), in increasing order: the same couples in
    /// every arm, different ones in every run.
    public static func tracedCouples(runKey: UInt64, coupleCount: Int, count: Int) -> [Int] {
        guard count < coupleCount else { return Array(0..<max(0, coupleCount)) }
        var stream = RandomStream(key: SplitMix64.scramble(runKey ^ 0x7472_6163_6573_0001))
        var chosen = Set<Int>()
        for upper in (coupleCount - count)..<coupleCount {
            let pick = min(upper, Int(stream.uniform() * Double(upper + 1)))
            chosen.insert(chosen.contains(pick) ? upper : pick)
        }
        return chosen.sorted()
    }
}

extension Action {
    /// The action's name in traces.csv.
    public var traceName: String {
        switch self {
        case .none: "none"
        case .neutral: "neutral"
        case .pursueSoft: "pursue_soft"
        case .pursueHarsh: "pursue_harsh"
        case .withdraw: "withdraw"
        case .validate: "validate"
        case .breakAnnounced: "break_announced"
        case .breakUnannounced: "break_unannounced"
        }
    }
}
