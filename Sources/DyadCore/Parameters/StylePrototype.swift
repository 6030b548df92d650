/// A named point (a, v) in trait space used by `styles` mode (docs/model.md §5.3).
public struct StylePrototype: Sendable, Equatable {
    /// The prototype's name, as pairings and the `proto_a`/`proto_b` labels name it.
    public var name: String
    /// Anxiety a of the prototype, 0–1.
    public var anxiety: Double
    /// Avoidance v of the prototype, 0–1.
    public var avoidance: Double

    /// A prototype at (anxiety, avoidance), both in 0–1.
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
