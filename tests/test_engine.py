"""The local engine with forked workers (issue #16): the same bytes as one worker on a dump that
exercises every cross-document decision, copies never extracted, worker failures raised."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import load_config
from pipeline.engines.local import LocalEngine, _Interrupts
from pipeline.errors import WorkerError
from pipeline.io.readers import DumpReader
from pipeline.runner import extract

from conftest import ROOT, TEST_GAZ

VN = ("Bộ Tài nguyên và Môi trường cho biết Việt Nam sẽ tham dự hội nghị về biến đổi khí hậu "
      "tại Hà Nội vào tháng tới cùng nhiều đối tác quốc tế")


def _dump(path):
    """47 documents in several batches: unique articles, exact and near copies of earlier ones
    (some in later batches than their original), ids used twice across files, an empty article,
    unreadable lines and a file that is no article."""
    path.mkdir()
    for i in range(30):
        (path / f"a{i:02d}.txt").write_text(
            f"Bài số {i} nói về chủ đề {i * 7}\n{VN} lần {i}, con số {i * 13}.\nĐoạn riêng của bài {i}: {i * 31}.\n",
            encoding="utf-8")
    (path / "x-a05.txt").write_bytes((path / "a05.txt").read_bytes())
    (path / "x-a29.txt").write_text((path / "a29.txt").read_text(encoding="utf-8") + "Thêm một dòng.\n",
                                    encoding="utf-8")
    (path / "b-empty.txt").write_text("\n\n", encoding="utf-8")
    (path / "c-header.txt").write_text("# doc_id = j3\nBài mang id của một dòng JSONL.\n" + VN + ".\n",
                                       encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": f"Tin ngắn {i} ngày {i * 17}."}, ensure_ascii=False)
             for i in range(8)]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"id": "j1", "text": "Lặp lại id j1 với nội dung khác."}, ensure_ascii=False))
    lines.append(json.dumps({"id": "copy-of-a00", "text": (path / "a00.txt").read_text(encoding="utf-8")},
                            ensure_ascii=False))
    (path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (path / "notes.md").write_text("not an article", encoding="utf-8")
    return path


def _cfg(workers, cache=""):
    return load_config(tag={"gazetteers": str(TEST_GAZ)}, run={"workers": workers, "cache_dir": cache})


def _outputs(out):
    names = json.loads((out / "manifest.json").read_text())["outputs"]
    return {name: (out / name).read_bytes() for name in [*names, "manifest.json"]}


def test_workers_write_the_bytes_of_one_worker_on_every_cross_document_decision(tmp_path):
    dump = _dump(tmp_path / "dump")
    one = extract([str(dump)], tmp_path / "one", _cfg(1))
    expected = _outputs(tmp_path / "one")
    docs = pd.read_csv(tmp_path / "one" / "documents.csv", keep_default_na=False).set_index("doc_id")
    # What the dump is there to exercise, so that identical bytes mean something.
    assert docs.loc["x-a05", "duplicate_of"] == "a05" and docs.loc["copy-of-a00", "duplicate_of"] == "a00"
    assert docs.loc["x-a29", "duplicate_of"] == "a29"
    assert docs.loc["j3~2", "status"] == "error" and "both use it" in docs.loc["j3~2", "error"]
    assert docs.loc["j1~2", "status"] == "error"
    assert docs.loc["b-empty", "status"] == "empty"
    assert one.counts["error"] == 4  # two taken ids, the broken line, notes.md
    for workers in (2, 3):
        summary = extract([str(dump)], tmp_path / f"w{workers}", _cfg(workers))
        assert summary.counts == one.counts
        assert _outputs(tmp_path / f"w{workers}") == expected, workers
    # With the cache on: a first run fills it from the workers, a second reads every document from it.
    for run in range(2):
        summary = extract([str(dump)], tmp_path / "cached", _cfg(2, ".cache"))
        assert _outputs(tmp_path / "cached") == expected
    assert summary.cached == summary.documents - 2  # the two renamed ids are not cached: nothing to redo


def test_copies_are_never_extracted_by_the_workers(tmp_path):
    dump = _dump(tmp_path / "dump")
    extract([str(dump)], tmp_path / "w2", _cfg(2))
    rows = [json.loads(line) for line in (tmp_path / "w2" / "documents.jsonl").read_text().splitlines()]
    copies = [r for r in rows if r["status"] == "duplicate"]
    assert len(copies) == 3
    # Extraction is what gives sentences: a copy has paragraphs, never sentences.
    assert all(p["sentences"] == [] for r in copies for p in r["paragraphs"]) and all(r["paragraphs"] for r in copies)
    mentions = pd.read_csv(tmp_path / "w2" / "mentions.csv", keep_default_na=False)
    assert not set(mentions["doc_id"]) & {r["doc_id"] for r in copies}


class _Broken:
    def __init__(self, fail):
        self.fail = fail

    def __call__(self):
        self.fail()


def _raise():
    raise OSError(28, "No space left on device")


def test_a_failure_in_a_worker_is_raised_in_the_calling_process(tmp_path):
    dump = _dump(tmp_path / "dump")
    engine = LocalEngine(_Broken(_raise), workers=2)
    with pytest.raises(OSError) as info:
        list(engine.run(DumpReader([str(dump)]).raw(), decide=None))
    assert info.value.errno == 28  # so a full disk still says "no space left" to the user
    engine.close()


def test_a_worker_that_dies_stops_the_run_instead_of_hanging(tmp_path):
    dump = _dump(tmp_path / "dump")
    engine = LocalEngine(_Broken(lambda: os._exit(3)), workers=2)
    with pytest.raises(WorkerError, match="exit code 3") as info:
        list(engine.run(DumpReader([str(dump)]).raw(), decide=None))
    assert "run the same command again" in str(info.value)
    engine.close()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            pass
    return found


@pytest.mark.long
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_workers_do_not_outlive_a_killed_run(tmp_path, sig):
    dump = tmp_path / "dump"
    dump.mkdir()
    for i in range(300):  # distinct articles, so that none is a copy and every one is extracted
        (dump / f"{i:03d}.txt").write_text("\n".join(f"Đoạn {j} bài {i}: " + " ".join(
            f"từ{(i * 31 + j * 7 + k) % 997}" for k in range(40)) for j in range(12)), encoding="utf-8")
    cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(dump), "--out", str(tmp_path / "out"),
           "--gazetteers", str(TEST_GAZ), "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Only the main process gets the signal (not the process group, as Ctrl-C would).
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 120
    workers: list[int] = []
    while time.time() < deadline and proc.poll() is None and len(workers) < 2:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the run ended before its workers could be seen"
    time.sleep(1)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    deadline = time.time() + 30
    while time.time() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if Path(f"/proc/{w}").exists()]
    for w in left:  # never leave them running, even when the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, "worker processes outlived the run"


def test_ctrl_c_while_workers_are_served_is_raised_at_a_safe_point():
    # Raised where it strikes, Ctrl-C could stop the process inside a queue's bookkeeping and hang
    # it at exit (seen: a feeder thread started, its stop never registered); it is noted instead,
    # raised by check(), and the previous handler is back afterwards.
    before = signal.getsignal(signal.SIGINT)
    with _Interrupts() as interrupts:
        interrupts.check()  # nothing noted yet
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(50):
            if interrupts.seen:
                break
            time.sleep(0.01)
        assert interrupts.seen
        with pytest.raises(KeyboardInterrupt):
            interrupts.check()
    assert signal.getsignal(signal.SIGINT) is before


@pytest.mark.long
def test_ctrl_c_at_any_moment_ends_a_two_worker_run_promptly(tmp_path):
    dump = tmp_path / "dump"
    dump.mkdir()
    for i in range(120):
        (dump / f"{i:03d}.txt").write_text("\n".join(f"Đoạn {j} bài {i}: " + " ".join(
            f"từ{(i * 37 + j * 11 + k) % 991}" for k in range(30)) for j in range(8)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for n, delay in enumerate((0.5, 1.0, 1.5, 2.0, 2.5, 3.0)):
        cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(dump), "--out", str(tmp_path / f"out{n}"),
               "--gazetteers", str(TEST_GAZ), "--workers", "2", "--no-cache"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            for pid in [proc.pid] + _children(proc.pid):
                os.kill(pid, signal.SIGKILL)
            pytest.fail(f"Ctrl-C {delay} s into the run: the process did not end within 60 s")


class _Item:
    def __init__(self, index: int, size: int):
        self.index, self.data = index, b"x" * size


class _Cache:
    rejected = skipped = 0

    def close(self) -> None:
        pass


class _Work:
    """A worker's side that does nothing but say which process finished which item."""

    cache = _Cache()

    def prepare(self, item):
        return item.index, item.index

    def finish(self, held, verdict):
        return (held, os.getpid())


def test_batches_go_to_the_worker_with_the_fewest_bytes_in_hand():
    # One large document in the first batch: by bytes, every later batch in hand goes to the other
    # worker (by count of documents they would alternate).
    items = [_Item(0, 200_000)] + [_Item(i, 100) for i in range(1, 48)]
    engine = LocalEngine(_Work, workers=2)
    done = dict(engine.run(items, decide=lambda summary: None))
    assert sorted(done) == list(range(48))
    first = done[0]
    assert sorted(i for i, pid in done.items() if pid == first) == list(range(8))  # the first batch alone
