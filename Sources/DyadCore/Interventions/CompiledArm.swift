/// Error raised when an arm cannot be compiled (validation upstream normally prevents it).
public enum ArmError: Error, Equatable, Sendable {
    case unknownParameter(String)
    case populationParameterInSet(String)
    case tooManyInterventions(arm: String, count: Int)
}

/// A trial arm ready for the engine.
struct CompiledArm: Sendable {
    let name: String
    let interventions: [CompiledIntervention]
    /// `eventDays[d]`: an intervention starts or ends on day d, or an EFT session may be held
    /// (strengths and effective parameters can change only on these days).
    let eventDays: [Bool]

    /// Whether step 0 has anything to do on `day`.
    func isEventDay(_ day: Int) -> Bool { day < eventDays.count && eventDays[day] }

    init(_ arm: Arm, days: Int, eftInterval: Int, eftSessions: Int) throws(ArmError) {
        guard arm.interventions.count <= Arm.maximumInterventions else {
            throw .tooManyInterventions(arm: arm.name, count: arm.interventions.count)
        }
        name = arm.name
        var compiled: [CompiledIntervention] = []
        for intervention in arm.interventions {
            var parameter: ParameterInfo?
            var value = 0.0
            if case .set(let name, let newValue) = intervention.kind {
                guard let info = ParameterCatalog.info(named: name) else { throw .unknownParameter(name) }
                guard info.level != .population else { throw .populationParameterInSet(name) }
                parameter = info
                value = newValue
            }
            compiled.append(
                CompiledIntervention(
                    kind: intervention.kind.type, target: intervention.target, strength: intervention.strength,
                    startDay: intervention.startDay, endDay: intervention.endDay ?? Int.max,
                    eligibility: intervention.eligibility, setParameter: parameter, setValue: value))
        }
        interventions = compiled
        var events = [Bool](repeating: false, count: max(0, days))
        for intervention in compiled {
            if intervention.startDay < days { events[intervention.startDay] = true }
            if intervention.endDay < days { events[intervention.endDay] = true }
            if intervention.kind == .eft {
                // Sessions fall on start + k·interval (base eft_* values; `set` cannot change them).
                var day = intervention.startDay
                for _ in 0..<max(1, eftSessions) where day < days {
                    events[day] = true
                    day += max(1, eftInterval)
                }
            }
        }
        eventDays = events
    }
}
