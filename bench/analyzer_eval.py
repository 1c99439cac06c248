"""Meeting analyzer against a labelled set: figure recall and precision, targets found, region, sectors.

The set: 20 short reports in our own words (10 English, 10 Russian; bench/analyzer_labels/reports.json),
the five test texts (tests/texts) and the seed report (../shared/seeds, skipped when absent), each with
the figures, targets, region and (where labelled) sectors a careful reader writes down.

A gold figure is found when the analyzer lists a main figure (Belarus–region, reported) with the same
flow, period and currency and a value within 0.5%; precision counts the main figures listed. A target
is found by value (or by the factor of a relative target). Each report is analysed with its date, as
`python -m analysis extract --date` would.

Run: .venv/bin/python -m bench.analyzer_eval [--root OTHER_CHECKOUT] [--misses]
(`--root` evaluates another checkout of the project, e.g. the code before a change, for a before/after.)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "analyzer_labels"
SCALE = {"thousand": 0.001, "million": 1.0, "billion": 1000.0}


def load_holdout() -> list[dict]:
    """Reports written after the rules were tuned and measured once before any change (a held-out set)."""
    return json.loads((LABELS / "holdout.json").read_text(encoding="utf-8"))


def load_set() -> list[dict]:
    """The development set with its text; file-based reports only when the file exists."""
    reports = json.loads((LABELS / "reports.json").read_text(encoding="utf-8"))
    for item in json.loads((LABELS / "files.json").read_text(encoding="utf-8")):
        path = (ROOT / item["path"]).resolve()
        if path.is_file():
            reports.append({**item, "text": path.read_text(encoding="utf-8")})
    return reports


def _millions(value: float, unit: str) -> float:
    return value * SCALE[unit]


def main_figures(rec: dict) -> list[dict]:
    """Figures the analyzer offers as the pair's reported trade (all figures for an older record)."""
    return [
        f
        for f in rec["figures"]
        if f.get("value") is not None
        and f.get("scope", "pair") == "pair"
        and f.get("kind", "reported") == "reported"
        and f.get("region_iso", rec.get("region_iso")) == rec.get("region_iso")
    ]


def _same(f: dict, g: list) -> bool:
    flow, period, value, unit, currency = g
    if (f["flow"], f.get("period"), f["currency"]) != (flow, period, currency) or f.get("unit") not in SCALE:
        return False
    want = _millions(value, unit)
    return abs(_millions(f["value"], f["unit"]) - want) <= 0.005 * want


def _target_found(rec: dict, g: list) -> bool:
    if g[0] == "x":
        return any(t.get("relative") == g[1] for t in rec["targets"])
    want = _millions(g[0], g[1])
    return any(
        t.get("value") is not None
        and t.get("unit") in SCALE
        and abs(_millions(t["value"], t["unit"]) - want) <= 0.005 * want
        for t in rec["targets"]
    )


def evaluate(analyze, reports: list[dict], show_misses: bool = False) -> dict:
    """Counts and rates over the set; `analyze(text, date)` returns a record."""
    c = dict(gold=0, found=0, listed=0, correct=0, targets=0, targets_found=0, regions=0, regions_ok=0,
             sec_tp=0, sec_fp=0, sec_fn=0)  # fmt: skip
    by_lang: dict[str, list[int]] = {}
    for r in reports:
        rec = analyze(r["text"], r["date"])
        listed = main_figures(rec)
        found = [g for g in r["figures"] if any(_same(f, g) for f in listed)]
        correct = [f for f in listed if any(_same(f, g) for g in r["figures"])]
        c["gold"] += len(r["figures"])
        c["found"] += len(found)
        c["listed"] += len(listed)
        c["correct"] += len(correct)
        lang = by_lang.setdefault(r["lang"], [0, 0, 0, 0])
        lang[0] += len(r["figures"])
        lang[1] += len(found)
        lang[2] += len(listed)
        lang[3] += len(correct)
        c["targets"] += len(r["targets"])
        c["targets_found"] += sum(_target_found(rec, g) for g in r["targets"])
        c["regions"] += 1
        c["regions_ok"] += rec["region_iso"] == r["region"]
        if r.get("sectors") is not None:
            got, want = {s["id"] for s in rec["sectors"]}, set(r["sectors"])
            c["sec_tp"] += len(got & want)
            c["sec_fp"] += len(got - want)
            c["sec_fn"] += len(want - got)
        if show_misses:
            for g in r["figures"]:
                if g not in found:
                    print(f"  MISS  {r['id']}: {g}")
            for f in listed:
                if f not in correct:
                    print(
                        f"  FALSE {r['id']}: {[f['flow'], f.get('period'), f['value'], f['unit'], f['currency']]}"
                    )
            for g in r["targets"]:
                if not _target_found(rec, g):
                    print(f"  TARGET MISS {r['id']}: {g}")
            if rec["region_iso"] != r["region"]:
                print(f"  REGION {r['id']}: {rec['region_iso']} != {r['region']}")
    p = c["sec_tp"] / max(1, c["sec_tp"] + c["sec_fp"])
    rc = c["sec_tp"] / max(1, c["sec_tp"] + c["sec_fn"])
    return {
        "reports": len(reports),
        "figure_recall": c["found"] / max(1, c["gold"]),
        "figure_precision": c["correct"] / max(1, c["listed"]),
        "targets_found": c["targets_found"] / max(1, c["targets"]),
        "region_accuracy": c["regions_ok"] / max(1, c["regions"]),
        "sector_f1": 2 * p * rc / max(1e-9, p + rc),
        "counts": c,
        "by_language": {
            k: {"recall": v[1] / max(1, v[0]), "precision": v[3] / max(1, v[2])} for k, v in by_lang.items()
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(ROOT), help="project checkout whose analyzer to evaluate")
    parser.add_argument("--misses", action="store_true", help="print every miss and false figure")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(args.root).resolve()))
    from analysis.analyzer.record import analyze_text

    for name, reports in (("development", load_set()), ("held-out", load_holdout())):
        out = evaluate(analyze_text, reports, args.misses)
        langs = {r["lang"] for r in reports}
        print(
            f"[analyzer-eval] {name}: {out['reports']} reports ({', '.join(sorted(langs))}) from {args.root}"
        )
        for k in ("figure_recall", "figure_precision", "targets_found", "region_accuracy", "sector_f1"):
            print(f"  {k:17s} {out[k]:.2f}")
        for lang, v in sorted(out["by_language"].items()):
            print(f"  {lang}: recall {v['recall']:.2f}, precision {v['precision']:.2f}")
        print(f"  counts {out['counts']}")


if __name__ == "__main__":
    main()
