"""Train the events acceptance model (pipeline/events/acceptance.py) on the project's gold and write it.

    python scripts/train_events.py [--sets gold blind4 …] [--out pipeline/data/events_model.json]
                                   [--cache DIR]

The default sets are the dev gold and the blind batches opened for development: never the
held-out set nor the newest blind batch. Each set is run through the whole pipeline with every
event candidate kept (``events.min_confidence = 0``); a
candidate is ``YES`` when it matches a gold event of its document, required or optional, by the
matching of pipeline/eval.py, ``NO`` otherwise. ``--cache DIR`` keeps each set's run in
``DIR/<set>`` and reuses it (delete it after a rule change). Same gold and runs, same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import load_config  # noqa: E402
from pipeline.eval import GoldDoc, Predictions, load_gold, read_predictions, run_eval, score  # noqa: E402
from pipeline.events.acceptance import LABELS, NO, YES, features, model_json  # noqa: E402
from pipeline.extract.namemodel import train  # noqa: E402
from pipeline.model import Event, Evidence, Participant  # noqa: E402

SETTINGS = ROOT / "pipeline" / "data" / "events_training.toml"
TRAIN_SETS = ("gold", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11",
              "blind12", "blind13", "blind14", "blind15", "blind16")


class Candidate(NamedTuple):
    """One event candidate of a gold document: its features, label and hand confidence."""

    doc_id: str
    event_id: str
    features: list[str]
    label: str
    confidence: float


class GoldSet(NamedTuple):
    """One gold set run with every candidate kept: the gold, what the run predicted, the candidates."""

    golds: list[GoldDoc]
    predictions: Predictions
    candidates: list[Candidate]


def _event(row: dict) -> Event:
    return Event(**{**row, "participants": [Participant(**p) for p in row["participants"]],
                    "evidences": [Evidence(**e) for e in row["evidences"]]})


def _run(name: str, bench: str, out: Path, eval_root: Path) -> None:
    if (out / "events.jsonl").is_file():
        return
    config = load_config(events={"min_confidence": 0.0})
    run_eval(eval_root / name, out_dir=out, run=True, bench_root=bench, config=config, baseline=False, repo_root=ROOT)


def gold_set(name: str, bench: str, cache: Path, eval_root: Path = ROOT / "eval") -> GoldSet:
    """``<eval_root>/<name>`` run into ``cache/<name>`` (unless there already) and its candidates labelled."""
    out = cache / name
    _run(name, bench, out, eval_root)
    golds = load_gold(eval_root / name)
    by_id = {g.id: g for g in golds}
    preds = read_predictions(out)
    kinds = {}
    with (out / "documents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            kinds[doc["doc_id"]] = {p["index"]: p["kind"] for p in doc.get("paragraphs", [])}
    pred_events = {ev.event_id: ev for ev in preds.events}
    entities: dict[str, list] = {}
    for e in preds.entities:
        entities.setdefault(e.doc_id, []).append(e)
    candidates = []
    with (out / "events.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in sorted(rows, key=lambda r: (r["doc_id"], r["event_id"])):
        gold = by_id.get(row["doc_id"])
        if gold is None:
            continue
        event = _event(row)
        one = Predictions("candidate", entities.get(event.doc_id, []), [pred_events[event.event_id]], None, True)
        counts = score([gold], one).system.event_micro
        label = YES if counts.tp or counts.ignored else NO
        candidates.append(Candidate(event.doc_id, event.event_id,
                                    features(event, kinds.get(event.doc_id, {}).get(event.paragraph, "body")),
                                    label, event.confidence))
    return GoldSet(golds, preds, candidates)


def settings(path: str | Path = SETTINGS) -> dict:
    """The training settings (``pipeline/data/events_training.toml``): keyword arguments of ``train``."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise SystemExit(f"{path}: cannot read the events model's training settings ({exc}); restore it from git")
    return data["train"]


def examples(sets: dict[str, GoldSet], names: list[str]) -> list[tuple[list[str], str]]:
    return [(c.features, c.label) for name in names for c in sets[name].candidates]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(TRAIN_SETS), help="eval/ folders to train on")
    parser.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    parser.add_argument("--out", default=str(ROOT / "pipeline" / "data" / "events_model.json"))
    parser.add_argument("--cache", default=None, help="keep (and reuse) each set's run in this folder")
    args = parser.parse_args(argv)
    if "heldout" in args.sets:
        parser.error("the held-out set is never trained on: leave it out of --sets")
    with tempfile.TemporaryDirectory(prefix="vnews-train-events-") as tmp:
        cache = Path(args.cache) if args.cache else Path(tmp)
        sets = {name: gold_set(name, args.bench, cache) for name in args.sets}
    data = examples(sets, args.sets)
    weights = train(data, list(LABELS), **settings())
    Path(args.out).write_text(model_json(weights, args.sets), encoding="utf-8")
    print(f"{args.out}: {len(data)} candidates ({sum(lab == YES for _, lab in data)} {YES}) of "
          f"{len(args.sets)} gold sets, {len(weights)} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
