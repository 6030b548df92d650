/// The Okabe–Ito palette (M. Okabe & K. Ito, "Color Universal Design", 2008): eight colours
/// distinguishable under the common colour-vision deficiencies.
enum Palette {
    static let black = Colour(hex: "#000000")
    static let orange = Colour(hex: "#E69F00")
    static let skyBlue = Colour(hex: "#56B4E9")
    static let bluishGreen = Colour(hex: "#009E73")
    static let yellow = Colour(hex: "#F0E442")
    static let blue = Colour(hex: "#0072B2")
    static let vermillion = Colour(hex: "#D55E00")
    static let reddishPurple = Colour(hex: "#CC79A7")

    /// Neutral greys for axes, grids and notes (not data).
    static let axis = Colour(hex: "#333333")
    static let grid = Colour(hex: "#E3E3E3")
    static let mutedText = Colour(hex: "#555555")
    static let neutralFill = Colour(hex: "#BDBDBD")
    static let highlightTint = Colour(hex: "#FBE3D0")

    /// Treatment-arm colours in order; yellow last (weak on white).
    static let treatments = [blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, yellow]

    /// Colours and marker shapes for arms: the control arm black with circles, the other arms
    /// in scenario order through ``treatments`` (shapes cycle so more than seven arms stay apart).
    static func armStyles(_ arms: [String], control: String) -> [String: (colour: Colour, shape: MarkerShape)] {
        var styles: [String: (Colour, MarkerShape)] = [control: (black, .circle)]
        let shapes: [MarkerShape] = [.square, .diamond, .triangle, .circle]
        for (index, arm) in arms.filter({ $0 != control }).enumerated() {
            styles[arm] = (treatments[index % treatments.count], shapes[index % shapes.count])
        }
        return styles
    }
}
