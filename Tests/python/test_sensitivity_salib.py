#!/usr/bin/env python3
"""SALib reference values for DyadSim's sensitivity estimators (Tests/DyadInferenceTests).

SALib samples Ishigami designs (Saltelli/Sobol with and without second-order rows; Morris with
4 and 6 levels), evaluates the Ishigami function, and analyses the outputs with
SALib.analyze.sobol / SALib.analyze.morris. The designs, outputs and SALib's point estimates
are stored as CSV fixtures; the Swift test SALibAgreementTests reads them and requires DyadSim's
estimators to give the same point estimates to 1e-9. (Confidence intervals are not compared:
SALib draws its bootstrap with numpy, DyadSim with its own stream.)

Usage:
  test_sensitivity_salib.py [ignored]   check that SALib, run on the committed X and Y, still
                                        gives the committed estimates (to 1e-12)
  test_sensitivity_salib.py --write     regenerate the fixtures (designs, outputs, estimates)
"""
import csv
import math
import os
import sys

import numpy as np
from SALib.analyze import morris as morris_analysis
from SALib.analyze import sobol as sobol_analysis
from SALib.sample import morris as morris_sample
from SALib.sample import sobol as sobol_sample
from SALib.test_functions import Ishigami

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "DyadInferenceTests", "Fixtures")
NAMES = ["x1", "x2", "x3"]
# name: (method, SALib sample arguments, bounds)
DESIGNS = {
    "sobol_second_order": ("sobol", {"N": 128, "calc_second_order": True, "seed": 20240601}, [[-math.pi, math.pi]] * 3),
    "sobol_first_order": ("sobol", {"N": 64, "calc_second_order": False, "seed": 7}, [[-math.pi, math.pi]] * 3),
    "morris_levels4": ("morris", {"N": 20, "num_levels": 4, "seed": 11}, [[-math.pi, math.pi]] * 3),
    "morris_levels6": ("morris", {"N": 30, "num_levels": 6, "seed": 12},
                       [[-3.0, 3.0], [-2.0, 3.5], [-math.pi, math.pi]]),
}


def problem(bounds):
    return {"num_vars": 3, "names": NAMES, "bounds": bounds}


def analyse(name, x, y):
    """SALib's point estimates as (index, parameter, value) rows."""
    method, arguments, bounds = DESIGNS[name]
    rows = []
    if method == "sobol":
        second = arguments["calc_second_order"]
        result = sobol_analysis.analyze(problem(bounds), y, calc_second_order=second, num_resamples=10, seed=1)
        for index in ["S1", "ST"]:
            rows += [(index, NAMES[j], float(result[index][j])) for j in range(3)]
        if second:
            rows += [("S2", NAMES[j] + "\u00d7" + NAMES[k], float(result["S2"][j, k]))
                     for j in range(3) for k in range(j + 1, 3)]
    else:
        levels = arguments["num_levels"]
        result = morris_analysis.analyze(problem(bounds), x, y, num_levels=levels, num_resamples=10, seed=1)
        for index in ["mu", "mu_star", "sigma"]:
            rows += [(index, NAMES[j], float(result[index][j])) for j in range(3)]
    return rows


def write():
    os.makedirs(FIXTURES, exist_ok=True)
    estimates = []
    for name, (method, arguments, bounds) in DESIGNS.items():
        if method == "sobol":
            x = sobol_sample.sample(problem(bounds), arguments["N"], calc_second_order=arguments["calc_second_order"],
                                    seed=arguments["seed"])
        else:
            x = morris_sample.sample(problem(bounds), arguments["N"], num_levels=arguments["num_levels"],
                                     seed=arguments["seed"])
        y = Ishigami.evaluate(x)
        with open(os.path.join(FIXTURES, f"salib_{name}.csv"), "w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(NAMES + ["y"])
            for row, value in zip(x, y):
                writer.writerow([repr(float(v)) for v in row] + [repr(float(value))])
        estimates += [(name, *row) for row in analyse(name, x, y)]
    with open(os.path.join(FIXTURES, "salib_estimates.csv"), "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["design", "index", "parameter", "value"])
        for design, index, parameter, value in estimates:
            writer.writerow([design, index, parameter, repr(value)])
    print(f"wrote {len(DESIGNS) + 1} fixtures to {os.path.normpath(FIXTURES)}")


def check():
    with open(os.path.join(FIXTURES, "salib_estimates.csv"), newline="") as handle:
        stored = {(r["design"], r["index"], r["parameter"]): float(r["value"]) for r in csv.DictReader(handle)}
    worst = 0.0
    ok = True
    for name in DESIGNS:
        table = np.loadtxt(os.path.join(FIXTURES, f"salib_{name}.csv"), delimiter=",", skiprows=1)
        for index, parameter, value in analyse(name, table[:, :3], table[:, 3]):
            key = (name, index, parameter)
            if key not in stored:
                print(f"FAIL: {key} is missing from salib_estimates.csv")
                ok = False
                continue
            difference = abs(stored[key] - value)
            worst = max(worst, difference)
            if difference > 1e-12:
                print(f"FAIL: {key}: SALib now gives {value!r}, the fixture has {stored[key]!r}")
                ok = False
    print(f"SALib estimates on the committed designs: max |difference| {worst:.3g};", "PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        write()
    else:
        check()
