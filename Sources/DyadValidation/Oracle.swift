import DyadCore

/// The oracles of docs/model.md §10.1: exact or statistical checks of the engine against closed forms.
package enum Oracle: Int, CaseIterable, Sendable {
    /// Oracles 1–15 in docs/model.md §10.1 order (raw value = number).
    case neutralRelaxation = 1, heartRate, tonicArousal, twentyMinuteBreak, satisfaction
    case conflictFrequency, initiatorShare, flatSoftmax, hazard, traitsFixed
    case stylesAllocation, traitSampler, determinism, strengthZero, fullWithholding

    /// "O1" … "O15".
    package var id: String { "O\(rawValue)" }

    /// The oracle's name in docs/model.md §10.1, used as the result's `scenario`.
    package var title: String {
        switch self {
        case .neutralRelaxation: "neutral relaxation"
        case .heartRate: "heart rate"
        case .tonicArousal: "tonic arousal"
        case .twentyMinuteBreak: "20-minute break"
        case .satisfaction: "satisfaction"
        case .conflictFrequency: "conflict frequency"
        case .initiatorShare: "initiator share"
        case .flatSoftmax: "flat softmax"
        case .hazard: "hazard"
        case .traitsFixed: "traits fixed"
        case .stylesAllocation: "styles allocation"
        case .traitSampler: "trait sampler"
        case .determinism: "determinism"
        case .strengthZero: "strength 0"
        case .fullWithholding: "full withholding"
        }
    }
}
