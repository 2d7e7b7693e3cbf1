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
