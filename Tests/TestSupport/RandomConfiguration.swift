import DyadCore

/// Random but valid model configurations for invariant and robustness tests.
public struct RandomConfiguration {
    public var parameters: ModelParameters
    public var population: PopulationParameters
    public var arms: [Arm]
    public var couples: Int
    public var days: Int
    public var burnIn: Int
    public var baselineDay: Int

    /// Draws a configuration from `seed`: every parameter either its default, a uniform value in
    /// its docs/model.md §8 range (log-uniform for wide ranges), or one of the range ends.
    public static func make(seed: UInt64) -> RandomConfiguration {
        var random = RandomStream(key: seed)
        func pick(_ info: ParameterInfo) -> Double? {
            let u = random.uniform()
            let range = info.range
            if u < 0.45 { return nil }
            if u < 0.55 { return range.lowerBound }
            if u < 0.62 { return range.upperBound }
            let width = range.upperBound - range.lowerBound
            if width > 200 {
                // Wide ranges: mostly moderate magnitudes, occasionally huge.
                let magnitude = random.uniform() < 0.9 ? random.uniform() * 20 : pow10(random.uniform() * 9)
                let value = random.uniform() < 0.5 && range.lowerBound < 0 ? -magnitude : magnitude
                return min(range.upperBound, max(range.lowerBound, range.lowerBound >= 0 ? magnitude : value))
            }
            return range.lowerBound + random.uniform() * width
        }
        var parameters = ModelParameters()
        var population = PopulationParameters()
        for info in ParameterCatalog.all {
            if info.name == "t_max" || info.name == "break_turns" || info.name == "break_turns_trained" {
                let value = (pow10(random.uniform() * 2.5)).rounded()
                switch info.level {
                case .couple: try? parameters.set(info.name, to: value)
                default: try? parameters.set(info.name, to: value, role: random.uniform() < 0.5 ? .a : nil)
                }
                continue
            }
            guard let value = pick(info) else { continue }
            switch info.level {
            case .partner:
                try? parameters.set(info.name, to: value, role: [Role.a, .b, nil][Int(random.uniform() * 3)])
            case .couple: try? parameters.set(info.name, to: value)
            case .population: try? population.set(info.name, to: value)
            }
        }
        if random.uniform() < 0.5 { population.mode = .styles }
        if PopulationSampler.choleskyFactor(population.correlationMatrix) == nil {
            population.correlationWithin = 0.2
            population.correlationAnxietyAnxiety = 0
            population.correlationAvoidanceAvoidance = 0
            population.correlationCross = 0
        }
        if random.uniform() < 0.3 {
            population.pairings = population.pairings.map {
                StylePairing(styleA: $0.styleA, styleB: $0.styleB, share: random.uniform() < 0.5 ? 0 : random.uniform())
            }
            if !population.pairings.contains(where: { $0.share > 0 }) { population.pairings[3].share = 1 }
        }
        let days = 1 + Int(random.uniform() * 80)
        var arms = [Arm(name: "control")]
        let kinds = InterventionKind.parameterFree
        let targets = InterventionTarget.allCases
        for armIndex in 0..<Int(random.uniform() * 3) {
            var interventions: [Intervention] = []
            for _ in 0..<(1 + Int(random.uniform() * 3)) {
                var kind = kinds[Int(random.uniform() * Double(kinds.count))]
                if random.uniform() < 0.25 {
                    let names = ParameterCatalog.modelParameterNames
                    let info = ParameterCatalog.info(named: names[Int(random.uniform() * Double(names.count))])!
                    let value =
                        info.name == "t_max"
                        ? 1 + random.uniform() * 50
                        : info.range.lowerBound
                            + random.uniform() * min(100, info.range.upperBound - info.range.lowerBound)
                    kind = .set(parameter: info.name, value: min(value, info.range.upperBound))
                }
                let start = Int(random.uniform() * Double(days))
                let end: Int? = random.uniform() < 0.5 ? nil : start + 1 + Int(random.uniform() * 40)
                interventions.append(
                    Intervention(
                        kind: kind, target: targets[Int(random.uniform() * Double(targets.count))],
                        strength: random.uniform() < 0.2 ? 1 : random.uniform(), startDay: start, endDay: end,
                        eligibility: random.uniform() < 0.3 ? .distressed : .all))
            }
            arms.append(Arm(name: "arm\(armIndex)", interventions: interventions))
        }
        return RandomConfiguration(
            parameters: parameters, population: population, arms: arms, couples: 1 + Int(random.uniform() * 6),
            days: days, burnIn: Int(random.uniform() * 40), baselineDay: Int(random.uniform() * Double(days)))
    }

    private static func pow10(_ x: Double) -> Double { DyadMath.exp(x * DyadMath.log(10)) }
}
