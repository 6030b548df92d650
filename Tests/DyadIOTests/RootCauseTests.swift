import DyadIO
import Foundation
import TestSupport
import Testing

/// One mistake, one line: a sweep path, `control_arm` or pairing that refers to an arm,
/// intervention, parameter or prototype that is itself invalid is not reported again. The table
/// is asserted word for word (FILE stands for the scenario's path).
@Suite("Scenario validation reports root causes only")
struct RootCauseTests {
    static let table: [(name: String, text: String, lines: [String])] = [
        (
            "arm_strength_swept",
            """
            { arms: [{ name: "control" },
                     { name: "validation", interventions: [{ type: "consistent_validation", strength: 100 }] }],
              sweep: { grid: { "arms.validation.consistent_validation.strength": [0.5, 1] } } }
            """,
            [
                "error: FILE: arms[1].interventions[0].strength: 100 is out of range (allowed 0...1)"
            ]
        ),
        (
            "arm_target_zipped",
            """
            { arms: [{ name: "control" },
                     { name: "validation", interventions: [{ type: "consistent_validation", target: "more_anxous" }] }],
              sweep: { zip: { "arms.validation.consistent_validation.strength": [0.5, 1],
                              "params.g0": [0.2, 0.3] } } }
            """,
            [
                "error: FILE: arms[1].interventions[0].target: \"more_anxous\" is not a target; did you mean "
                    + "\"more_anxious\"? (allowed a, b, both, more_anxious, more_avoidant, partner_of_more_anxious, "
                    + "partner_of_more_avoidant)"
            ]
        ),
        (
            "arm_type_sampled",
            """
            { arms: [{ name: "control" }, { name: "validation", interventions: [{ type: "consistent_validaton" }] }],
              sweep: { sample: { method: "lhs", n: 4,
                                 ranges: { "arms.validation.consistent_validation.strength": [0, 1] } } } }
            """,
            [
                "error: FILE: arms[1].interventions[0].type: \"consistent_validaton\" is not an intervention type; "
                    + "did you mean \"consistent_validation\"? (allowed consistent_validation, withhold_validation, "
                    + "self_soothing, soft_startup, communicate_intentions, share_vulnerability, eft, set)"
            ]
        ),
        (
            "set_parameter_swept",
            """
            { arms: [{ name: "control" },
                     { name: "tuned", interventions: [{ type: "set", param: "imp_hrash", value: 0.2 }] }],
              sweep: { grid: { "arms.tuned.set.value": [0.1, 0.2] } } }
            """,
            [
                "error: FILE: arms[1].interventions[0].param: \"imp_hrash\" is not a model parameter; did you mean "
                    + "\"imp_harsh\"? (allowed the names listed by dyadsim params)"
            ]
        ),
        (
            "set_value_in_design",
            """
            { arms: [{ name: "control" },
                     { name: "tuned", interventions: [{ type: "set", param: "imp_harsh", value: 2 }] }],
              sweep: { design: { columns: ["arms.tuned.interventions[0].value", "params.g0"],
                                 rows: [[0.1, 0.2], [0.3, 0.4]] } } }
            """,
            [
                "error: FILE: arms[1].interventions[0].value: 2 is out of range (allowed 0...1)"
            ]
        ),
        (
            "control_arm_invalid",
            """
            { arms: [{ name: "waitlist" }, { name: "eft", interventions: [{ type: "eft", strength: 2 }] }],
              control_arm: "eft" }
            """,
            [
                "error: FILE: arms[1].interventions[0].strength: 2 is out of range (allowed 0...1)"
            ]
        ),
        (
            "duplicate_arm_swept",
            """
            { arms: [{ name: "control" }, { name: "control", interventions: [{ type: "eft" }] }],
              sweep: { grid: { "arms.control.eft.strength": [0.5] } } }
            """,
            [
                "error: FILE: arms[1].name: \"control\" is already the name of arms[0] (allowed unique arm names)"
            ]
        ),
        (
            "unnamed_arm_referenced",
            """
            { arms: [{ name: "control" }, { interventions: [{ type: "eft" }] }], control_arm: "eft",
              sweep: { grid: { "arms.eft.eft.strength": [0.5] } } }
            """,
            [
                "error: FILE: arms[1].name: missing required key \"name\""
            ]
        ),
        (
            "empty_arms_referenced",
            """
            { arms: [], control_arm: "control", sweep: { grid: { "arms.control.eft.strength": [0.5] } } }
            """,
            [
                "error: FILE: arms: the list is empty (allowed at least 1 arm)"
            ]
        ),
        (
            "prototype_in_pairing",
            """
            { population: { mode: "styles", prototypes: { clingy: { a: 1.5, v: 0.2 } },
                            pairings: [{ a: "clingy", b: "secure" }] } }
            """,
            [
                "error: FILE: population.prototypes.clingy.a: 1.5 is out of range (allowed 0...1)"
            ]
        ),
        (
            "valid_arm_still_resolved",
            """
            { arms: [{ name: "control" }, { name: "bad", interventions: [{ type: "eft", strength: 2 }] },
                     { name: "cv", interventions: [{ type: "consistent_validation" }] }],
              sweep: { grid: { "arms.cv.consistent_validation.strength": [0.5, 1], "arms.bad.eft.strength": [0.5] } } }
            """,
            [
                "error: FILE: arms[1].interventions[0].strength: 2 is out of range (allowed 0...1)"
            ]
        ),
        (
            "independent_mistake_kept",
            """
            { arms: [{ name: "control" }, { name: "bad", interventions: [{ type: "eft", strength: 2 }] },
                     { name: "soft", interventions: [{ type: "soft_startup" }] }],
              sweep: { grid: { "arms.soft.eft.strength": [0.5], "arms.bad.eft.strength": [0.5] } } }
            """,
            [
                "error: FILE: arms[1].interventions[0].strength: 2 is out of range (allowed 0...1)",
                "error: FILE: sweep.grid[\"arms.soft.eft.strength\"]: arm \"soft\" has no eft intervention "
                    + "(it has: soft_startup)",
            ]
        ),
    ]

    @Test("each mistake gives exactly its root-cause lines", arguments: table.map(\.name))
    func rootCause(name: String) throws {
        let entry = try #require(Self.table.first { $0.name == name })
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("\(name).json5", entry.text)
        do {
            _ = try ScenarioLoader.load(path: file)
            Issue.record("\(name) loaded without an error")
        } catch {
            #expect(error.lines == entry.lines.map { $0.replacingOccurrences(of: "FILE", with: file) })
        }
    }

    @Test(
        "with the root cause fixed, each scenario loads (the follow-on paths were valid)",
        arguments: [
            ("arm_strength_swept", "strength: 100", "strength: 1"),
            ("arm_target_zipped", "more_anxous", "more_anxious"),
            ("arm_type_sampled", "consistent_validaton", "consistent_validation"),
            ("set_parameter_swept", "imp_hrash", "imp_harsh"),
            ("set_value_in_design", "value: 2", "value: 0.5"),
            ("control_arm_invalid", "strength: 2", "strength: 1"),
            ("unnamed_arm_referenced", "{ interventions", "{ name: \"eft\", interventions"),
            ("prototype_in_pairing", "a: 1.5", "a: 0.9"),
            ("valid_arm_still_resolved", "strength: 2", "strength: 1"),
        ])
    func fixed(name: String, wrong: String, right: String) throws {
        let entry = try #require(Self.table.first { $0.name == name })
        #expect(entry.text.contains(wrong))
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("\(name).json5", entry.text.replacingOccurrences(of: wrong, with: right))
        #expect(throws: Never.self) { try ScenarioLoader.load(path: file) }
    }
}
