import DyadCore

/// A model parameter (resolved once, when the scenario is read) with its value.
public struct ParameterValue: Sendable, Equatable {
    /// The parameter of docs/model.md §8, with its level, range and unit.
    public let parameter: ParameterInfo
    /// The value, in the parameter's unit and inside its range.
    public var value: Double

    /// The parameter's name.
    public var name: String { parameter.name }

    /// `parameter` set to `value`.
    public init(parameter: ParameterInfo, value: Double) {
        self.parameter = parameter
        self.value = value
    }
}
