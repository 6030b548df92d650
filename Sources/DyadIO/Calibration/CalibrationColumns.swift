import DyadCore
import DyadExperiment
import DyadInference

/// The text of a calibration's CSV files (docs/calibration.md): `,` separator, shortest
/// round-trip numbers, `NA` for a missing value, `Inf` for ε₀. Every value except
/// `generations.csv`'s `wall_seconds` is a function of the calibration file alone.
enum CalibrationColumns {
    /// Columns of posterior.csv before the parameters and targets (target names may not be these).
    static let fixed = ["generation", "particle", "weight", "distance", "attempt", "seed", "status"]

    /// A number as written: shortest round-trip decimal, NA (NaN), Inf or -Inf.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NA" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        return NumberText.shortest(value)
    }

    /// `generation,attempt,seed,status,distance,<paths>,<targets>`.
    static func simulationsHeader(_ problem: CalibrationProblem) -> String {
        (["generation", "attempt", "seed", "status", "distance"] + problem.parameters.map(\.name)
            + problem.targets.map(\.name)).joined(separator: ",") + "\n"
    }

    /// One row per simulation of a generation, in attempt order.
    static func simulationRows(_ report: ABCGenerationReport, targetCount: Int) -> String {
        var text = ""
        for simulation in report.simulations {
            let proposal = simulation.proposal
            var fields = [
                String(proposal.generation), String(proposal.attempt), String(proposal.seed),
                simulation.status.rawValue, simulation.distance.map(number) ?? "NA",
            ]
            fields += proposal.parameters.map(number)
            fields += (simulation.statistics ?? [Double](repeating: .nan, count: targetCount)).map(number)
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// posterior.csv: every accepted particle of every generation.
    static func posterior(_ state: ABCState, problem: CalibrationProblem) -> String {
        var text =
            (["generation", "particle", "weight", "distance"] + problem.parameters.map(\.name)
            + problem.targets.map(\.name)).joined(separator: ",") + "\n"
        for generation in state.generations {
            let population = generation.population
            for particle in 0..<population.count {
                var fields = [
                    String(generation.index), String(particle), number(population.weights[particle]),
                    number(population.distances[particle]),
                ]
                fields += population.parameters[particle].map(number)
                fields += population.statistics[particle].map(number)
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// generations.csv; `wallSeconds[t]` is generation t's wall time (NA when unknown).
    static func generations(_ state: ABCState, wallSeconds: [Double]) -> String {
        var text = "generation,epsilon,simulations,accepted,acceptance_rate,ess,wall_seconds\n"
        for generation in state.generations {
            let seconds = wallSeconds.indices.contains(generation.index) ? wallSeconds[generation.index] : .nan
            text +=
                [
                    String(generation.index), number(generation.epsilon), String(generation.simulations),
                    String(generation.accepted), number(generation.acceptanceRate),
                    number(generation.effectiveSampleSize), number((seconds * 1000).rounded() / 1000),
                ].joined(separator: ",") + "\n"
        }
        return text
    }

    /// posterior-summary.csv: per parameter of the last generation.
    static func summary(_ summary: PosteriorSummary) -> String {
        var text = "parameter,mean,sd,q2.5,q50,q97.5,prior_low,prior_high\n"
        for marginal in summary.marginals {
            text +=
                [
                    marginal.name, number(marginal.mean), number(marginal.standardDeviation), number(marginal.lower95),
                    number(marginal.median), number(marginal.upper95), number(marginal.priorLowerBound),
                    number(marginal.priorUpperBound),
                ].joined(separator: ",") + "\n"
        }
        return text
    }

    /// predictive.csv: per target (then per prediction), the observed value and sd (NA for a
    /// prediction), and over the predictive draws the mean, the 2.5 % and 97.5 % quantiles (type 7),
    /// z = (mean − observed)/sd, and the number of draws with a value.
    static func predictive(
        _ draws: [[Double]], problem: CalibrationProblem, predictions: [CalibrationTarget]
    ) -> String {
        var text = "statistic,role,observed,sd,simulated_mean,simulated_q2.5,simulated_q97.5,z,draws\n"
        let rows =
            problem.targets.map { ($0.name, "target", $0.observed, $0.scale) }
            + predictions.map { ($0.name, "prediction", Double.nan, Double.nan) }
        for (index, (name, role, observed, scale)) in rows.enumerated() {
            let values = draws.map { $0[index] }.filter { !$0.isNaN }.sorted()
            let mean = Moments(of: values).meanOrMissing
            text +=
                [
                    name, role, number(observed), number(scale), number(mean),
                    number(Quantile.type7(sorted: values, 0.025)), number(Quantile.type7(sorted: values, 0.975)),
                    number((mean - observed) / scale), String(values.count),
                ].joined(separator: ",") + "\n"
        }
        return text
    }
}
