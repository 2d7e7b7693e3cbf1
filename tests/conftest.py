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
