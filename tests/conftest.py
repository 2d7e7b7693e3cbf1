"""Shared fixtures: a config pointing at the tiny test gazetteer, and document builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.gazetteer import Gazetteer
from pipeline.model import Document

ROOT = Path(__file__).resolve().parent.parent
TEST_GAZ = Path(__file__).resolve().parent / "data" / "gaz"


@pytest.fixture(scope="session")
def config():
    return load_config(tag={"gazetteers": str(TEST_GAZ)}, run={"cache_dir": ""})


@pytest.fixture(scope="session")
def test_gazetteer():
    return Gazetteer.load(TEST_GAZ)


@pytest.fixture(scope="session")
def project_gazetteer():
    """The gazetteers that ship with vnews (what a default run tags with)."""
    from pipeline.config import gazetteer_dir

    return Gazetteer.load(gazetteer_dir(load_config()))


@pytest.fixture(scope="session")
def project_segmenter():
    from pipeline.stages.segment import Segmenter

    return Segmenter()


def load_script(name: str):
    """``scripts/NAME.py`` as a module: the scripts are no package, and the tests call their functions."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_doc(lines: list[str], doc_id: str = "d1", **meta) -> Document:
    return Document(doc_id=doc_id, origin=f"{doc_id}.txt", lines=list(lines), **meta)


def find_bench() -> Path | None:
    """The bench corpora (``../shared/bench`` beside the checkout, or $VNEWS_BENCH), if present."""
    import os

    for candidate in (os.environ.get("VNEWS_BENCH"), ROOT.parent / "shared" / "bench", "/work/shared/bench"):
        if candidate and (Path(candidate) / "baomoi-2017.jsonl").is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def bench_root() -> Path:
    root = find_bench()
    if root is None:
        pytest.skip("the bench corpora (../shared/bench) are not on this machine")
    return root


BENCH_SAMPLE = {"baomoi": 300, "dantri": 150, "seed": 12}  # ~460 documents, ~30 s with 2 workers


@pytest.fixture(scope="session")
def bench_out(tmp_path_factory):
    """The whole pipeline (real gazetteers, 2 workers) on a seeded sample of ../shared/bench plus
    baomoi line 330 (the one that once produced a mention id twice), shared by bench tests.
    Returns (output dir, {"baomoi:330": its doc_id})."""
    import json
    import random
    import shutil

    from pipeline.runner import extract

    bench = find_bench()
    if bench is None:
        pytest.skip("the bench corpora (../shared/bench) are not on this machine")
    rng = random.Random(BENCH_SAMPLE["seed"])
    root = tmp_path_factory.mktemp("bench")
    dump = root / "dump"
    (dump / "dantri").mkdir(parents=True)
    lines = (bench / "baomoi-2017.jsonl").read_text(encoding="utf-8").splitlines()
    picked = sorted(set(rng.sample(range(len(lines)), BENCH_SAMPLE["baomoi"])) | {329})
    (dump / "baomoi.jsonl").write_text("".join(lines[i] + "\n" for i in picked), encoding="utf-8")
    for path in rng.sample(sorted((bench / "dantri-2020-2021").glob("*.txt")), BENCH_SAMPLE["dantri"]):
        shutil.copy(path, dump / "dantri" / path.name)
    out = root / "out"
    extract([str(dump)], out, load_config(tag={"gazetteers": str(ROOT / "gazetteers")},
                                          run={"cache_dir": "", "workers": 2}))
    return out, {"baomoi:330": json.loads(lines[329])["id"]}


def assert_primary_keys_unique(out: Path) -> None:
    """Every primary key ``datapackage.json`` declares is unique in its CSV, and Python's csv module
    reads as many rows as pandas (no cell breaks a row)."""
    import csv
    import json

    import pandas as pd

    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        frame = pd.read_csv(out / res["path"], keep_default_na=False, dtype=str)
        key = res["schema"]["primaryKey"]
        key = [key] if isinstance(key, str) else key
        duplicated = frame[frame.duplicated(key, keep=False)]
        assert duplicated.empty, (res["path"], duplicated.head().to_dict("records"))
        with (out / res["path"]).open(encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) - 1 == len(frame), res["path"]
