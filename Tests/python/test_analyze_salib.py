#!/usr/bin/env python3
"""`dyadsim analyze` against SALib on the same runs.

Runs the shipped sensitivity example (Scenarios/sensitivity/screening.json5, a Morris design,
and Scenarios/sensitivity/moderators.json5, a Sobol design) with the real binary at a small
size, runs `dyadsim analyze` on each results folder, and recomputes every point estimate of
sensitivity.csv with SALib from the same files: `morris.analyze` on points.csv and the
replicate means of runs.csv (kind level) or the paired differences of effects.csv (kind
effect), `sobol.analyze` likewise. Every value must agree to 1e-9 (relative to max(1, |value|)).
Confidence intervals are not compared: SALib bootstraps with numpy, DyadSim with its own stream.

Usage: test_analyze_salib.py [path/to/dyadsim]
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
from SALib.analyze import morris as morris_analysis
from SALib.analyze import sobol as sobol_analysis

REPOSITORY = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SIZE = ["--couples", "80", "--days", "40"]


def analysed(dyadsim, scenario, folder):
    subprocess.run([dyadsim, "run", os.path.join(REPOSITORY, scenario), "--out", folder, "--quiet", "--force"] + SIZE,
                   check=True)
    subprocess.run([dyadsim, "analyze", folder, "--bootstrap", "20", "--quiet"], check=True)
    points = pd.read_csv(os.path.join(folder, "points.csv")).sort_values("sweep_point")
    names = [c for c in points.columns if c != "sweep_point"]
    runs = pd.read_csv(os.path.join(folder, "runs.csv"))
    effects = pd.read_csv(os.path.join(folder, "effects.csv"))
    sensitivity = pd.read_csv(os.path.join(folder, "sensitivity.csv"))
    with open(os.path.join(folder, "manifest.json")) as handle:
        levels = json.load(handle)["scenario"]["sweep"]["sample"].get("levels", 4)
    return levels, points[names].to_numpy(), names, runs, effects, sensitivity


def outputs(runs, effects, outcome, arm, kind):
    """The analysed value of every design row, in sweep_point order."""
    if kind == "level":
        rows = runs[runs["arm"] == arm]
        return rows.groupby("sweep_point")[outcome + "_mean"].mean().sort_index().to_numpy()
    rows = effects[(effects["arm"] == arm) & (effects["outcome"] == outcome)]
    return rows.set_index("sweep_point")["difference"].sort_index().to_numpy()


def salib(method, x, names, y, levels):
    problem = {"num_vars": len(names), "names": names, "bounds": [[0, 1]] * len(names)}
    estimates = {}
    if method == "morris":
        result = morris_analysis.analyze(problem, x, y, num_levels=levels, num_resamples=10, seed=1)
        for index in ["mu", "mu_star", "sigma"]:
            estimates.update({(index, names[j]): float(result[index][j]) for j in range(len(names))})
    else:
        result = sobol_analysis.analyze(problem, y, calc_second_order=True, num_resamples=10, seed=1)
        for index in ["S1", "ST"]:
            estimates.update({(index, names[j]): float(result[index][j]) for j in range(len(names))})
        for j in range(len(names)):
            for k in range(j + 1, len(names)):
                estimates[("S2", names[j] + "\u00d7" + names[k])] = float(result["S2"][j, k])
    return estimates


def compare(label, method, levels, x, names, runs, effects, sensitivity):
    ok = True
    worst = 0.0
    groups = sensitivity.groupby(["outcome", "arm", "kind"], sort=False)
    if len(groups) < 10:
        print(f"FAIL: {label}: only {len(groups)} outputs in sensitivity.csv")
        ok = False
    kinds = set(sensitivity["kind"])
    if kinds != {"level", "effect"}:
        print(f"FAIL: {label}: kinds {sorted(kinds)}")
        ok = False
    for (outcome, arm, kind), rows in groups:
        y = outputs(runs, effects, outcome, arm, kind)
        if len(y) != len(x) or not np.all(np.isfinite(y)):
            print(f"FAIL: {label}: {outcome} {arm} {kind}: {len(y)} finite outputs for {len(x)} design rows")
            ok = False
            continue
        reference = salib(method, x, names, y, levels)
        if len(rows) != len(reference):
            print(f"FAIL: {label}: {outcome} {arm} {kind}: {len(rows)} indices, SALib has {len(reference)}")
            ok = False
        for row in rows.itertuples():
            expected = reference.get((row.index, row.parameter))
            if expected is None:
                print(f"FAIL: {label}: {outcome} {arm} {kind}: SALib has no {row.index} of {row.parameter}")
                ok = False
                continue
            difference = abs(row.value - expected) / max(1.0, abs(expected))
            worst = max(worst, difference)
            if not difference <= 1e-9:
                print(f"FAIL: {label}: {outcome} {arm} {kind} {row.index} {row.parameter}: dyadsim {row.value!r}, "
                      f"SALib {expected!r}")
                ok = False
    print(f"{label}: {len(sensitivity)} indices of {len(groups)} outputs; max relative difference from SALib "
          f"{worst:.3g}:", "PASS" if ok else "FAIL")
    return ok


def main():
    dyadsim = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPOSITORY, ".build/release/dyadsim"))
    ok = True
    with tempfile.TemporaryDirectory() as temporary:
        folder = os.path.join(temporary, "morris")
        loaded = analysed(dyadsim, "Scenarios/sensitivity/screening.json5", folder)
        ok = compare("morris (screening.json5)", "morris", *loaded) and ok
        folder = os.path.join(temporary, "sobol")
        loaded = analysed(dyadsim, "Scenarios/sensitivity/moderators.json5", folder)
        ok = compare("sobol (moderators.json5)", "sobol", *loaded) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
