#!/usr/bin/env python3
"""pandas reads every output file of every shipped scenario with bare read_csv.

Checks: numeric columns are numeric, NA becomes missing, keys are unique, row counts match
the manifest, and the swept values in runs.csv, effects.csv and summary.csv are those of
points.csv. Usage: test_pandas_roundtrip.py [path/to/dyadsim]
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import pandas as pd

LABELS = {"arm", "control_arm", "outcome", "style0_a", "style0_b", "proto_a", "proto_b", "style_a", "style_b"}
KEYS = {
    "couples.csv": ["sweep_point", "replicate", "arm", "couple"],
    "daily.csv": ["sweep_point", "replicate", "arm", "day"],
    "runs.csv": ["sweep_point", "replicate", "arm"],
    "effects.csv": ["sweep_point", "arm", "outcome"],
    "summary.csv": ["sweep_point", "arm", "outcome"],
    "points.csv": ["sweep_point"],
}


def run(dyadsim, scenario, out):
    with open(scenario) as handle:
        text = handle.read()
    days = "70" if "baseline_day: 60" in text else "40"
    subprocess.run([dyadsim, "run", scenario, "--out", out, "--couples", "96", "--days", days, "--quiet"], check=True)


def check_directory(directory):
    manifest = json.load(open(os.path.join(directory, "manifest.json")))
    rows = {entry["name"]: entry["rows"] for entry in manifest["files"]}
    failures = []
    for name, keys in KEYS.items():
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            continue
        frame = pd.read_csv(path)
        if len(frame) != rows[name]:
            failures.append(f"{path}: {len(frame)} rows, manifest says {rows[name]}")
        for column in frame.columns:
            if column in LABELS or len(frame) == 0:  # an empty table has no values to type
                continue
            if not pd.api.types.is_numeric_dtype(frame[column]):
                failures.append(f"{path}: column {column} is {frame[column].dtype}, not numeric")
        if frame.duplicated(subset=keys).any():
            failures.append(f"{path}: keys {keys} are not unique")
        with open(path) as handle:
            tokens = {field for line in handle for field in line.rstrip("\n").split(",")}
        bad = tokens & {"nan", "NaN", "inf", "-inf", "Infinity", "-Infinity", ""}
        if bad:
            failures.append(f"{path}: contains {sorted(bad)} (missing values must be NA)")
    points_path = os.path.join(directory, "points.csv")
    if os.path.exists(points_path):
        points = pd.read_csv(points_path)
        swept = [column for column in points.columns if column != "sweep_point"]
        for name in ["runs.csv", "effects.csv", "summary.csv"]:
            frame = pd.read_csv(os.path.join(directory, name))
            missing = [column for column in swept if column not in frame.columns]
            if missing:
                failures.append(f"{directory}/{name}: no swept columns {missing}")
                continue
            merged = frame[["sweep_point"] + swept].merge(points, on="sweep_point", suffixes=("", "_points"))
            for column in swept:
                if not (merged[column] == merged[column + "_points"]).all():
                    failures.append(f"{directory}/{name}: {column} differs from points.csv")
    couples = pd.read_csv(os.path.join(directory, "couples.csv")) if os.path.exists(os.path.join(directory, "couples.csv")) else None
    if couples is not None:
        if not couples["day_dissolved"].isna().any() and couples["dissolved"].eq(0).any():
            failures.append(f"{directory}: day_dissolved has no missing values although couples survived")
        if couples["proto_a"].isna().all() != (manifest["scenario"]["population"]["mode"] == "traits"):
            failures.append(f"{directory}: proto_a missing values do not match the population mode")
        # Role-free columns: the partner with the higher day-0 anxiety (avoidance), ties to a.
        a_more_anxious = couples["a0_a"] >= couples["a0_b"]
        a_more_avoidant = couples["v0_a"] >= couples["v0_b"]
        for base in ["a", "v", "sat", "mean_e", "flood_frac", "pursue_frac", "withdraw_frac", "security"]:
            for suffix, a_is in [("more_anxious", a_more_anxious), ("more_avoidant", a_more_avoidant)]:
                expected = couples[base + "_a"].where(a_is, couples[base + "_b"])
                got = couples[f"{base}_{suffix}"]
                same = (got == expected) | (got.isna() & expected.isna())
                if not same.all():
                    failures.append(f"{directory}: {base}_{suffix} differs from the rule in {int((~same).sum())} rows")
    return failures


def main():
    dyadsim = sys.argv[1] if len(sys.argv) > 1 else ".build/release/dyadsim"
    # Calibration files (*.calibration.json5) are not scenarios: Tests/python is not their place.
    scenarios = sorted(path for path in glob.glob("Scenarios/*.json5") + glob.glob("Scenarios/*/*.json5")
                       if not path.endswith(".calibration.json5"))
    failures = []
    with tempfile.TemporaryDirectory() as temporary:
        for index, scenario in enumerate(scenarios):
            out = os.path.join(temporary, f"run{index}")
            run(dyadsim, scenario, out)
            failures += check_directory(out)
    for failure in failures:
        print("FAIL", failure)
    print(f"pandas round trip: {len(scenarios)} scenarios, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
