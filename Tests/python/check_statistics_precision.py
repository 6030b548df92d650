#!/usr/bin/env python3
"""How close are the statistics of runs.csv, effects.csv and summary.csv to exact arithmetic?

Recomputes every run mean, paired effect and replicate summary from the rows of couples.csv
with exact rationals (and mpmath at 50 digits for square roots and the Student t quantile),
then reports each file's largest error in units in the last place (ulp). Given a second
output directory of the same scenario (same couples.csv, e.g. written by an older DyadSim),
it also compares the two number by number: every number that differs must be at least as
close to the exact value as the other directory's (exit 1 otherwise).

Usage: check_statistics_precision.py OUTPUT_DIR [OTHER_OUTPUT_DIR]
"""
import csv
import math
import sys
from collections import defaultdict
from fractions import Fraction

import mpmath

mpmath.mp.dps = 50
LABELS = {"style0_a", "style0_b", "proto_a", "proto_b", "style_a", "style_b"}


def read(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def real(value):
    """A Fraction (or mpmath number) as an mpmath number."""
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpf(value)


def number(text):
    return None if text == "NA" else float(text)


def couples(directory):
    """{(point, replicate, arm): {couple: {column: Fraction or None}}} and the numeric columns."""
    header, rows = read(directory + "/couples.csv")
    numeric = [name for name in header[4:] if name not in LABELS]
    table = defaultdict(dict)
    for row in rows:
        values = dict(zip(header, row))
        key = (int(values["sweep_point"]), int(values["replicate"]), values["arm"])
        table[key][int(values["couple"])] = {
            name: (None if values[name] == "NA" else Fraction(float(values[name]))) for name in numeric
        }
    return table, numeric


def t_quantile(degrees):
    """The 0.975 quantile of Student's t with `degrees` degrees of freedom (50 digits)."""
    nu = mpmath.mpf(degrees)

    def upper_tail(t):
        return mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2

    return mpmath.findroot(lambda t: upper_tail(t) - mpmath.mpf("0.025"), mpmath.mpf(2))


def moments(values):
    """n, exact mean and exact sum of squared deviations."""
    n = len(values)
    mean = sum(values, Fraction(0)) / n
    return n, mean, sum(((value - mean) ** 2 for value in values), Fraction(0))


def interval(n, mean, deviations):
    """(se, ci_low, ci_high) as mpmath numbers, or Nones below two values."""
    if n < 2:
        return None, None, None
    se = mpmath.sqrt(real(deviations) / (n - 1) / n)
    half = t_quantile(n - 1) * se
    return se, real(mean) - half, real(mean) + half


def references(directory):
    """{(file, key, column): exact value (mpmath) or None for NA}."""
    table, numeric = couples(directory)
    reference = {}
    run_means = defaultdict(dict)
    for (point, replicate, arm), rows in table.items():
        for name in numeric:
            present = [row[name] for row in rows.values() if row[name] is not None]
            mean = sum(present, Fraction(0)) / len(present) if present else None
            reference[("runs.csv", (point, replicate, arm), name + "_mean")] = mean
            run_means[(point, arm, name)][replicate] = mean
    # summary.csv: moments of the run means across replicates.
    for (point, arm, name), by_replicate in run_means.items():
        values = [value for value in by_replicate.values() if value is not None]
        key = (point, arm, name)
        if not values:
            continue
        n, mean, deviations = moments(values)
        reference[("summary.csv", key, "mean")] = mean
        reference[("summary.csv", key, "sd")] = mpmath.sqrt(real(deviations) / (n - 1)) if n > 1 else None
        _, low, high = interval(n, mean, deviations)
        reference[("summary.csv", key, "ci_low")] = low
        reference[("summary.csv", key, "ci_high")] = high
    # effects.csv: paired over replicates and couples, each arm against the control arm.
    header, rows = read(directory + "/effects.csv")
    for row in rows:
        values = dict(zip(header, row))
        point, arm = int(values["sweep_point"]), values["arm"]
        control, outcome = values["control_arm"], values["outcome"]
        pairs = []
        for (p, replicate, name), arm_rows in table.items():
            if p != point or name != arm:
                continue
            control_rows = table[(p, replicate, control)]
            for couple, treated in arm_rows.items():
                c, t = control_rows[couple][outcome], treated[outcome]
                if c is not None and t is not None:
                    pairs.append((c, t))
        key = (point, arm, outcome)
        if not pairs:
            continue
        n, difference, deviations = moments([t - c for c, t in pairs])
        _, control_mean, control_deviations = moments([c for c, _ in pairs])
        _, arm_mean, arm_deviations = moments([t for _, t in pairs])
        se, low, high = interval(n, difference, deviations)
        reference[("effects.csv", key, "control_mean")] = control_mean
        reference[("effects.csv", key, "arm_mean")] = arm_mean
        reference[("effects.csv", key, "difference")] = difference
        reference[("effects.csv", key, "se")] = se
        reference[("effects.csv", key, "ci_low")] = low
        reference[("effects.csv", key, "ci_high")] = high
        if n > 1:
            pooled = mpmath.sqrt((real(control_deviations) + real(arm_deviations)) / (n - 1) / 2)
            reference[("effects.csv", key, "d")] = real(difference) / pooled if pooled > 0 else None
    return reference


def produced(directory):
    """{(file, key, column): float or None} for the statistics of the three files."""
    result = {}
    header, rows = read(directory + "/runs.csv")
    for row in rows:
        values = dict(zip(header, row))
        key = (int(values["sweep_point"]), int(values["replicate"]), values["arm"])
        for name in header:
            if name.endswith("_mean"):
                result[("runs.csv", key, name)] = number(values[name])
    for file, labels, columns in [
        ("effects.csv", ["arm", "outcome"], ["control_mean", "arm_mean", "difference", "se", "ci_low", "ci_high", "d"]),
        ("summary.csv", ["arm", "outcome"], ["mean", "sd", "ci_low", "ci_high"]),
    ]:
        header, rows = read(directory + "/" + file)
        for row in rows:
            values = dict(zip(header, row))
            key = (int(values["sweep_point"]),) + tuple(values[label] for label in labels)
            for name in columns:
                result[(file, key, name)] = number(values[name])
    return result


def ulps(value, exact):
    """|value − exact| in units in the last place of the exact value (0 when both are NA)."""
    if value is None or exact is None:
        return 0.0 if value is None and exact is None else math.inf
    exact = real(exact)
    if exact == 0:
        return 0.0 if value == 0 else math.inf
    ulp = mpmath.ldexp(1, int(mpmath.floor(mpmath.log(abs(exact), 2))) - 52)
    return float(abs(mpmath.mpf(value) - exact) / ulp)


def main(arguments):
    if len(arguments) not in (1, 2):
        print(__doc__)
        return 64
    reference = references(arguments[0])
    outputs = [produced(directory) for directory in arguments]
    for index, directory in enumerate(arguments):
        worst = defaultdict(float)
        for key, value in outputs[index].items():
            if key in reference:
                worst[(key[0], key[2] if key[0] != "runs.csv" else "means")] = max(
                    worst[(key[0], key[2] if key[0] != "runs.csv" else "means")], ulps(value, reference[key]))
        print(f"{directory}: largest error in ulps of the exact value")
        for (file, column), error in sorted(worst.items()):
            print(f"  {file:12} {column:13} {error:.3f}")
    if len(outputs) == 1:
        return 0
    changed = closer = same = farther = 0
    for key, value in outputs[0].items():
        other = outputs[1].get(key)
        if key not in reference or value == other or (value is None and other is None):
            continue
        changed += 1
        mine, theirs = ulps(value, reference[key]), ulps(other, reference[key])
        if mine < theirs:
            closer += 1
        elif mine == theirs:
            same += 1
        else:
            farther += 1
            print(f"farther: {key}: {value!r} ({mine:.3f} ulp) vs {other!r} ({theirs:.3f} ulp)")
    compared = sum(1 for key in outputs[0] if key in reference)
    print(f"{compared} numbers compared; {changed} differ: {closer} closer to the exact value, "
          f"{same} equally close, {farther} farther")
    return 1 if farther else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
