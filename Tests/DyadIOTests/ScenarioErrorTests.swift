import DyadIO
import Foundation
import TestSupport
import Testing

/// Every user mistake gives one precise line per problem: file, field path, value, what is
/// allowed. The table is asserted word for word (FILE stands for the scenario's path).
@Suite("Scenario validation messages")
struct ScenarioErrorTests {
    static let table: [(name: String, text: String, lines: [String])] = [
        (
            "all_zero_shares",
            "{ population: { mode: \"styles\", pairings: [{ a: \"secure\", b: \"anxious\", share: 0 }, { a: \"anxious\", b: \"secure\", share: 0 }] } }",
            [
                "error: FILE: population.pairings: every share is 0 (allowed at least one positive share)"
            ]
        ),
        (
            "arm_name_spaces", "{ arms: [{ name: \"no validation\" }] }",
            [
                "error: FILE: arms[0].name: \"no validation\" is not a plain word (allowed letters, digits, _ and -)"
            ]
        ),
        (
            "bad_mode", "{ population: { mode: \"style\" } }",
            [
                "error: FILE: population.mode: \"style\" is not a population mode; did you mean \"styles\"? (allowed traits, styles)"
            ]
        ),
        (
            "baseline_after_days", "{ days: 30, baseline_day: 30 }",
            [
                "error: FILE: baseline_day: 30 is not before days 30 (allowed 0...29)"
            ]
        ),
        (
            "control_arm_unknown", "{ arms: [{ name: \"waitlist\" }, { name: \"eft\" }], control_arm: \"waitlst\" }",
            [
                "error: FILE: control_arm: \"waitlst\" is not the name of an arm; did you mean \"waitlist\"? (allowed waitlist, eft)"
            ]
        ),
        (
            "correlation_not_pd", "{ population: { r_within: 0.99, r_cross: 0.99, r_anx_anx: -0.99 } }",
            [
                "error: FILE: population: r_within 0.99, r_anx_anx -0.99, r_av_av 0.05 and r_cross 0.99 do not form a valid correlation matrix (allowed a positive-definite matrix)"
            ]
        ),
        (
            "couple_param_in_params_a", "{ params_a: { t_max: 10 } }",
            [
                "error: FILE: params_a.t_max: t_max is a couple-level parameter; set it in params"
            ]
        ),
        (
            "daily_every_zero", "{ outputs: { daily_every: 0 } }",
            [
                "error: FILE: outputs.daily_every: 0 is out of range (allowed 1...100000)"
            ]
        ),
        (
            "design_missing_file", "{ sweep: { design_file: \"nope.csv\" } }",
            [
                "error: FILE: sweep.design_file: cannot read \"nope.csv\": no such file"
            ]
        ),
        (
            "duplicate_arm", "{ arms: [{ name: \"control\" }, { name: \"control\" }] }",
            [
                "error: FILE: arms[1].name: \"control\" is already the name of arms[0] (allowed unique arm names)"
            ]
        ),
        (
            "duplicate_key", "{\n  couples: 100,\n  couples: 200,\n}",
            [
                "error: FILE: couples: the key \"couples\" appears more than once (lines 2 and 3)"
            ]
        ),
        (
            "empty_arms", "{ arms: [] }",
            [
                "error: FILE: arms: the list is empty (allowed at least 1 arm)"
            ]
        ),
        (
            "empty_pairings", "{ population: { mode: \"styles\", pairings: [] } }",
            [
                "error: FILE: population.pairings: the list is empty (allowed at least 1 pairing)"
            ]
        ),
        (
            "end_before_start",
            "{ arms: [{ name: \"a\", interventions: [{ type: \"eft\", start_day: 20, end_day: 10 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].end_day: 10 is not after start_day 20 (allowed 21 or more)"
            ]
        ),
        (
            "fraction_couples", "{ couples: 10.5 }",
            [
                "error: FILE: couples: 10.5 is not a whole number (allowed 1...100000000)"
            ]
        ),
        (
            "huge_couples", "{ couples: 1e12 }",
            [
                "error: FILE: couples: 1e12 is out of range (allowed 1...100000000)"
            ]
        ),
        (
            "infinity_literal", "{ days: Infinity }",
            [
                "error: FILE: days: Infinity is not a finite number (allowed 1...100000)"
            ]
        ),
        (
            "init_w_zero", "{ params: { init_w: 0 } }",
            [
                "error: FILE: params.init_w: init_w is 0 for both roles, so nobody could start an episode (allowed init_w > 0 for at least one role)"
            ]
        ),
        (
            "many_problems", "{ couples: -1, days: \"x\", params: { g0: 2, imp_hrash: 1 }, arms: [] }",
            [
                "error: FILE: couples: -1 is out of range (allowed 1...100000000)",
                "error: FILE: days: \"x\" is a string, expected an integer (allowed 1...100000)",
                "error: FILE: params.g0: 2 is out of range (allowed 0...1)",
                "error: FILE: params.imp_hrash: unknown parameter \"imp_hrash\"; did you mean \"imp_harsh\"? (allowed the names listed by dyadsim params)",
                "error: FILE: arms: the list is empty (allowed at least 1 arm)",
            ]
        ),
        (
            "missing_arm_name", "{ arms: [{ interventions: [] }] }",
            [
                "error: FILE: arms[0].name: missing required key \"name\""
            ]
        ),
        (
            "missing_type", "{ arms: [{ name: \"a\", interventions: [{ strength: 1 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].type: missing required key \"type\""
            ]
        ),
        (
            "nan_literal", "{ params: { g0: NaN } }",
            [
                "error: FILE: params.g0: NaN is not a finite number (allowed 0...1)"
            ]
        ),
        (
            "negative_couples", "{ couples: -5 }",
            [
                "error: FILE: couples: -5 is out of range (allowed 1...100000000)"
            ]
        ),
        (
            "negative_share",
            "{ population: { mode: \"styles\", pairings: [{ a: \"secure\", b: \"secure\", share: -1 }] } }",
            [
                "error: FILE: population.pairings[0].share: -1 is out of range (allowed 0 or more)"
            ]
        ),
        (
            "negative_start_day", "{ arms: [{ name: \"a\", interventions: [{ type: \"eft\", start_day: -1 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].start_day: -1 is out of range (allowed 0...100000)"
            ]
        ),
        (
            "null_value", "{ seed: null }",
            [
                "error: FILE: seed: found null, expected an integer (allowed 0...9007199254740991)"
            ]
        ),
        (
            "overflow_number", "{ params: { g0: 1e400 } }",
            [
                "error: FILE: params.g0: 1e400 is not a finite number (allowed 0...1)"
            ]
        ),
        (
            "param_on_non_set", "{ arms: [{ name: \"a\", interventions: [{ type: \"eft\", param: \"g0\" }] }] }",
            [
                "error: FILE: arms[0].interventions[0].param: the key \"param\" is only used when type is \"set\""
            ]
        ),
        (
            "param_out_of_range", "{ params: { g0: 1.5 } }",
            [
                "error: FILE: params.g0: 1.5 is out of range (allowed 0...1)"
            ]
        ),
        (
            "population_in_params", "{ params: { mean_anx_a: 4 } }",
            [
                "error: FILE: params.mean_anx_a: mean_anx_a is a population value; set it in population"
            ]
        ),
        (
            "replicates_zero", "{ replicates: 0 }",
            [
                "error: FILE: replicates: 0 is out of range (allowed 1...1000000)"
            ]
        ),
        (
            "sample_bad_method",
            "{ sweep: { sample: { method: \"latin\", n: 10, ranges: { \"params.g0\": [0.2, 0.8] } } } }",
            [
                "error: FILE: sweep.sample.method: \"latin\" is not a sampling method (allowed random, lhs, sobol, morris)"
            ]
        ),
        (
            "sample_low_high",
            "{ sweep: { sample: { method: \"lhs\", n: 10, ranges: { \"params.g0\": [0.8, 0.2] } } } }",
            [
                "error: FILE: sweep.sample.ranges[\"params.g0\"]: the low end 0.8 is not below the high end 0.2 (allowed low < high)"
            ]
        ),
        (
            "sample_morris_integer_range",
            "{ sweep: { sample: { method: \"morris\", trajectories: 4, ranges: { days: [10, 12], \"params.g0\": [0.1, 0.9] } } } }",
            [
                "error: FILE: sweep.sample.ranges.days: the whole-number range 10…12 has fewer than 4 levels (allowed high − low ≥ levels − 1 = 3)"
            ]
        ),
        (
            "sample_morris_n",
            "{ sweep: { sample: { method: \"morris\", n: 10, ranges: { \"params.g0\": [0.1, 0.9] } } } }",
            [
                "error: FILE: sweep.sample.n: a morris design is sized by trajectories, not n (allowed trajectories and levels)",
                "error: FILE: sweep.sample.trajectories: missing required key \"trajectories\" for a morris design",
            ]
        ),
        (
            "sample_morris_odd_levels",
            "{ sweep: { sample: { method: \"morris\", trajectories: 1, levels: 5, ranges: { \"params.g0\": [0.1, 0.9] } } } }",
            [
                "error: FILE: sweep.sample.levels: 5 is odd (allowed even numbers in 2...1000)",
                "error: FILE: sweep.sample.trajectories: 1 is out of range (allowed 2...1000000)",
            ]
        ),
        (
            "sample_trajectories_not_morris",
            "{ sweep: { sample: { method: \"sobol\", n: 8, trajectories: 4, levels: 6, ranges: { \"params.g0\": [0.1, 0.9] } } } }",
            [
                "error: FILE: sweep.sample.trajectories: the key \"trajectories\" is only used when method is \"morris\"",
                "error: FILE: sweep.sample.levels: the key \"levels\" is only used when method is \"morris\"",
            ]
        ),
        (
            "sample_without_n", "{ sweep: { sample: { method: \"lhs\", ranges: { \"params.g0\": [0.1, 0.9] } } } }",
            [
                "error: FILE: sweep.sample.n: missing required key \"n\""
            ]
        ),
        (
            "seed_negative", "{ seed: -1 }",
            [
                "error: FILE: seed: -1 is out of range (allowed 0...9007199254740991)"
            ]
        ),
        (
            "seed_too_big", "{ seed: 18446744073709551615 }",
            [
                "error: FILE: seed: 18446744073709551615 is out of range (allowed 0...9007199254740991)"
            ]
        ),
        (
            "set_unknown_param",
            "{ arms: [{ name: \"a\", interventions: [{ type: \"set\", param: \"imp_hrash\", value: 0.1 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].param: \"imp_hrash\" is not a model parameter; did you mean \"imp_harsh\"? (allowed the names listed by dyadsim params)"
            ]
        ),
        (
            "set_value_range",
            "{ arms: [{ name: \"a\", interventions: [{ type: \"set\", param: \"imp_harsh\", value: 2 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].value: 2 is out of range (allowed 0...1)"
            ]
        ),
        (
            "set_without_param", "{ arms: [{ name: \"a\", interventions: [{ type: \"set\", value: 1 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].param: missing required key \"param\" for a set intervention"
            ]
        ),
        (
            "start_after_days",
            "{ days: 30, arms: [{ name: \"a\", interventions: [{ type: \"eft\", start_day: 40 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].start_day: 40 is not before days 30, so the intervention never starts (allowed 0...29)"
            ]
        ),
        (
            "strength_out_of_range",
            "{ arms: [{ name: \"a\" }, { name: \"b\", interventions: [{ type: \"self_soothing\", strength: 1.4 }] }] }",
            [
                "error: FILE: arms[1].interventions[0].strength: 1.4 is out of range (allowed 0...1)"
            ]
        ),
        (
            "sweep_bad_root", "{ sweep: { grid: { \"parms.g0\": [0.1] } } }",
            [
                "error: FILE: sweep.grid[\"parms.g0\"]: unknown sweep path \"parms.g0\"; did you mean \"params\"? (paths start with params., params_a., params_b., population., arms., or are couples, days, burn_in_days, baseline_day)"
            ]
        ),
        (
            "sweep_days_vs_baseline", "{ baseline_day: 50, sweep: { grid: { days: [40, 100] } } }",
            [
                "error: FILE: sweep: at point 0 (days=40): baseline_day: 50 is not before days 40 (allowed 0...39)"
            ]
        ),
        (
            "sweep_duplicate_value", "{ sweep: { grid: { \"params.g0\": [0.5, 0.5] } } }",
            [
                "error: FILE: sweep.grid[\"params.g0\"][1]: 0.5 appears twice in this list (allowed distinct values)"
            ]
        ),
        (
            "sweep_empty_list", "{ sweep: { grid: { \"params.g0\": [] } } }",
            [
                "error: FILE: sweep.grid[\"params.g0\"]: the list is empty (allowed at least 1 value)"
            ]
        ),
        (
            "sweep_unknown_arm",
            "{ arms: [{ name: \"control\" }, { name: \"cv\", interventions: [{ type: \"consistent_validation\" }] }], sweep: { grid: { \"arms.vc.consistent_validation.strength\": [0.5] } } }",
            [
                "error: FILE: sweep.grid[\"arms.vc.consistent_validation.strength\"]: no arm is named \"vc\"; did you mean \"cv\"? (arms: control, cv)"
            ]
        ),
        (
            "sweep_unknown_path", "{ sweep: { grid: { \"params.imp_hrash\": [0.1, 0.2] } } }",
            [
                "error: FILE: sweep.grid[\"params.imp_hrash\"]: unknown parameter \"imp_hrash\"; did you mean \"imp_harsh\"?"
            ]
        ),
        (
            "sweep_value_range", "{ sweep: { grid: { \"params.g0\": [0.5, 1.5] } } }",
            [
                "error: FILE: sweep.grid[\"params.g0\"][1]: 1.5 is out of range (allowed 0...1)"
            ]
        ),
        (
            "sweep_zip_unequal", "{ sweep: { zip: { \"params.g0\": [0.1, 0.2], \"params.h0\": [5, 6, 7] } } }",
            [
                "error: FILE: sweep.zip[\"params.h0\"]: 3 values, but params.g0 has 2 (allowed lists of equal length)"
            ]
        ),
        (
            "syntax_missing_comma", "{\n  couples: 100\n  days: 30,\n}",
            [
                "error: FILE:2:15: expected ',' or '}' after an object member, found 'days' at line 3, column 3"
            ]
        ),
        (
            "syntax_trailing_garbage", "{ couples: 100 } extra",
            [
                "error: FILE:1:18: unexpected 'extra' after the end of the scenario"
            ]
        ),
        (
            "syntax_unclosed", "{ couples: 100,",
            [
                "error: FILE:1:16: unexpected end of the file inside an object"
            ]
        ),
        (
            "syntax_unterminated_string", "{\n  name: \"abc\n}",
            [
                "error: FILE:2:9: unterminated string"
            ]
        ),
        (
            "top_level_array", "[1, 2, 3]",
            [
                "error: FILE: found a list, expected an object"
            ]
        ),
        (
            "unknown_intervention_key", "{ arms: [{ name: \"x\", interventions: [{ type: \"eft\", strenght: 1 }] }] }",
            [
                "error: FILE: arms[0].interventions[0].strenght: unknown key \"strenght\"; did you mean \"strength\"? (allowed type, target, strength, start_day, end_day, eligibility, param, value)"
            ]
        ),
        (
            "unknown_output_key", "{ outputs: { dayly: false } }",
            [
                "error: FILE: outputs.dayly: unknown key \"dayly\"; did you mean \"daily\"? (allowed directory, couples, partners, daily, daily_every, traces)"
            ]
        ),
        (
            "unknown_param", "{ params: { imp_hrash: 0.2 } }",
            [
                "error: FILE: params.imp_hrash: unknown parameter \"imp_hrash\"; did you mean \"imp_harsh\"? (allowed the names listed by dyadsim params)"
            ]
        ),
        (
            "unknown_param_far", "{ params: { qqq: 0.2 } }",
            [
                "error: FILE: params.qqq: unknown parameter \"qqq\" (allowed the names listed by dyadsim params)"
            ]
        ),
        (
            "unknown_population_key", "{ population: { r_withn: 0.1 } }",
            [
                "error: FILE: population.r_withn: unknown key \"r_withn\"; did you mean \"r_within\"?"
            ]
        ),
        (
            "unknown_prototype", "{ population: { mode: \"styles\", pairings: [{ a: \"anxous\", b: \"secure\" }] } }",
            [
                "error: FILE: population.pairings[0].a: \"anxous\" is not a prototype; did you mean \"anxious\"? (allowed secure, anxious, avoidant, fearful)"
            ]
        ),
        (
            "unknown_sweep_key", "{ sweep: { grd: {} } }",
            [
                "error: FILE: sweep.grd: unknown key \"grd\"; did you mean \"grid\"? (allowed grid, zip, sample, design_file, design, random_numbers)"
            ]
        ),
        (
            "unknown_target", "{ arms: [{ name: \"a\", interventions: [{ type: \"eft\", target: \"bothh\" }] }] }",
            [
                "error: FILE: arms[0].interventions[0].target: \"bothh\" is not a target; did you mean \"both\"? (allowed a, b, both, more_anxious, more_avoidant, partner_of_more_anxious, partner_of_more_avoidant)"
            ]
        ),
        (
            "unknown_top_key", "{ couple: 100 }",
            [
                "error: FILE: couple: unknown key \"couple\"; did you mean \"couples\"?"
            ]
        ),
        (
            "unknown_top_key_far", "{ zzzzzzzz: 1 }",
            [
                "error: FILE: zzzzzzzz: unknown key \"zzzzzzzz\""
            ]
        ),
        (
            "unknown_type", "{ arms: [{ name: \"a\", interventions: [{ type: \"consistent_validaton\" }] }] }",
            [
                "error: FILE: arms[0].interventions[0].type: \"consistent_validaton\" is not an intervention type; did you mean \"consistent_validation\"? (allowed consistent_validation, withhold_validation, self_soothing, soft_startup, communicate_intentions, share_vulnerability, eft, set)"
            ]
        ),
        (
            "wrong_type_arms_object", "{ arms: { name: \"x\" } }",
            [
                "error: FILE: arms: found an object, expected a list"
            ]
        ),
        (
            "wrong_type_couples", "{ couples: \"many\" }",
            [
                "error: FILE: couples: \"many\" is a string, expected an integer (allowed 1...100000000)"
            ]
        ),
        (
            "wrong_type_days_bool", "{ days: true }",
            [
                "error: FILE: days: true is a boolean, expected an integer (allowed 1...100000)"
            ]
        ),
        (
            "wrong_type_name_number", "{ name: 5 }",
            [
                "error: FILE: name: 5 is a number, expected a string"
            ]
        ),
        (
            "wrong_type_params_list", "{ params: [1, 2] }",
            [
                "error: FILE: params: found a list, expected an object"
            ]
        ),
        (
            "zero_days", "{ days: 0 }",
            [
                "error: FILE: days: 0 is out of range (allowed 1...100000)"
            ]
        ),
    ]

    @Test("each bad scenario gives exactly its messages", arguments: table.map(\.name))
    func badScenario(name: String) throws {
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

    @Test("files that are empty, not UTF-8, missing or a directory")
    func unreadableFiles() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let cases: [(String, Data, String)] = [
            ("empty.json5", Data(), "error: FILE:1:1: the file is empty"),
            ("comment.json5", Data("  \n // only a comment\n".utf8), "error: FILE:1:1: the file is empty"),
            (
                "binary.json5", Data([0x7b, 0xff, 0xfe, 0x00, 0x01, 0x80]),
                "error: FILE:1:2: the file is not valid UTF-8 text"
            ),
            (
                "crash.json5", Data([0x7b] + [UInt8](repeating: 0xff, count: 12)),
                "error: FILE:1:2: the file is not valid UTF-8 text"
            ),
        ]
        for (name, bytes, expected) in cases {
            let file = directory.file(name)
            try bytes.write(to: URL(fileURLWithPath: file))
            #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: file) }
            do { _ = try ScenarioLoader.load(path: file) } catch {
                #expect(error.lines == [expected.replacingOccurrences(of: "FILE", with: file)])
            }
        }
        let missing = directory.file("missing.json5")
        do { _ = try ScenarioLoader.load(path: missing) } catch {
            #expect(error.lines == ["error: \(missing): no such file"])
        }
        let folder = directory.file("folder.json5")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do { _ = try ScenarioLoader.load(path: folder) } catch {
            #expect(error.lines == ["error: \(folder): this is a directory, not a scenario file"])
        }
    }

    @Test("there are at least 40 bad inputs in the table")
    func tableSize() {
        #expect(Self.table.count >= 40)
    }
}
