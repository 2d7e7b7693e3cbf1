"""A run publishes one consistent set of outputs or says clearly why not (issue #12).

Every numbered case of the issue is a test here: concurrency, kills during publish, hostile
bytes, bounded resources, validated config and gazetteers, faults (corrupt cache, full disk).
Tests marked ``slow`` run in CI too (`make test` runs everything).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import load_config
from pipeline.errors import ConfigError, GazetteerError, LockedError, OutputError
from pipeline.gazetteer import Gazetteer
from pipeline.io import publish
from pipeline.io.publish import JOURNAL, OutputLock, Stage, recover
from pipeline.io.readers import DumpReader
from pipeline.io.writers import sha256_file
from pipeline.runner import extract
from pipeline.stages.clean import split_long

from conftest import ROOT, TEST_GAZ

VN = "Bộ trưởng Trần Hồng Hà tiếp Đại sứ Nhật Bản tại Hà Nội ngày 24/11 để bàn về Thỏa thuận Paris."
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
cli = CliRunner()


def cfg(**sections):
    run = {"cache_dir": "", **sections.pop("run", {})}
    return load_config(tag={"gazetteers": str(TEST_GAZ)}, run=run, **sections)


def invoke(*args):
    return cli.invoke(app, [str(a) for a in args])


def docs_of(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "documents.csv", keep_default_na=False, dtype=str)


def txt_dump(path: Path, n: int, prefix: str = "d") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (path / f"{prefix}{i:03d}.txt").write_text(f"Tin số {i} của {prefix}\n{VN} Lần thứ {i}.\n", encoding="utf-8")
    return path


def manifest_problems(out: Path) -> list[str]:
    """Files whose sha256 differs from what manifest.json says (empty: a consistent set)."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return [name for name, sha in manifest["outputs"].items()
            if not (out / name).is_file() or sha256_file(out / name) != sha]


def vnews_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", *map(str, args)]


# -- 1. one writer per OUT ---------------------------------------------------------------------

def test_a_second_run_into_a_locked_out_exits_2_naming_the_holder(tmp_path):
    dump = txt_dump(tmp_path / "dump", 2)
    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        result = invoke("extract", dump, "--out", out, "--gazetteers", TEST_GAZ)
    assert result.exit_code == 2, result.output
    assert f"pid {os.getpid()}" in result.output and "another vnews run" in result.output
    assert not (out / "documents.csv").exists()
    # The lock goes with its holder: the next run proceeds.
    assert invoke("extract", dump, "--out", out, "--gazetteers", TEST_GAZ).exit_code == 0


@pytest.mark.slow
def test_two_concurrent_runs_into_one_out_never_mix(tmp_path):
    a = txt_dump(tmp_path / "a", 60, "a")
    b = txt_dump(tmp_path / "b", 30, "b")
    out = tmp_path / "out"
    procs = [subprocess.Popen(vnews_cmd("extract", d, "--out", out, "--gazetteers", TEST_GAZ), env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for d in (a, b)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 2]), results
    if codes == [0, 2]:
        assert any("another vnews run (pid" in err for code, err in results if code == 2)
    docs = docs_of(out)
    assert manifest_problems(out) == []
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["documents"] == len(docs)
    prefixes = {d[0] for d in docs["doc_id"]}
    assert len(prefixes) == 1 and len(docs) == (60 if prefixes == {"a"} else 30)


@pytest.mark.slow
def test_two_outs_sharing_one_absolute_cache_dir_stay_separate(tmp_path):
    a = txt_dump(tmp_path / "a", 40, "a")
    b = txt_dump(tmp_path / "b", 20, "b")
    conf = tmp_path / "c.toml"
    conf.write_text(f'[run]\ncache_dir = "{tmp_path / "shared-cache"}"\n')
    procs = [subprocess.Popen(vnews_cmd("extract", d, "--out", tmp_path / f"out-{d.name}", "--config", conf,
                                        "--gazetteers", TEST_GAZ), env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for d in (a, b)]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read()
    for name, n in (("a", 40), ("b", 20)):
        out = tmp_path / f"out-{name}"
        docs = docs_of(out)
        assert len(docs) == n and set(d[0] for d in docs["doc_id"]) == {name}
        assert manifest_problems(out) == []


# -- 2. atomic publish -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def two_sets(tmp_path_factory):
    """Two real output sets of different content: the 'old' one in OUT, the 'new' one to publish."""
    root = tmp_path_factory.mktemp("sets")
    old, new = root / "old", root / "new"
    extract([str(txt_dump(root / "dump-old", 3, "o"))], old, cfg())
    extract([str(txt_dump(root / "dump-new", 5, "n"))], new, cfg())
    names = sorted(json.loads((new / "manifest.json").read_text())["outputs"]) + ["manifest.json"]
    return old, new, names


def _publish_in_child(out: Path, stage_name: str, names: list[str]) -> None:
    os.environ[publish.DELAY_ENV] = "0.02"
    stage = Stage.__new__(Stage)
    stage.out_dir, stage.path = out, out / stage_name
    stage.publish(names)
    os._exit(0)


def _prepare(tmp: Path, old: Path, new: Path, names: list[str]) -> tuple[Path, str]:
    out = tmp / "out"
    shutil.copytree(old, out)
    stage_name = f"{publish.STAGE_PREFIX}test"
    (out / stage_name).mkdir()
    for name in names:
        shutil.copy2(new / name, out / stage_name / name)
    return out, stage_name


def _which_set(out: Path, old: Path, new: Path, names: list[str]) -> str:
    same_old = all((out / n).read_bytes() == (old / n).read_bytes() for n in names)
    same_new = all((out / n).read_bytes() == (new / n).read_bytes() for n in names)
    return "old" if same_old else "new" if same_new else "mixed"


@pytest.mark.slow
def test_a_kill_at_any_instant_of_publish_leaves_the_old_or_the_new_set(tmp_path, two_sets):
    old, new, names = two_sets
    rng = random.Random(12)
    ctx = multiprocessing.get_context("fork")
    seen = {"old": 0, "new": 0, "mixed-before-recovery": 0}
    window = 0.02 * (len(names) + 1)
    for trial in range(60):
        out, stage_name = _prepare(tmp_path / str(trial), old, new, names)
        child = ctx.Process(target=_publish_in_child, args=(out, stage_name, names))
        child.start()
        time.sleep(rng.uniform(0, window * 1.3))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        # Without recovery: every file matches the manifest (all old or all new), or the set is
        # verifiably incomplete: a journal is there and the manifest disagrees with some file.
        state = _which_set(out, old, new, names)
        if state == "mixed":
            assert (out / JOURNAL).exists() and manifest_problems(out), f"trial {trial}: silent mix"
            seen["mixed-before-recovery"] += 1
        else:
            assert manifest_problems(out) == []
        recover(out)
        state = _which_set(out, old, new, names)
        assert state in ("old", "new"), f"trial {trial}: {state} after recovery"
        assert manifest_problems(out) == []
        assert not (out / JOURNAL).exists()
        seen[state] += 1
    # The random instants covered before, inside and after the renames.
    assert seen["old"] and seen["new"] and seen["mixed-before-recovery"], seen


@pytest.mark.slow
def test_a_run_killed_while_publishing_is_completed_by_the_next_command(tmp_path):
    dump = txt_dump(tmp_path / "dump", 4)
    out = tmp_path / "out"
    extract([str(txt_dump(tmp_path / "old", 2, "o"))], out, cfg())
    env = {**ENV, publish.DELAY_ENV: "0.3"}
    proc = subprocess.Popen(vnews_cmd("extract", dump, "--out", out, "--gazetteers", TEST_GAZ), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not (out / JOURNAL).exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.01)
    time.sleep(1.0)  # a few renames in
    proc.kill()
    proc.wait()
    assert (out / JOURNAL).exists() and manifest_problems(out)
    # Any pipeline code reading OUT rolls the publish forward first.
    from pipeline.eval import read_predictions
    read_predictions(out)
    assert manifest_problems(out) == [] and not (out / JOURNAL).exists()
    assert sorted(docs_of(out)["doc_id"]) == [f"d{i:03d}" for i in range(4)]
    assert not list(out.glob(".stage-*"))


def test_a_failed_run_leaves_no_staging_and_old_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract([str(txt_dump(tmp_path / "old", 2, "o"))], out, cfg())
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != "run.json"}

    def boom(*a, **k):
        raise RuntimeError("writer bug")
    monkeypatch.setattr("pipeline.runner.datapackage", boom)
    with pytest.raises(RuntimeError):
        extract([str(txt_dump(tmp_path / "new", 3))], out, cfg())
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != "run.json"}
    assert after == before
    assert not list(out.glob(".stage-*")) and not (out / JOURNAL).exists()
