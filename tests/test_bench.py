"""`vnews bench`: the figures it prints are measured on the documents it was given."""

import json

from typer.testing import CliRunner

from pipeline.bench import BenchReport, StageTime, WholeRun
from pipeline.cli import app

from conftest import TEST_GAZ


def _bench(root):
    (root / "dantri-2020-2021").mkdir(parents=True)
    for i in range(3):
        (root / "dantri-2020-2021" / f"news_{i}.txt").write_text(
            f"# doc_id = d{i}\n# date = 20201124\nBộ trưởng Trần Hồng Hà gặp đối tác tại Tokyo lần {i}\n"
            f"Ngày 24/11, hai bên ký kết thỏa thuận hợp tác số {i} về môi trường.\n", encoding="utf-8")
    (root / "baomoi-2017.jsonl").write_text("".join(
        json.dumps({"id": f"b{i}", "text": f"Việt Nam và Nhật Bản đối thoại về khí hậu, phiên thứ {i}."},
                   ensure_ascii=False) + "\n" for i in range(3)), encoding="utf-8")
    return root


def test_bench_measures_stages_baseline_and_whole_runs(tmp_path):
    bench = _bench(tmp_path / "bench")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(app, ["bench", str(bench), "--limit", "2", "--workers", "1,2",
                                      "--gazetteers", str(TEST_GAZ), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    # --limit takes 2 of each corpus; the characters are those of the input lines.
    assert data["documents"] == 4
    assert data["characters"] > 100
    stages = {s["stage"] for s in data["stages"]}
    assert {"Cleaner", "Segmenter", "Tagger", "EventExtractor", "ingest (read, decode)"} <= stages
    assert data["baseline"]["name"] == "underthesea word_tokenize" and data["baseline"]["seconds"] > 0
    # Two fresh baseline runs bracket the one-worker run; the yardstick is their mean.
    runs = data["baseline"]["runs_seconds"]
    assert len(runs) == 2 and abs(sum(runs) / 2 - data["baseline"]["seconds"]) < 0.002
    assert "mean of fresh runs" in result.output
    one, two = data["runs"]
    assert (one["workers"], two["workers"]) == (1, 2)
    assert one["summary"] == "4 ok, 0 duplicate, 0 empty, 0 errors" == two["summary"]
    assert 50 < one["main_rss_mb"] < 2000 and two["worker_rss_mb"] > 50
    assert data["ratio_to_word_tokenize"] > 0 and data["speedup"]["2"] > 0
    # With two workers the main process only reads, decides and merges: the workers do the work.
    assert two["workers_cpu_seconds"] > 0 and two["main_cpu_seconds"] > 0
    assert one["workers_cpu_seconds"] == 0 and one["main_cpu_seconds"] == one["cpu_seconds"]
    assert data["speedup_estimate_free_cores"]["2"] > 0 and "from CPU time, on 2 free cores" in result.output
    # The machine's own ceiling: bare word_tokenize split between two processes run at once.
    assert len(data["baseline_split_wall_seconds"]["2"]) == 1 and data["machine_speedup"]["2"] > 0
    assert "split among 2 processes at once" in result.output
    assert "whole pipeline / bare word_tokenize" in result.output


def test_bench_rejects_a_directory_that_is_no_bench(tmp_path):
    result = CliRunner().invoke(app, ["bench", str(tmp_path), "--limit", "1"])
    assert result.exit_code == 2 and "not a bench directory" in result.output


def test_ratio_is_baseline_throughput_over_pipeline_throughput():
    run = WholeRun(1, cpu_seconds=20.0, wall_seconds=21.0, main_rss_mb=200, worker_rss_mb=0,
                   summary="", documents=10, characters=1000)
    two = WholeRun(2, cpu_seconds=22.0, wall_seconds=12.0, main_rss_mb=200, worker_rss_mb=180,
                   summary="", documents=10, characters=1000, main_cpu_seconds=2.0)
    report = BenchReport(10, 1000, baseline_seconds=15.0, baseline_wall=15.0,
                         stages=[StageTime("Segmenter", 10.0, 10, 1000)], runs=[run, two])
    assert report.ratio() == 0.75  # pipeline 0.5 docs/s vs baseline 0.667 docs/s
    assert report.speedup(2) == 1.75
    assert report.speedup_estimate(2) == 1.67  # 20 s on one core against 2 s + 20 s / 2 on two
    assert report.machine_speedup(2) == 0.0  # not measured
    report.baseline_split = {2: [9.0, 8.0, 10.0]}
    assert report.machine_speedup(2) == 1.67  # 15 s alone against the median 9 s split in two
    assert report.to_json()["stages"][0] == {"stage": "Segmenter", "seconds": 10.0, "docs_per_s": 1.0,
                                             "chars_per_s": 100.0}


def test_big_dump_repeats_the_bench_with_unique_ids(tmp_path):
    import gzip
    import subprocess
    import sys

    from conftest import ROOT

    bench = _bench(tmp_path / "bench")
    out = tmp_path / "big.jsonl.gz"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "big_dump.py"), str(bench), "--docs", "14",
                           "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    ids = [r["id"] for r in records]
    assert len(ids) == 14 == len(set(ids))  # 6 bench articles, repeated: b0..b2, d0..d2, then b0#r1, ...
    assert ids[:7] == ["b0", "b1", "b2", "d0", "d1", "d2", "b0#r1"] and ids[-1] == "b1#r2"
    assert records[6]["text"] == records[0]["text"] and records[3]["published"] == "20201124"
    inside = subprocess.run([sys.executable, str(ROOT / "scripts" / "big_dump.py"), str(bench), "--docs", "1",
                             "--out", str(ROOT / "big.jsonl.gz")], capture_output=True, text=True)
    assert inside.returncode != 0 and "outside the project" in inside.stderr


def test_repeated_runs_take_turns_and_report_the_median(tmp_path):
    bench = _bench(tmp_path / "bench")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(app, ["bench", str(bench), "--limit", "1", "--workers", "1", "--repeat", "2",
                                      "--gazetteers", str(TEST_GAZ), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    (one,) = data["runs"]
    walls = one["wall_runs_seconds"]
    assert len(walls) == 2 and one["wall_seconds"] == max(walls)  # of two, the slower middle one
    # A fresh baseline before the first run and after every one-worker run.
    assert len(data["baseline"]["runs_seconds"]) == 3
    assert "median of 2 runs" in result.output
    assert CliRunner().invoke(app, ["bench", str(bench), "--repeat", "0"]).exit_code == 2


def test_the_median_run_is_reported_whole_with_every_wall_time():
    from pipeline.bench import _median_run

    runs = [WholeRun(2, cpu_seconds=c, wall_seconds=w, main_rss_mb=1, worker_rss_mb=1, summary="",
                     documents=1, characters=1) for c, w in ((9.0, 9.5), (8.0, 8.1), (8.5, 8.7))]
    median = _median_run(runs)
    assert (median.wall_seconds, median.cpu_seconds) == (8.7, 8.5)  # its own CPU time, not another run's
    assert median.wall_runs == [9.5, 8.1, 8.7]
