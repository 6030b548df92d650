/// A named point (a, v) in trait space used by `styles` mode (docs/model.md §5.3).
public struct StylePrototype: Sendable, Equatable {
    public var name: String
    public var anxiety: Double
    public var avoidance: Double

    public init(name: String, anxiety: Double, avoidance: Double) {
        self.name = name
        self.anxiety = anxiety
        self.avoidance = avoidance
    }

    /// The four default prototypes [A]: secure (0.30, 0.20), anxious (0.75, 0.25),
    /// avoidant (0.30, 0.70), fearful (0.75, 0.70).
    public static let defaults: [StylePrototype] = [
        StylePrototype(name: "secure", anxiety: 0.30, avoidance: 0.20),
        StylePrototype(name: "anxious", anxiety: 0.75, avoidance: 0.25),
        StylePrototype(name: "avoidant", anxiety: 0.30, avoidance: 0.70),
        StylePrototype(name: "fearful", anxiety: 0.75, avoidance: 0.70),
    ]
}
