"""The whole bench (7 648 documents) through the whole pipeline, once, in CI: every document comes
out with a status, every primary key datapackage.json declares is unique, every CSV reads back
with the same number of rows in pandas and in Python's csv module. Takes minutes (two workers);
skipped without the bench."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

from pipeline.config import load_config
from pipeline.runner import extract

from conftest import assert_primary_keys_unique


def _documents_in(bench) -> int:
    n = sum(1 for _ in (bench / "dantri-2020-2021").glob("*.txt"))
    for path in bench.glob("*.jsonl*"):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            n += sum(1 for line in fh if line.strip())
    return n


@pytest.mark.long
def test_the_whole_bench_keeps_every_document_and_every_key_unique(bench_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("whole-bench")
    summary = extract([str(bench_root)], out, load_config(run={"workers": 2, "cache_dir": ""}))
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False, dtype=str)
    assert summary.documents == len(docs) >= _documents_in(bench_root)
    assert set(docs["status"]) <= {"ok", "empty", "duplicate", "error"}
    assert_primary_keys_unique(out)
