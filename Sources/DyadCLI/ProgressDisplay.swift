import Dispatch
import DyadCore
import DyadIO
import Foundation
import Synchronization

/// Progress on standard error: updated in place at most 4 times a second on a terminal, one
/// line per 10 % otherwise. Couple progress inside runs comes from a shared counter.
final class ProgressDisplay: ProgressSink, @unchecked Sendable {
    private struct Values {
        var finishedRuns = 0
        var lastDecile = 0
        var lastLength = 0
        /// Outcome couple-days of runs kept from an earlier invocation (counted as done).
        var reusedCoupleDays = 0.0
    }

    private let console: Console
    private let totalRuns: Int
    private let totalCoupleDays: Double
    private let coupleDaysPerCouple: Double
    let couples = ProgressCounter()
    private let started = Date()
    private let values: Mutex<Values>
    private var timer: DispatchSourceTimer?
    private let inPlace: Bool
    /// Whether ``begin(reused:pending:reusedCoupleDays:)`` announces kept runs on standard output.
    private let announcesReuse: Bool

    init(
        console: Console, totalRuns: Int, alreadyFinished: Int, totalCoupleDays: Double, coupleDaysPerCouple: Double,
        announcesReuse: Bool = false
    ) {
        self.console = console
        self.announcesReuse = announcesReuse
        self.totalRuns = totalRuns
        self.totalCoupleDays = max(1, totalCoupleDays)
        self.coupleDaysPerCouple = coupleDaysPerCouple
        inPlace = console.errorIsTerminal
        values = Mutex(Values(finishedRuns: alreadyFinished))
    }

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 0.25, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.render(final: false) }
        timer.resume()
        self.timer = timer
    }

    /// Counts kept runs as done and says how many there are (`reusing N finished runs, M to do`).
    func begin(reused: Int, pending: Int, reusedCoupleDays: Double) {
        values.withLock {
            $0.finishedRuns = reused
            $0.reusedCoupleDays = reusedCoupleDays
        }
        if announcesReuse && reused > 0 {
            console.print("dyadsim: reusing \(reused) finished run\(reused == 1 ? "" : "s"), \(pending) to do")
        }
    }

    func update(finished: Int, total: Int, coupleDays: Int) {
        values.withLock { $0.finishedRuns = finished }
    }

    /// Stops the display; a non-terminal gets a last line when the run ended between updates.
    func stop(completed: Bool = false) {
        timer?.cancel()
        timer = nil
        if completed && !inPlace && values.withLock({ $0.lastDecile < 10 }) {
            let reused = values.withLock { state -> Double in
                state.finishedRuns = totalRuns
                return state.reusedCoupleDays
            }
            // A shard without runs has no couple-days per couple: nothing to add.
            let perCouple = coupleDaysPerCouple > 0 ? (totalCoupleDays - reused) / coupleDaysPerCouple : 0
            let missing = max(0, perCouple) - Double(couples.value)
            if missing.isFinite && missing >= 1 && missing < 1e15 { couples.add(Int(missing)) }
            render(final: true)
        }
        if inPlace {
            let length = values.withLock { $0.lastLength }
            if length > 0 { console.errorRaw("\r" + String(repeating: " ", count: length) + "\r") }
        }
    }

    private func render(final: Bool) {
        let elapsed = Date().timeIntervalSince(started)
        let simulated = Double(couples.value) * coupleDaysPerCouple
        let (runs, reused) = values.withLock { ($0.finishedRuns, $0.reusedCoupleDays) }
        let done = reused + simulated
        let fraction = min(1, done / totalCoupleDays)
        let rate = elapsed > 0 ? simulated / elapsed : 0
        let remaining = rate > 0 ? (totalCoupleDays - done) / rate : 0
        let text =
            "\(runs)/\(totalRuns) runs, \(Int(fraction * 100))%, \(Self.rate(rate)) couple-days/s, elapsed \(Self.duration(elapsed)), ETA \(Self.duration(remaining))"
        if inPlace {
            let padding = values.withLock { state -> Int in
                defer { state.lastLength = text.count }
                return max(0, state.lastLength - text.count)
            }
            console.errorRaw("\r" + text + String(repeating: " ", count: padding))
        } else {
            let decile = Int(fraction * 10)
            let due = values.withLock { state -> Bool in
                guard decile > state.lastDecile else { return false }
                state.lastDecile = decile
                return true
            }
            if due { console.error("progress: " + text) }
        }
    }

    static func rate(_ value: Double) -> String {
        if value >= 1e6 { return String(format: "%.2fM", value / 1e6) }
        if value >= 1e3 { return String(format: "%.1fk", value / 1e3) }
        return String(format: "%.0f", value)
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        // Beyond a million hours (plans of astronomical size) in years, without a conversion to Int.
        guard seconds < 3.6e9 else { return String(format: "%.3g years", seconds / 31_557_600) }
        let total = Int(seconds.rounded())
        return total >= 3600
            ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}
