import DyadCore

/// A model parameter (resolved once, when the scenario is read) with its value.
public struct ParameterValue: Sendable, Equatable {
    public let parameter: ParameterInfo
    public var value: Double

    /// The parameter's name.
    public var name: String { parameter.name }

    public init(parameter: ParameterInfo, value: Double) {
        self.parameter = parameter
        self.value = value
    }
}
