"""A run publishes one consistent set of outputs or says clearly why not (issue #12).

Every numbered case of the issue is a test here: concurrency, kills during publish, hostile
bytes, bounded resources, validated config and gazetteers, faults (corrupt cache, full disk).
Tests marked ``long`` (seconds to a minute each) run in CI too: `make test` selects them.
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

from conftest import ROOT, TEST_GAZ, assert_primary_keys_unique

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


@pytest.mark.long
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


@pytest.mark.long
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


# The child waits this long before publishing, so that kills in that span find the old set whatever
# the machine's load (a kill before the journal is the "old" case, and a fork is sometimes slower).
PRE_PUBLISH_S = 0.1
RENAME_DELAY_S = 0.02


def _publish_in_child(out: Path, stage_name: str, names: list[str]) -> None:
    os.environ[publish.DELAY_ENV] = str(RENAME_DELAY_S)
    time.sleep(PRE_PUBLISH_S)
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


@pytest.mark.long
def test_a_kill_at_any_instant_of_publish_leaves_the_old_or_the_new_set(tmp_path, two_sets):
    old, new, names = two_sets
    rng = random.Random(12)
    ctx = multiprocessing.get_context("fork")
    seen = {"old": 0, "new": 0, "mixed-before-recovery": 0}
    span = PRE_PUBLISH_S + RENAME_DELAY_S * (len(names) + 1) * 1.3
    trials = 60
    for trial in range(trials):
        out, stage_name = _prepare(tmp_path / str(trial), old, new, names)
        child = ctx.Process(target=_publish_in_child, args=(out, stage_name, names))
        child.start()
        # Stratified instants: one in each sixtieth of the span, so every part of it is hit.
        time.sleep((trial + rng.random()) / trials * span)
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        # Without recovery: every file matches the manifest (all old or all new), or the set is
        # verifiably incomplete: a journal is there and the manifest disagrees with some file.
        state = _which_set(out, old, new, names)
        if state == "mixed":
            assert (out / JOURNAL).exists() and manifest_problems(out), f"trial {trial}: silent mix"
            # manifest.json is renamed last: a mix always still has the old one.
            assert (out / "manifest.json").read_bytes() == (old / "manifest.json").read_bytes()
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


@pytest.mark.long
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


# -- 3. every input is a row, no row breaks a CSV ----------------------------------------------

LINE_BREAKS = ["\r", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def test_every_line_end_character_in_every_field_round_trips(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    rows = []
    for i, br in enumerate(LINE_BREAKS):
        rows.append({"id": f"id{i}{br}x", "title": f"Tiêu đề{br}hai", "url": f"http://a.vn/{i}{br}b",
                     "source": f"Báo{br}{i}", "published": f"2021-01-0{1 + i % 9}{br}", "text": VN})
    rows.append({"id": 'quote",comma', "text": VN, "title": '"Ngoặc", phẩy'})
    (d / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    extract([str(d)], out, cfg())
    jsonl = [json.loads(line) for line in (out / "documents.jsonl").open(encoding="utf-8")]
    frame = docs_of(out)
    assert len(frame) == len(rows) == len(jsonl)
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        parsed = list(csv.DictReader(fh))
    assert len(parsed) == len(rows)
    for got, want in zip(parsed, jsonl):
        for col in ("doc_id", "title", "url", "source", "published", "warning"):
            assert got[col] == (want[col] or ""), (col, got[col], want[col])
    assert list(frame["doc_id"]) == [r["doc_id"] for r in jsonl]


def test_a_bad_published_value_is_dropped_with_a_warning_and_the_document_kept(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    values = ["2017-02-30", "9999-99-99", 10 ** 40, {"a": 1}, float("nan"), [], -5000, "2021-11-24"]
    lines = []
    for i, v in enumerate(values):
        rec = json.dumps({"id": f"p{i}", "text": VN, "published": v}, allow_nan=True)
        lines.append(rec)
    (d / "x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    extract([str(d)], out, cfg())
    docs = docs_of(out).set_index("doc_id")
    assert (docs["status"] != "error").all(), docs["error"].tolist()  # same text: ok or duplicate
    for i in range(len(values) - 1):
        assert docs.loc[f"p{i}", "published"] == "" and "not" in docs.loc[f"p{i}", "warning"], i
    assert docs.loc[f"p{len(values) - 1}", "published"] == "2021-11-24" and docs.loc["p7", "warning"] == ""


def test_lone_surrogates_deep_json_and_huge_integers_are_error_rows_for_their_line(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    good = json.dumps({"id": "good", "text": VN})
    lines = ['{"id": "s1", "text": "x \\ud800 y"}', '{"id": "\\udfff", "text": "z"}', "[" * 100_000,
             '{"id": ' + "9" * 5000 + ', "text": "t"}', good]
    (d / "x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    extract([str(d)], out, cfg())
    docs = docs_of(out).set_index("doc_id")
    assert list(docs.index) == ["good", "s1", "x:2", "x:3", "x:4"]  # s1 keeps its id, x:2's id is the bad string
    assert docs.loc["good", "status"] != "error"
    assert "surrogate" in docs.loc["s1", "error"] and "surrogate" in docs.loc["x:2", "error"]
    assert "nested too deeply" in docs.loc["x:3", "error"] and "4300" in docs.loc["x:4", "error"]


def test_cr_only_line_ends_in_jsonl_are_line_ends(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    recs = [json.dumps({"id": f"c{i}", "text": VN}) for i in range(3)]
    (d / "mac.jsonl").write_bytes("\r".join(recs).encode() + b"\r")
    (d / "dos.jsonl").write_bytes("\r\n".join(recs).replace('"c', '"w').encode() + b"\r\n")
    out = tmp_path / "out"
    extract([str(d)], out, cfg())
    docs = docs_of(out)
    assert sorted(docs["doc_id"]) == ["c0", "c1", "c2", "w0", "w1", "w2"]
    assert (docs["status"] != "error").all()
    origins = [json.loads(line)["origin"] for line in (out / "documents.jsonl").open()]
    assert sorted(o.rsplit(":", 1)[1] for o in origins) == ["1", "1", "2", "2", "3", "3"]


def test_an_empty_doc_id_header_keeps_the_path_id(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    (d / "art.txt").write_text(f"# doc_id = \n# title =   \n{VN}\n", encoding="utf-8")
    (d / "x.jsonl").write_text(json.dumps({"id": "  ", "text": VN}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    extract([str(d)], out, cfg())
    assert sorted(docs_of(out)["doc_id"]) == ["art", "x:1"]


def test_symlinked_folders_are_followed_once_and_loops_detected(tmp_path):
    real = tmp_path / "real"
    txt_dump(real, 2, "r")
    d = tmp_path / "dump"
    txt_dump(d, 1, "top")
    (d / "linked").symlink_to(real, target_is_directory=True)
    (d / "linked2").symlink_to(real, target_is_directory=True)  # the same folder again
    (real / "loop").symlink_to(d, target_is_directory=True)  # back up: a loop
    out = tmp_path / "out"
    extract([str(d)], out, cfg())
    ids = sorted(docs_of(out)["doc_id"])
    assert ids == ["linked/r000", "linked/r001", "top000"]


def test_devices_and_fifos_are_refused_with_a_reason_not_read(tmp_path):
    d = tmp_path / "dump"
    txt_dump(d, 1)
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "random.jsonl").symlink_to("/dev/urandom")
    os.mkfifo(d / "pipe.txt")
    out = tmp_path / "out"
    started = time.monotonic()
    extract([str(d)], out, cfg())
    assert time.monotonic() - started < 60
    docs = docs_of(out).set_index("doc_id")
    assert docs.loc["d000", "status"] == "ok"
    for name, kind in (("zero", "a device"), ("random", "a device"), ("pipe", "a FIFO")):
        assert docs.loc[name, "status"] == "error" and f"not a regular file ({kind})" in docs.loc[name, "error"]


def test_out_inside_the_input_folder_is_never_read_back(tmp_path):
    d = txt_dump(tmp_path / "dump", 3)
    out = d / "out"
    for _ in range(3):
        result = invoke("extract", d, "--out", out, "--gazetteers", TEST_GAZ)
        assert result.exit_code == 0, result.output
        assert "inside the input" in result.output
        assert len(docs_of(out)) == 3


def test_formula_cells_are_neutralised_only_with_excel_safe_and_never_in_jsonl(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    rec = {"id": "=HYPERLINK(\"http://x\",\"a\")", "url": "=1+1", "title": "+cmd", "source": "@SUM(A1)", "text": VN}
    (d / "x.jsonl").write_text(json.dumps(rec) + "\n" + json.dumps({"id": "-5", "text": VN}) + "\n", encoding="utf-8")
    plain, safe = tmp_path / "plain", tmp_path / "safe"
    assert invoke("extract", d, "--out", plain, "--gazetteers", TEST_GAZ).exit_code == 0
    assert invoke("extract", d, "--out", safe, "--gazetteers", TEST_GAZ, "--excel-safe").exit_code == 0
    p, s = docs_of(plain), docs_of(safe)
    assert sorted(p["doc_id"]) == ["-5", rec["id"]]
    assert sorted(s["doc_id"]) == ["'-5", "'" + rec["id"]]
    row = s[s["doc_id"] == "'" + rec["id"]].iloc[0]
    assert (row["url"], row["source"]) == ("'=1+1", "'@SUM(A1)")
    assert (plain / "documents.jsonl").read_bytes() == (safe / "documents.jsonl").read_bytes()
    mentions = pd.read_csv(safe / "mentions.csv", keep_default_na=False, dtype=str)
    assert mentions["doc_id"].str.startswith("'").all() and (mentions["start"].str.isdigit()).all()


def test_excel_safe_prefixes_text_cells_only():
    from pipeline.io.schema import MENTIONS
    from pipeline.io.writers import CsvTable
    buf = io.StringIO()
    table = CsvTable(buf, MENTIONS, excel_safe=True)
    table.write({"mention_id": "\tx", "doc_id": "\rcmd", "text": "-1", "start": -1, "score": -0.5, "type": "a=b"})
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert (row["mention_id"], row["doc_id"], row["text"]) == ("'\tx", "'\rcmd", "'-1")
    assert (row["start"], row["score"], row["type"]) == ("-1", "-0.5", "a=b")


@pytest.mark.long
def test_primary_keys_are_unique_on_the_bench(bench_out):
    """Every primary key datapackage.json declares, on a seeded bench sample plus baomoi line 330
    (where coreference once tagged an ORG span a second time as a PERSON)."""
    out, ids = bench_out
    assert_primary_keys_unique(out)
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False, dtype=str)
    assert len(mentions[mentions["doc_id"] == ids["baomoi:330"]]) > 0


# -- 4. bounded resources -----------------------------------------------------------------------

def test_an_overlong_line_or_article_is_an_error_row_and_the_rest_is_read(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    big = json.dumps({"id": "big", "text": "a " * 5000})
    (d / "x.jsonl").write_text(big + "\n" + json.dumps({"id": "ok", "text": VN}) + "\n", encoding="utf-8")
    with gzip.open(d / "z.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(big + "\n" + json.dumps({"id": "okz", "text": VN}) + "\n")
    (d / "t.txt").write_text(VN * 200, encoding="utf-8")
    docs = {doc.doc_id: doc for doc in DumpReader([str(d)], max_bytes=4096)}
    assert docs["ok"].status != "error" and docs["okz"].status != "error"
    for key in ("x:1", "z:1", "t"):
        assert docs[key].status == "error" and "longer than 0.004096 MB" in docs[key].error


GZ_BOMB = r"""
import gzip, resource, sys, json
resource.setrlimit(resource.RLIMIT_AS, (700 << 20, 700 << 20))
from pipeline.io.readers import DumpReader
docs = [(d.doc_id, d.status) for d in DumpReader([sys.argv[1]], max_bytes=50_000_000)]
print(json.dumps(docs))
"""


@pytest.mark.long
def test_a_gzip_bomb_line_is_read_in_bounded_memory(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write(b'{"id": "bomb", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(400):  # 400 MB in one line, under a 700 MB address-space limit
            fh.write(block)
        fh.write(b'"}\n' + json.dumps({"id": "after", "text": VN}).encode() + b"\n")
    assert path.stat().st_size < 5 << 20
    done = subprocess.run([sys.executable, "-c", GZ_BOMB, str(path)], env=ENV, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == [["bomb:1", "error"], ["after", "ok"]]


@pytest.mark.long
def test_cutting_never_loops_whatever_the_limit():
    assert split_long("ab cd. ef", 0) == ["a", "b", "c", "d", ".", "e", "f"]
    assert all(len(p) <= 3 for p in split_long("Một câu. Hai câu dài hơn nhiều", 3))


@pytest.mark.long
def test_cutting_a_100_mb_line_is_linear():
    text = "Một câu khá dài về hợp tác. " * 3_600_000  # ~100 MB
    started = time.monotonic()
    pieces = split_long(text, 8000)
    assert time.monotonic() - started < 60
    assert all(len(p) <= 8000 for p in pieces) and sum(map(len, pieces)) >= len(text.replace(" ", "")) // 2


# -- 5. config and gazetteers are validated ----------------------------------------------------

@pytest.mark.parametrize("toml, key", [
    ("[dedupe]\nshingle_words = 0", "dedupe.shingle_words"),
    ("[events]\nmin_confidence = inf", "events.min_confidence"),
    ("[tag]\nfuzzy_ratio = nan", "tag.fuzzy_ratio"),
    ("[clean]\nmax_paragraph_chars = 0", "clean.max_paragraph_chars"),
    ("[clean]\nmax_paragraph_chars = -1", "clean.max_paragraph_chars"),
    ("[clean]\nmax_paragraph_chars = 3", "clean.max_paragraph_chars"),
    ("[dedupe]\nnum_perm = 0", "dedupe.num_perm"),
    ("[dedupe]\ndocument_threshold = 1.5", "dedupe.document_threshold"),
    ("[dedupe]\ndocument_threshold = -10.0", "dedupe.document_threshold"),
    ("[dedupe]\nnear_duplicate_ratio = 101.0", "dedupe.near_duplicate_ratio"),
    ("[ingest]\nmax_document_bytes = 10", "ingest.max_document_bytes"),
    ("[run]\nworkers = 0", "run.workers"),
    ("[dedupe]\ndocument_threshold = 1.0", "dedupe.num_perm"),  # in range, but LSH cannot band it
])
def test_a_number_out_of_range_is_exit_2_naming_key_and_range(tmp_path, toml, key):
    conf = tmp_path / "c.toml"
    conf.write_text(toml + "\n")
    dump = txt_dump(tmp_path / "dump", 1)
    result = invoke("extract", dump, "--out", tmp_path / "o", "--config", conf, "--gazetteers", TEST_GAZ)
    assert result.exit_code == 2, result.output
    assert key in result.output, result.output
    assert ("out of range" in result.output and "from" in result.output) or "cannot be reached" in result.output


def _gaz_copy(tmp_path: Path) -> Path:
    gaz = tmp_path / "gaz"
    shutil.copytree(TEST_GAZ, gaz)
    return gaz


def test_gazetteer_folder_problems_are_exit_2(tmp_path):
    dump = txt_dump(tmp_path / "dump", 1)
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("extract", dump, "--out", tmp_path / "o", "--gazetteers", empty)
    assert result.exit_code == 2 and "no gazetteer entries" in result.output
    gaz = _gaz_copy(tmp_path)
    (gaz / "org.csv").unlink()
    (gaz / "org.csv").mkdir()
    result = invoke("extract", dump, "--out", tmp_path / "o", "--gazetteers", gaz)
    assert result.exit_code == 2 and "org.csv: a folder" in result.output


def test_a_gazetteer_with_a_bom_is_read(tmp_path):
    gaz = _gaz_copy(tmp_path)
    (gaz / "org.csv").write_bytes(b"\xef\xbb\xbf" + (TEST_GAZ / "org.csv").read_bytes())
    assert Gazetteer.load(gaz).entries.keys() == Gazetteer.load(TEST_GAZ).entries.keys()


def test_lint_rejects_a_one_letter_alias_unless_listed(tmp_path):
    gaz = _gaz_copy(tmp_path)
    rows = (gaz / "org.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    first = next(csv.DictReader(io.StringIO("\n".join(rows[:2]))))
    first["aliases"] = (first["aliases"] + " | V").strip(" |")
    buf = io.StringIO()
    w = csv.DictWriter(buf, header, lineterminator="\n")
    w.writeheader()
    w.writerow(first)
    (gaz / "org.csv").write_text(buf.getvalue() + "\n".join(rows[2:]) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="alias 'V' is shorter than 2 letters"):
        Gazetteer.load(gaz)
    (gaz / "short_aliases.csv").write_text("alias,note\nV,test\n", encoding="utf-8")
    assert Gazetteer.load(gaz).entries
    assert Gazetteer.load(ROOT / "gazetteers").lint() == []  # "Ý" (Italy) is listed


# -- 6. faults ---------------------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["half", "random", "cache-is-a-file"])
def test_a_corrupt_cache_is_moved_aside_and_the_run_goes_on(tmp_path, damage):
    dump = txt_dump(tmp_path / "dump", 3)
    out = tmp_path / "out"
    args = ("extract", dump, "--out", out, "--gazetteers", TEST_GAZ)
    assert invoke(*args).exit_code == 0
    reference = (out / "documents.csv").read_bytes()
    store = out / ".cache" / "store.sqlite"
    if damage == "half":
        data = store.read_bytes()
        for extra in (Path(f"{store}-wal"), Path(f"{store}-shm")):
            extra.unlink(missing_ok=True)
        store.write_bytes(data[: len(data) // 2])
    elif damage == "random":
        store.write_bytes(random.Random(1).randbytes(50_000))
    else:
        shutil.rmtree(out / ".cache")
        (out / ".cache").write_text("not a folder")
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "moved to" in result.output
    assert (out / "documents.csv").read_bytes() == reference
    assert invoke(*args).exit_code == 0  # and the new cache works


def test_a_tampered_cache_entry_is_recomputed_not_used(tmp_path):
    dump = txt_dump(tmp_path / "dump", 2)
    out = tmp_path / "out"
    args = ("extract", dump, "--out", out, "--gazetteers", TEST_GAZ)
    assert invoke(*args).exit_code == 0
    reference = (out / "documents.csv").read_bytes()
    with sqlite3.connect(out / ".cache" / "store.sqlite") as db:
        db.execute("UPDATE entries SET payload = replace(payload, 'Tin số', 'FORGED')")
    result = invoke(*args)
    assert result.exit_code == 0 and "did not match their checksum" in result.output
    assert (out / "documents.csv").read_bytes() == reference


def _enospc_after(monkeypatch, n: int):
    """Make the n-th write into a staging folder fail as a full disk would."""
    import errno
    real_open = Path.open
    count = {"n": 0}

    def full_open(self, mode="r", *a, **k):
        if "w" in mode and publish.STAGE_PREFIX in str(self):
            count["n"] += 1
            if count["n"] >= n:
                raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_open(self, mode, *a, **k)
    monkeypatch.setattr(Path, "open", full_open)


@pytest.mark.parametrize("at", [1, 3, 9])
def test_a_full_disk_is_exit_2_with_old_outputs_intact_and_no_staging(tmp_path, monkeypatch, at):
    dump = txt_dump(tmp_path / "dump", 2)
    out = tmp_path / "out"
    assert invoke("extract", txt_dump(tmp_path / "old", 1, "o"), "--out", out, "--gazetteers", TEST_GAZ).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != "run.json"}
    _enospc_after(monkeypatch, at)  # injected: a real small filesystem is tested below when mounting is allowed
    result = invoke("extract", dump, "--out", out, "--gazetteers", TEST_GAZ)
    assert result.exit_code == 2 and "no space left on OUT" in result.output, result.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != "run.json"} == before
    assert not list(out.glob(".stage-*")) and not (out / JOURNAL).exists()


@pytest.mark.long
def test_a_full_disk_on_a_real_small_filesystem(tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root); the injected ENOSPC test covers the logic")
    try:
        out = mnt / "out"
        assert invoke("extract", txt_dump(tmp_path / "old", 1, "o"), "--out", out, "--gazetteers", TEST_GAZ,
                      ).exit_code == 0
        before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != "run.json"}
        big = tmp_path / "big"
        big.mkdir()
        (big / "x.jsonl").write_text("".join(json.dumps({"id": f"b{i}", "text": VN * 20}) + "\n"
                                             for i in range(60)), encoding="utf-8")
        result = invoke("extract", big, "--out", out, "--gazetteers", TEST_GAZ)
        assert result.exit_code == 2 and "no space left on OUT" in result.output, result.output
        assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != "run.json"} == before
        assert not list(out.glob(".stage-*"))
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_run_json_failing_never_fails_a_published_run(tmp_path, monkeypatch):
    import errno
    real_replace = os.replace

    def no_run_json(src, dst, *a, **k):
        if str(dst).endswith("run.json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *a, **k)
    monkeypatch.setattr(os, "replace", no_run_json)
    out = tmp_path / "out"
    result = invoke("extract", txt_dump(tmp_path / "dump", 1), "--out", out, "--gazetteers", TEST_GAZ)
    assert result.exit_code == 0, result.output
    assert "run.json: not written" in result.output and manifest_problems(out) == []
    assert not list(out.glob(".run.json*"))


# -- issue #16: workers with the cache on, through the CLI, with the default config --------------

@pytest.mark.long
def test_workers_with_the_cache_on_give_the_bytes_of_one_worker(tmp_path):
    dump = txt_dump(tmp_path / "dump", 40)
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke("extract", dump, "--out", one, "--gazetteers", TEST_GAZ, "--workers", "1").exit_code == 0
    for _ in range(2):  # the second run reads every document from the cache
        result = invoke("extract", dump, "--out", two, "--gazetteers", TEST_GAZ, "--workers", "2")
        assert result.exit_code == 0, result.output
        assert (two / ".cache" / "store.sqlite").exists()
        for name in json.loads((one / "manifest.json").read_text())["outputs"]:
            assert (two / name).read_bytes() == (one / name).read_bytes(), name
    assert json.loads((two / "run.json").read_text())["cached"] == 40


def _interrupted_publish(tmp: Path, old: Path, new: Path, names: list[str]) -> Path:
    """OUT as a kill halfway through the renames leaves it: journal, half new files, old manifest."""
    out, stage_name = _prepare(tmp, old, new, names)
    (out / JOURNAL).write_text(json.dumps({"stage": stage_name, "files": names}), encoding="utf-8")
    for name in names[: len(names) // 2]:
        os.replace(out / stage_name / name, out / name)
    assert manifest_problems(out)
    return out


def _recover_in_child(out: Path) -> None:
    os.environ[publish.DELAY_ENV] = "0.05"
    recover(out)
    os._exit(0)


@pytest.mark.long
def test_a_kill_during_recovery_is_recovered_by_the_next_one(tmp_path, two_sets):
    old, new, names = two_sets
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(3)
    for trial in range(8):
        out = _interrupted_publish(tmp_path / str(trial), old, new, names)
        child = ctx.Process(target=_recover_in_child, args=(out,))
        child.start()
        time.sleep(rng.uniform(0, 0.05 * len(names) / 2))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        recover(out)
        assert _which_set(out, old, new, names) == "new" and manifest_problems(out) == []


@pytest.mark.parametrize("reader", ["load", "diff", "rates", "eval"])
def test_every_reader_of_outputs_completes_an_interrupted_publish_first(tmp_path, two_sets, reader):
    old, new, names = two_sets
    out = _interrupted_publish(tmp_path, old, new, names)
    if reader == "load":
        from pipeline.loader import load
        assert len(load(out, gazetteers=TEST_GAZ).documents) == 5
    elif reader == "diff":
        from pipeline.review.diff import diff_outputs
        diff_outputs(new, out)
    elif reader == "rates":
        from pipeline.rates import event_rates
        event_rates(out)
    else:
        from pipeline.eval import read_predictions
        read_predictions(out)
    assert _which_set(out, old, new, names) == "new" and manifest_problems(out) == []
    assert not (out / JOURNAL).exists() and not list(out.glob(".stage-*"))
