/// An intervention with its `set` parameter resolved and its end day made explicit.
struct CompiledIntervention: Sendable {
    enum Kind: UInt8 {
        case consistentValidation, withholdValidation, selfSoothing, softStartup
        case communicateIntentions, shareVulnerability, eft, set
    }

    let kind: Kind
    let target: InterventionTarget
    let strength: Double
    let startDay: Int
    /// Exclusive end day (Int.max when open-ended).
    let endDay: Int
    let eligibility: Eligibility
    /// The parameter a `set` intervention changes.
    let setParameter: ParameterInfo?
    let setValue: Double

    @inline(__always)
    func isActive(day: Int) -> Bool { day >= startDay && day < endDay }
}

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

    init(_ arm: Arm) throws(ArmError) {
        guard arm.interventions.count <= Arm.maximumInterventions else {
            throw .tooManyInterventions(arm: arm.name, count: arm.interventions.count)
        }
        name = arm.name
        var compiled: [CompiledIntervention] = []
        for intervention in arm.interventions {
            var parameter: ParameterInfo?
            var value = 0.0
            let kind: CompiledIntervention.Kind
            switch intervention.kind {
            case .consistentValidation: kind = .consistentValidation
            case .withholdValidation: kind = .withholdValidation
            case .selfSoothing: kind = .selfSoothing
            case .softStartup: kind = .softStartup
            case .communicateIntentions: kind = .communicateIntentions
            case .shareVulnerability: kind = .shareVulnerability
            case .eft: kind = .eft
            case .set(let name, let newValue):
                kind = .set
                guard let info = ParameterCatalog.info(named: name) else { throw .unknownParameter(name) }
                guard info.level != .population else { throw .populationParameterInSet(name) }
                parameter = info
                value = newValue
            }
            compiled.append(CompiledIntervention(
                kind: kind, target: intervention.target, strength: intervention.strength,
                startDay: intervention.startDay, endDay: intervention.endDay ?? Int.max,
                eligibility: intervention.eligibility, setParameter: parameter, setValue: value))
        }
        interventions = compiled
    }
}
