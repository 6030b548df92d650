import DyadCore
import DyadExperiment
import DyadIO

/// One conflict episode of one traced couple in one arm, as traces.csv recorded it.
package struct TracedEpisode: Equatable, Sendable {
    /// One action and both partners' arousal after it.
    package struct Step: Equatable, Sendable {
        /// Turn within the episode (0-based).
        package let turn: Int
        /// Where the action sits on the turn axis: `turn` for the first action of a turn,
        /// `turn + 0.5` for the second (each partner acts once per turn, the initiator first).
        package let position: Double
        /// Whether partner a acted (else b).
        package let actorIsA: Bool
        /// The action taken (docs/model.md §7.6).
        package let action: Action
        /// Arousal E (0–1) of a after the action (NaN for `NA`).
        package let arousalA: Double
        /// Arousal E (0–1) of b after the action (NaN for `NA`).
        package let arousalB: Double
    }

    /// The arm's name.
    package let arm: String
    /// The couple's index in the run.
    package let couple: Int
    /// Outcome day (0-based).
    package let day: Int
    /// The couple's episode index over its outcome days (0-based).
    package let episode: Int
    /// How it ended (the last action's `ending`; nil when the arm has no rows).
    package let ending: EpisodeEnding?
    /// The actions in time order.
    package let steps: [Step]
}

/// The episodes the report draws: one per arm, of the same couple on the same day, from one
/// run (sweep point and replicate) of traces.csv.
package struct TracedEpisodes: Equatable, Sendable {
    /// The sweep point drawn.
    package let point: Int
    /// The first replicate of the point in traces.csv (normally 0).
    package let replicate: Int
    /// The traced couple drawn (the same in every arm).
    package let couple: Int
    /// The outcome day of the episodes (0-based).
    package let day: Int
    /// Whether `day` is on or after the preferred first day (the day every arm's interventions
    /// have started); false when no traced couple had an episode in every arm from then on.
    package let fromPreferredDay: Bool
    /// One episode per arm, in arm order.
    package let episodes: [TracedEpisode]

    /// The actions traces.csv may name, by their names there.
    static let actions: [String: Action] = Dictionary(
        uniqueKeysWithValues: [
            Action.pursueSoft, .pursueHarsh, .withdraw, .validate, .neutral, .breakAnnounced,
            .breakUnannounced,
        ]
        .map { ($0.traceName, $0) })

    /// Columns read (all must be in the header).
    static let columns = [
        "sweep_point", "replicate", "arm", "couple", "day", "episode", "turn", "actor", "action", "arousal_a",
        "arousal_b", "ending",
    ]

    /// Reads traces.csv at `path` and picks the episodes to draw at sweep point `point`: in the
    /// first replicate of the point in the file, among the (couple, day) pairs on which a traced
    /// couple had an episode in every one of `arms` — days on or after `fromDay` when there are
    /// any, else any day — the pair whose first episode of the day in arm `arms[reference]` (the
    /// control arm) has the most actions, the lowest couple and then the earliest day on ties;
    /// that day's first episode in each arm. The longest control episode shows a conflict rather
    /// than a one-turn repair, and the other arms what the intervention made of the same
    /// moment. Nil when no traced couple had an episode in every arm on a same day (or the point
    /// has no rows).
    ///
    /// Two streaming passes over the file, O(file size) time and O(traced couples × days)
    /// memory: the first finds the episode days of each couple and arm, the second keeps only
    /// the chosen episodes' rows. A cell that is not a number, index, arm, actor or action where
    /// one belongs ends the report with one line (exit 65), as an edited daily.csv does.
    package static func read(
        _ path: String, point: Int, arms: [String], reference: Int = 0, fromDay: Int
    ) throws(ReportError) -> TracedEpisodes? {
        let armIndex = Dictionary(uniqueKeysWithValues: arms.enumerated().map { ($0.element, $0.offset) })
        // First pass: per couple and arm, each day's first episode and its number of actions.
        var replicate: Int?
        var firstEpisodes: [Int: [[Int: (episode: Int, actions: Int)]]] = [:]
        try scan(path, point: point, replicate: &replicate, arms: armIndex) { row in
            var perArm = firstEpisodes[row.couple] ?? Array(repeating: [:], count: arms.count)
            let known = perArm[row.arm][row.day]
            if known == nil || row.episode < known?.episode ?? 0 {
                perArm[row.arm][row.day] = (row.episode, 1)
            } else if let known, known.episode == row.episode {
                perArm[row.arm][row.day] = (known.episode, known.actions + 1)
            }
            firstEpisodes[row.couple] = perArm
        }
        guard let replicate, arms.indices.contains(reference) else { return nil }
        var choice: (couple: Int, day: Int, preferred: Bool)?
        for preferred in [true, false] where choice == nil {
            var longest = 0
            for couple in firstEpisodes.keys.sorted() {
                guard let perArm = firstEpisodes[couple] else { continue }
                let common = perArm.reduce(Set(perArm[reference].keys)) { $0.intersection($1.keys) }
                for day in common.sorted() where !preferred || day >= fromDay {
                    let actions = perArm[reference][day]?.actions ?? 0
                    if actions > longest {
                        longest = actions
                        choice = (couple, day, preferred)
                    }
                }
            }
        }
        guard let choice, let perArm = firstEpisodes[choice.couple] else { return nil }
        let wanted = perArm.map { $0[choice.day]?.episode ?? -1 }
        // Second pass: the chosen episode of each arm.
        var steps = Array(repeating: [TracedEpisode.Step](), count: arms.count)
        var endings = [EpisodeEnding?](repeating: nil, count: arms.count)
        var chosenReplicate: Int? = replicate
        try scan(path, point: point, replicate: &chosenReplicate, arms: armIndex) { row in
            guard row.couple == choice.couple, row.day == choice.day, row.episode == wanted[row.arm] else { return }
            let earlier = steps[row.arm].last.map { $0.turn == row.turn } ?? false
            steps[row.arm].append(
                TracedEpisode.Step(
                    turn: row.turn, position: Double(row.turn) + (earlier ? 0.5 : 0), actorIsA: row.actorIsA,
                    action: row.action, arousalA: row.arousalA, arousalB: row.arousalB))
            endings[row.arm] = row.ending
        }
        return TracedEpisodes(
            point: point, replicate: replicate, couple: choice.couple, day: choice.day,
            fromPreferredDay: choice.preferred,
            episodes: arms.indices.map {
                TracedEpisode(
                    arm: arms[$0], couple: choice.couple, day: choice.day, episode: wanted[$0], ending: endings[$0],
                    steps: steps[$0])
            })
    }

    /// One row of traces.csv of the run read.
    private struct Row {
        let arm: Int
        let couple: Int
        let day: Int
        let episode: Int
        let turn: Int
        let actorIsA: Bool
        let action: Action
        let arousalA: Double
        let arousalB: Double
        let ending: EpisodeEnding
    }

    /// Calls `visit` with every row of sweep point `point` and replicate `replicate` (set to the
    /// first replicate of the point when nil), in file order.
    private static func scan(
        _ path: String, point: Int, replicate: inout Int?, arms: [String: Int], visit: (Row) -> Void
    ) throws(ReportError) {
        var reader = try ReportLineReader(path: path)
        defer { reader.release() }
        guard let headerLine = try reader.nextLine() else {
            throw .invalid("\(path): the file is empty (no header line)")
        }
        let header = String(decoding: headerLine, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init)
        var index: [String: Int] = [:]
        for name in columns {
            guard let position = header.firstIndex(of: name) else {
                throw .invalid("\(path): no column \"\(name)\" in the header (not a DyadSim traces.csv?)")
            }
            index[name] = position
        }
        func column(_ name: String) -> Int { index[name] ?? 0 }
        var fields: [Range<Int>] = []
        while let line = try reader.nextLine() {
            if line.isEmpty { continue }
            let lineNumber = reader.lineNumber
            ReportLineReader.split(line, into: &fields)
            guard fields.count == header.count else {
                throw .invalid("\(path): line \(lineNumber) has \(fields.count) fields, the header has \(header.count)")
            }
            func text(_ name: String) -> String {
                String(decoding: line[fields[column(name)]].prefix(200), as: UTF8.self)
            }
            func bad(_ name: String, _ what: String) -> ReportError {
                .invalid("\(path): line \(lineNumber), column \(name): \"\(EscapedText.excerpt(text(name)))\" \(what)")
            }
            func number(_ name: String) throws(ReportError) -> Double {
                guard let value = ReportNumberField.parse(line, fields[column(name)]) else {
                    throw bad(name, "is not a number")
                }
                return value
            }
            func count(_ name: String) throws(ReportError) -> Int {
                guard let value = ReportNumber.index(try number(name)) else {
                    throw bad(name, "is not a whole number of 0 or more")
                }
                return value
            }
            guard try count("sweep_point") == point else { continue }
            let rowReplicate = try count("replicate")
            if replicate == nil { replicate = rowReplicate }
            guard rowReplicate == replicate else { continue }
            guard let arm = arms[text("arm")] else { throw bad("arm", "is not an arm of the scenario") }
            let actor = text("actor")
            guard actor == "a" || actor == "b" else { throw bad("actor", "is not a or b") }
            guard let action = actions[text("action")] else {
                throw bad(
                    "action", "is not an action (allowed \(actions.keys.sorted().joined(separator: ", ")))")
            }
            guard let ending = EpisodeEnding(rawValue: text("ending")) else {
                throw bad(
                    "ending",
                    "is not an ending (allowed \(EpisodeEnding.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            visit(
                Row(
                    arm: arm, couple: try count("couple"), day: try count("day"), episode: try count("episode"),
                    turn: try count("turn"), actorIsA: actor == "a", action: action,
                    arousalA: try number("arousal_a"), arousalB: try number("arousal_b"), ending: ending))
        }
    }
}
