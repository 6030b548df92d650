#!/usr/bin/env python3
"""The APIM example of docs/dyadic-data.md runs on a shipped scenario's partners.csv.

Runs Scenarios/dyadic.json5 small (partners.csv on), fits the actor-partner interdependence
model of satisfaction on day-0 anxiety and avoidance (Kenny, Kashy & Cook 2006) in the control
arm, once as a mixed model with a random intercept per couple (statsmodels MixedLM: compound
symmetry of the two partners' residuals) and once on the measured scores (CSI-16 on ECR-R),
and asserts the model's signs: both the actor and the partner effect of anxiety on
satisfaction are negative, with 95 % intervals below zero. Usage: test_apim.py [path/to/dyadsim]
"""
import os
import subprocess
import sys
import tempfile

import pandas as pd
import statsmodels.formula.api as smf

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    dyadsim = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/dyadsim")
    with tempfile.TemporaryDirectory() as directory:
        out = os.path.join(directory, "dyadic")
        subprocess.run([dyadsim, "run", os.path.join(ROOT, "Scenarios/dyadic.json5"), "--out", out,
                        "--couples", "1500", "--days", "60", "--quiet"], check=True)
        partners = pd.read_csv(os.path.join(out, "partners.csv"))
    control = partners[partners.arm == "control"].copy()
    control["dyad"] = control.replicate.astype(str) + ":" + control.couple.astype(str)
    assert len(control) == 2 * 1500, len(control)
    failures = []
    fits = {
        "true scores": smf.mixedlm("sat ~ a0 + partner_a0 + v0 + partner_v0", control, groups=control["dyad"]),
        "measured scores": smf.mixedlm("csi ~ ecr_anx0 + partner_ecr_anx0 + ecr_avo0 + partner_ecr_avo0", control,
                                       groups=control["dyad"]),
    }
    for name, model in fits.items():
        result = model.fit()
        intervals = result.conf_int()
        actor, partner = result.model.exog_names[1], result.model.exog_names[2]
        for term in (actor, partner):
            low, high = intervals.loc[term]
            print(f"{name}: {term} = {result.params[term]:.4f} [{low:.4f}, {high:.4f}]")
            if not high < 0:
                failures.append(f"{name}: the effect of {term} on satisfaction is not negative ({low:.4f}, {high:.4f})")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("APIM: actor and partner anxiety effects on satisfaction are negative")


if __name__ == "__main__":
    main()
