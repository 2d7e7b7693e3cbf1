"""Measure the names model on gold it was not trained on: leave one batch out.

    python scripts/lobo_names.py [--folds blind9 blind10 blind11 blind12] [--sets gold blind4 …]
                                 [--json FILE] [--config FILE] [--without] [--tag JSON …]

For each fold k, a model is trained (settings of ``pipeline/data/names_training.toml``) on the
training sets (default: ``train_names.TRAIN_SETS``) minus k, written to a temporary file, and the
pipeline is run on ``eval/<k>`` with ``tag.names_model`` pointing at it. It prints the entity F1 of
every type and the micro F1 of each fold, and their mean over the folds: the figure of merit of a
change to the model's features or settings (a change that raises only the folds it was trained on
is not seen here). ``--without`` also scores each fold with the names model off; ``--tag`` also
scores it with the same fold model under other ``[tag]`` settings (``'{"names_types": ["PERSON",
"ORG"], "names_type_thresholds": {"ORG": 0.9}}'``), so a type or a threshold is measured without
training again. Each set is cleaned and segmented once; folds run one after another (one process).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from pipeline.config import load_config  # noqa: E402
from pipeline.eval import run_eval  # noqa: E402
from pipeline.extract.namemodel import LABELS, model_json, train  # noqa: E402

import train_names  # noqa: E402

DEFAULT_FOLDS = ("blind9", "blind10", "blind11", "blind12")
TYPES = ("PERSON", "ORG", "GPE", "LOC", "EVENT")


def score_fold(fold: str, bench: str, config_file: str | None, tag: dict, eval_root: Path) -> dict:
    """Entity F1 per type and micro of ``<eval_root>/<fold>`` run with the ``tag`` overrides."""
    config = load_config(config_file, tag=tag)
    report = run_eval(eval_root / fold, run=True, bench_root=bench, config=config, baseline=False, repo_root=ROOT)
    system = report.to_json()["system"]
    out = {t: system["entities"][t]["f1"] for t in TYPES if t in system["entities"]}
    out["micro"] = system["entities_micro"]["f1"]
    out["events"] = system["events_micro"]["f1"]
    return out


def lobo(folds: list[str], sets: list[str], bench: str, config_file: str | None = None,
         without: bool = False, settings: dict | None = None, eval_root: Path = ROOT / "eval",
         tags: tuple[str, ...] = ()) -> dict:
    """``{"folds": {fold: {"with": scores, "without"?: scores, <tag>?: scores}}, "mean": micro F1
    averaged, "means"?: {<tag>: micro F1 averaged}}``; ``tags`` are JSON ``[tag]`` overrides."""
    settings = settings if settings is not None else train_names.settings()
    texts = {name: train_names.documents(name, bench, eval_root) for name in dict.fromkeys([*sets, *folds])}
    result: dict = {"folds": {}, "settings": settings}
    with tempfile.TemporaryDirectory(prefix="vnews-lobo-") as tmp:
        for fold in folds:
            train_on = [s for s in sets if s != fold]
            data = [ex for s in train_on for ex in train_names.examples_of(texts[s])]
            model = Path(tmp) / f"model_{fold}.json"
            model.write_text(model_json(train(data, list(LABELS), **settings), train_on), encoding="utf-8")
            scores = {"with": score_fold(fold, bench, config_file, {"names_model": str(model)}, eval_root)}
            if without:
                scores["without"] = score_fold(fold, bench, config_file, {"names_proposer": False}, eval_root)
            for tag in tags:
                scores[tag] = score_fold(fold, bench, config_file, {**json.loads(tag), "names_model": str(model)},
                                         eval_root)
            result["folds"][fold] = scores
            for name, figures in scores.items():
                print(fold, name, " ".join(f"{k} {v:.4f}" for k, v in figures.items()), flush=True)
    result["mean"] = round(sum(f["with"]["micro"] for f in result["folds"].values()) / len(folds), 4)
    if tags:
        result["means"] = {t: round(sum(f[t]["micro"] for f in result["folds"].values()) / len(folds), 4) for t in tags}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", nargs="+", default=list(DEFAULT_FOLDS), help="eval/ folders left out, one at a time")
    parser.add_argument("--sets", nargs="+", default=list(train_names.TRAIN_SETS), help="eval/ folders to train on")
    parser.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    parser.add_argument("--config", default=None, help="TOML file overriding the run's defaults")
    parser.add_argument("--without", action="store_true", help="also score each fold with the names model off")
    parser.add_argument("--tag", nargs="+", default=[], help="JSON [tag] overrides also scored with each fold model")
    parser.add_argument("--json", default=None, help="write the figures to this file")
    args = parser.parse_args(argv)
    if "heldout" in args.sets or "heldout" in args.folds:
        parser.error("the held-out set is never trained on nor tuned on: leave it out of --sets and --folds")
    for tag in args.tag:
        try:
            if not isinstance(json.loads(tag), dict):
                raise ValueError("not an object")
        except ValueError as exc:
            parser.error(f"--tag {tag!r}: not a JSON object of [tag] settings ({exc})")
    result = lobo(args.folds, args.sets, args.bench, args.config, args.without, tags=tuple(args.tag))
    print(f"mean entity micro F1 over {len(args.folds)} folds: {result['mean']:.4f}")
    for tag, mean in result.get("means", {}).items():
        print(f"  with {tag}: {mean:.4f}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
