"""--engine dask writes the same bytes as the local engine (corpus, a bench sample, a dump with copies)."""

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from conftest import ROOT

pytest.importorskip("distributed")

BENCH = ROOT.parent / "shared" / "bench"


def _run(dump, out, *extra):
    result = CliRunner().invoke(app, ["extract", str(dump), "--out", str(out), "--no-cache",
                                      "--gazetteers", str(ROOT / "gazetteers"), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def _same(a, b):
    names = sorted(p.name for p in a.iterdir() if p.is_file() and p.name != "run.json")
    assert names and names == sorted(p.name for p in b.iterdir() if p.is_file() and p.name != "run.json")
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def _dump(tmp_path):
    """The corpus, a copy of its first article (a cross-document duplicate), and bench articles if present."""
    dump = tmp_path / "dump"
    shutil.copytree(ROOT / "corpus", dump / "corpus")
    first = sorted((dump / "corpus").glob("*.txt"))[0]
    (dump / "zz-copy.txt").write_bytes(first.read_bytes())
    if BENCH.is_dir():
        (dump / "dantri").mkdir()
        for path in sorted((BENCH / "dantri-2020-2021").glob("*.txt"))[:15]:
            shutil.copy(path, dump / "dantri" / path.name)
        with (BENCH / "baomoi-2017.jsonl").open(encoding="utf-8") as src:
            lines = [next(src) for _ in range(15)]
        copy = json.loads(lines[3])
        copy["id"] = "copy-of-line-4"  # one more copy, under its own id
        (dump / "baomoi.jsonl").write_text("".join(lines) + json.dumps(copy, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    return dump


def test_dask_engine_is_byte_identical_to_local(tmp_path):
    dump = _dump(tmp_path)
    local = _run(dump, tmp_path / "local", "--workers", "1")
    dask = _run(dump, tmp_path / "dask", "--engine", "dask", "--workers", "2")
    _same(tmp_path / "local", tmp_path / "dask")
    documents = [json.loads(line) for line in (tmp_path / "dask" / "documents.jsonl").read_text().splitlines()]
    copies = [d for d in documents if d["status"] == "duplicate"]
    assert len(copies) == (2 if BENCH.is_dir() else 1)
    summary = re.compile(r"\d+ ok, \d+ duplicate, \d+ empty, \d+ errors")
    assert summary.findall(local) == summary.findall(dask) != []


def test_unreachable_scheduler_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(ROOT / "corpus"), "--out", str(tmp_path / "o"),
                                      "--scheduler", "tcp://127.0.0.1:9", "--no-cache"])
    assert result.exit_code == 2 and "cannot connect" in result.output
