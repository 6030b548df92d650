/// Errors of a configuration the engine cannot run.
public enum SimulationError: Error, Equatable, Sendable {
    case population(PopulationError)
    case arm(ArmError)
    case invalidRange(String)
}
