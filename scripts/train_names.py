"""Train the names model (pipeline/extract/namemodel.py) on the project's gold and write it.

    python scripts/train_names.py [--sets gold blind4 …] [--out pipeline/data/names_model.json]

The default sets are the dev gold and the blind batches already opened for development: never
the held-out set nor the newest blind batch, which measure what the model adds on text it was not
trained on. The documents are cleaned and segmented as a run does (no tagging: the model reads
the text, not the rules' output, so a rule change never makes it stale). Same gold, same bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tomllib
from typing import NamedTuple
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import load_config  # noqa: E402
from pipeline.eval import load_gold, materialise_inputs  # noqa: E402
from pipeline.extract.namemodel import LABELS, labelled_runs, model_json, train  # noqa: E402
from pipeline.io.readers import DumpReader  # noqa: E402
from pipeline.model import Paragraph  # noqa: E402
from pipeline.stages.clean import Cleaner, FurnitureRules  # noqa: E402
from pipeline.stages.dedupe import ParagraphDeduper  # noqa: E402
from pipeline.stages.segment import Segmenter  # noqa: E402

SETTINGS = ROOT / "pipeline" / "data" / "names_training.toml"
TRAIN_SETS = ("gold", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12",
              "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21",
              "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30",
              "blind31", "blind32", "blind33", "blind34", "blind35", "blind36")


class GoldText(NamedTuple):
    """One segmented gold document: its paragraphs and the folded forms of its gold entities."""

    paragraphs: tuple[Paragraph, ...]
    required: dict[str, str]
    optional: frozenset[str]


def documents(name: str, bench: str, eval_root: Path = ROOT / "eval") -> list[GoldText]:
    """The gold documents of ``<eval_root>/<name>``, cleaned and segmented as a run does, by id."""
    config = load_config()
    stages = [Cleaner(FurnitureRules.load(), config.clean), ParagraphDeduper(config.dedupe), Segmenter()]
    golds = {g.id: g for g in load_gold(eval_root / name)}
    with tempfile.TemporaryDirectory() as work:
        inputs = materialise_inputs(list(golds.values()), ROOT, bench, work)
        docs = []
        for doc in DumpReader(inputs):
            for stage in stages:
                doc = stage(doc)
            docs.append(doc)
    out = []
    for doc in sorted(docs, key=lambda d: d.doc_id):
        gold = golds.get(doc.doc_id)
        if gold is None or doc.status != "ok":
            continue
        required = {f: e.type for e in gold.entities if not e.optional for f in e.forms()}
        optional = frozenset(f for e in gold.entities if e.optional for f in e.forms())
        out.append(GoldText(tuple(doc.paragraphs), required, optional))
    return out


def examples_of(texts: list[GoldText]) -> list[tuple[list[str], str]]:
    return [ex for t in texts for ex in labelled_runs(t.paragraphs, t.required, t.optional)]


def examples(sets: list[str], bench: str) -> list[tuple[list[str], str]]:
    return [ex for name in sets for ex in examples_of(documents(name, bench))]


def settings(path: str | Path = SETTINGS) -> dict:
    """The training settings (``pipeline/data/names_training.toml``): keyword arguments of ``train``."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise SystemExit(f"{path}: cannot read the names model's training settings ({exc}); restore it from git")
    return data["train"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(TRAIN_SETS), help="eval/ folders to train on")
    parser.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    parser.add_argument("--out", default=str(ROOT / "pipeline" / "data" / "names_model.json"))
    args = parser.parse_args(argv)
    data = examples(args.sets, args.bench)
    weights = train(data, list(LABELS), **settings())
    Path(args.out).write_text(model_json(weights, args.sets), encoding="utf-8")
    print(f"{args.out}: {len(data)} runs of {len(args.sets)} gold sets, {len(weights)} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
