"""Speed benchmark: per-stage and whole-pipeline throughput, measured against bare underthesea.

The yardstick is underthesea's ``word_tokenize`` over the same texts (every input line of the same
documents) in the same run, so the figures are ratios that hold from one machine to the next. One
run measures:

* the baseline: ``word_tokenize`` of every raw input line in a fresh process, CPU seconds, run
  right before and right after the one-worker run (the mean of the two is the yardstick);
* each stage on its own (ingest, start-up, the per-document stages, the document deduper, the
  serialisation of a finished document), CPU seconds, documents/s and characters/s;
* the whole ``extract()`` with 1 (and more) workers in a fresh subprocess with the cache off:
  CPU and wall seconds, peak resident memory of the main process and of the workers.

Library imports (underthesea, spaCy) happen before any clock starts, on both sides of the ratio
alike: the baseline imports underthesea before it times ``word_tokenize``.

The bench texts are read where they are and copied only into a temporary directory (never into
the project). Library code: returns a :class:`BenchReport`; the CLI prints it.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, gazetteer_dir, load_config
from .errors import UsageError

__all__ = ["BenchReport", "StageTime", "WholeRun", "run_bench", "sample_bench"]

_BAOMOI = "baomoi-2017.jsonl"
_DANTRI = "dantri-2020-2021"


@dataclass(slots=True)
class StageTime:
    name: str
    seconds: float  # CPU seconds over all documents
    documents: int
    characters: int

    def as_dict(self) -> dict:
        return {"stage": self.name, "seconds": round(self.seconds, 3),
                "docs_per_s": _rate(self.documents, self.seconds),
                "chars_per_s": _rate(self.characters, self.seconds)}


@dataclass(slots=True)
class WholeRun:
    workers: int
    cpu_seconds: float  # every process of the run (main + workers)
    wall_seconds: float
    main_rss_mb: float
    worker_rss_mb: float  # 0 with one worker: the main process does the work
    summary: str
    documents: int
    characters: int
    main_cpu_seconds: float = 0.0  # the main process alone (all of cpu_seconds with one worker)
    wall_runs: list[float] = field(default_factory=list)  # with --repeat: every run's wall seconds, in order

    @property
    def workers_cpu_seconds(self) -> float:
        return self.cpu_seconds - self.main_cpu_seconds if self.workers > 1 else 0.0

    def as_dict(self) -> dict:
        return {"workers": self.workers, "cpu_seconds": round(self.cpu_seconds, 3),
                "main_cpu_seconds": round(self.main_cpu_seconds, 3),
                "workers_cpu_seconds": round(self.workers_cpu_seconds, 3),
                "wall_seconds": round(self.wall_seconds, 3),
                "docs_per_s_wall": _rate(self.documents, self.wall_seconds),
                "chars_per_s_wall": _rate(self.characters, self.wall_seconds),
                "main_rss_mb": round(self.main_rss_mb, 1), "worker_rss_mb": round(self.worker_rss_mb, 1),
                "wall_runs_seconds": [round(w, 3) for w in self.wall_runs or [self.wall_seconds]],
                "summary": self.summary}


@dataclass(slots=True)
class BenchReport:
    documents: int
    characters: int
    baseline_seconds: float  # CPU seconds of bare word_tokenize over every input line
    baseline_wall: float
    stages: list[StageTime] = field(default_factory=list)
    runs: list[WholeRun] = field(default_factory=list)
    machine: str = ""
    date: str = ""
    baseline_runs: list[float] = field(default_factory=list)  # CPU seconds of each baseline run
    # workers -> wall seconds of each run of the baseline split among that many processes at once
    baseline_split: dict[int, list[float]] = field(default_factory=dict)

    def ratio(self) -> float:
        """Whole-pipeline throughput (one worker, CPU time) over bare word_tokenize throughput."""
        one = next((r for r in self.runs if r.workers == 1), None)
        return round(self.baseline_seconds / one.cpu_seconds, 3) if one and one.cpu_seconds else 0.0

    def speedup(self, workers: int) -> float:
        """Wall-clock speed-up of ``workers`` workers over one worker."""
        one = next((r for r in self.runs if r.workers == 1), None)
        many = next((r for r in self.runs if r.workers == workers), None)
        return round(one.wall_seconds / many.wall_seconds, 2) if one and many and many.wall_seconds else 0.0

    def machine_speedup(self, workers: int) -> float:
        """What ``workers`` processes at once give bare word_tokenize on this machine (one process's
        wall time over the median wall time of the split runs): the ceiling of :meth:`speedup`."""
        walls = sorted(self.baseline_split.get(workers, []))
        if not walls or not self.baseline_wall:
            return 0.0
        return round(self.baseline_wall / walls[len(walls) // 2], 2)

    def speedup_estimate(self, workers: int) -> float:
        """The speed-up ``workers`` workers would reach on as many free cores, from CPU time alone
        (what a shared machine still measures): one worker's CPU seconds over the main process's
        CPU seconds plus an equal share of the workers'. Counting all of the main process as
        serial and ignoring the last batches' imbalance, it errs on neither side by much."""
        one = next((r for r in self.runs if r.workers == 1), None)
        many = next((r for r in self.runs if r.workers == workers), None)
        if not one or not many or not many.cpu_seconds:
            return 0.0
        return round(one.cpu_seconds / (many.main_cpu_seconds + many.workers_cpu_seconds / workers), 2)

    def to_json(self) -> dict:
        return {
            "machine": self.machine, "date": self.date, "documents": self.documents,
            "characters": self.characters,
            "baseline": {"name": "underthesea word_tokenize", "seconds": round(self.baseline_seconds, 3),
                         "runs_seconds": self.baseline_runs,
                         "wall_seconds": round(self.baseline_wall, 3),
                         "docs_per_s": _rate(self.documents, self.baseline_seconds),
                         "chars_per_s": _rate(self.characters, self.baseline_seconds)},
            "stages": [s.as_dict() for s in self.stages],
            "runs": [r.as_dict() for r in self.runs],
            "ratio_to_word_tokenize": self.ratio(),
            "speedup": {str(r.workers): self.speedup(r.workers) for r in self.runs if r.workers > 1},
            "speedup_estimate_free_cores": {str(r.workers): self.speedup_estimate(r.workers)
                                            for r in self.runs if r.workers > 1},
            "baseline_split_wall_seconds": {str(w): walls for w, walls in self.baseline_split.items()},
            "machine_speedup": {str(w): self.machine_speedup(w) for w in self.baseline_split},
        }

    def to_text(self) -> str:
        total = sum(s.seconds for s in self.stages) or 1.0
        lines = [f"{self.machine}, {self.date}",
                 f"{self.documents} documents, {self.characters:,} characters",
                 "",
                 f"{'stage (one core, CPU time)':<34} {'seconds':>8} {'share':>6} {'docs/s':>9} {'chars/s':>11}"]
        for s in self.stages:
            d = s.as_dict()
            lines.append(f"{s.name:<34} {d['seconds']:>8.2f} {100 * s.seconds / total:>5.1f}% "
                         f"{d['docs_per_s']:>9.1f} {d['chars_per_s']:>11,.0f}")
        b = self.to_json()["baseline"]
        lines += ["", f"{'run':<34} {'cpu s':>8} {'wall s':>8} {'docs/s':>9} {'chars/s':>11} {'RSS MB':>14}",
                  f"{'bare word_tokenize (baseline)':<34} {b['seconds']:>8.2f} {b['wall_seconds']:>8.2f} "
                  f"{b['docs_per_s']:>9.1f} {b['chars_per_s']:>11,.0f} {'':>14}"]
        if len(self.baseline_runs) > 1:
            lines.append(f"{'  (mean of fresh runs before/after)':<34} "
                         + " ".join(f"{x:>8.2f}" for x in self.baseline_runs))
        for r in self.runs:
            # One worker: CPU time is the honest figure on a shared machine; more: only wall time says anything.
            secs = r.cpu_seconds if r.workers == 1 else r.wall_seconds
            rss = f"{r.main_rss_mb:.0f}" + (f" + {r.workers}x{r.worker_rss_mb:.0f}" if r.workers > 1 else "")
            lines.append(f"{'vnews extract, ' + str(r.workers) + ' worker' + 's' * (r.workers > 1):<34} "
                         f"{r.cpu_seconds:>8.2f} {r.wall_seconds:>8.2f} {_rate(r.documents, secs):>9.1f} "
                         f"{_rate(r.characters, secs):>11,.0f} {rss:>14}")
            if r.workers > 1:
                lines.append(f"{'  of which main process / workers':<34} {r.main_cpu_seconds:>8.2f} "
                             f"{r.workers_cpu_seconds:>8.2f} (cpu s)")
            if len(r.wall_runs) > 1:
                lines.append(f"{f'  (median of {len(r.wall_runs)} runs; wall s of each)':<34} "
                             + " ".join(f"{x:.2f}" for x in r.wall_runs))
        lines += ["", f"whole pipeline / bare word_tokenize (one core, CPU time): {self.ratio():.2f}"]
        for r in self.runs:
            if r.workers > 1:
                lines.append(f"{r.workers} workers / 1 worker (wall time): {self.speedup(r.workers):.2f}x; "
                             f"from CPU time, on {r.workers} free cores: {self.speedup_estimate(r.workers):.2f}x")
                if r.workers in self.baseline_split:
                    lines.append(f"  bare word_tokenize split among {r.workers} processes at once: "
                                 f"{self.machine_speedup(r.workers):.2f}x (this machine's ceiling; wall s of each: "
                                 + " ".join(f"{x:.2f}" for x in self.baseline_split[r.workers]) + ")")
        lines.append(f"summary: {self.runs[0].summary}" if self.runs else "")
        return "\n".join(lines)


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds > 0 else 0.0


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def sample_bench(bench: Path, limit: int, work: Path) -> list[str]:
    """The first ``limit`` articles of each bench corpus, as a dump in ``work``; returns the inputs."""
    baomoi, dantri = bench / _BAOMOI, bench / _DANTRI
    if not baomoi.is_file() or not dantri.is_dir():
        raise UsageError(f"{bench}: not a bench directory (expected {_BAOMOI} and {_DANTRI}/); "
                         "pass the bench root, e.g. ../shared/bench")
    work.mkdir(parents=True, exist_ok=True)
    with baomoi.open(encoding="utf-8") as src, (work / "baomoi.jsonl").open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    (work / "dantri").mkdir(exist_ok=True)
    for path in sorted(dantri.glob("*.txt"))[:limit]:
        shutil.copy(path, work / "dantri" / path.name)
    return [str(work / "baomoi.jsonl"), str(work / "dantri")]


def _cpu() -> float:
    return time.process_time()


def time_baseline(texts: list[str]) -> tuple[float, float]:
    """(CPU, wall) seconds of bare underthesea ``word_tokenize`` over ``texts``, in this process."""
    from underthesea import word_tokenize

    word_tokenize("Khởi động.")  # the model loads on first use: not part of the throughput
    wall, cpu = time.perf_counter(), _cpu()
    for text in texts:
        word_tokenize(text)
    return _cpu() - cpu, time.perf_counter() - wall


def time_baseline_fresh(texts_file: Path) -> tuple[float, float]:
    """:func:`time_baseline` in a fresh process, as the whole runs are: a process that has just
    timed every stage holds more memory and runs word_tokenize measurably slower (16.4 s against
    11.2-11.5 s fresh on the same texts, 2026-12-02), which would flatter the ratio."""
    cmd = [sys.executable, "-c", "import sys; from pipeline.bench import _child_baseline; _child_baseline(sys.argv[1])",
           str(texts_file)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"bench baseline failed: {proc.stderr.strip()[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return data["cpu"], data["wall"]


def time_baseline_split(texts_file: Path, processes: int) -> float:
    """Wall seconds of bare ``word_tokenize`` over the same texts split among ``processes`` fresh
    processes running at once (each its share ``texts[i::processes]``; the slowest one's time).
    Against one process's wall time, it is what this machine gives any CPU-bound work run on that
    many cores at once: the ceiling of a speed-up from workers."""
    cmd = [sys.executable, "-c", "import sys; from pipeline.bench import _child_baseline; "
           "_child_baseline(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))", str(texts_file)]
    procs = [subprocess.Popen([*cmd, str(i), str(processes)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for i in range(processes)]
    walls = []
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"bench baseline failed: {err.strip()[-2000:]}")
        walls.append(json.loads(out.strip().splitlines()[-1])["wall"])
    return max(walls)


def _child_baseline(texts_file: str, share: int = 0, shares: int = 1) -> None:
    """Subprocess body of :func:`time_baseline_fresh` (and of a share of :func:`time_baseline_split`):
    one JSON line of its costs."""
    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))[share::shares]
    cpu, wall = time_baseline(texts)
    print(json.dumps({"cpu": cpu, "wall": wall}))


def _import_libraries() -> None:
    """Import the libraries before a clock starts, as on the baseline's side of the ratio (it
    imports underthesea before timing word_tokenize; ``.runner`` imports spaCy at once)."""
    import underthesea.pipeline.text_normalize.text_normalizer  # noqa: F401
    import underthesea.pipeline.word_tokenize  # noqa: F401
    from underthesea import sent_tokenize  # noqa: F401


def time_stages(inputs: list[str], config: Config) -> tuple[list[StageTime], list[str], int]:
    """Run every stage on every document of ``inputs`` in this process, timing each one.

    Returns the stage times, the raw input lines (the baseline's texts) and the document count.
    """
    from .gazetteer import Gazetteer
    from .io.readers import DumpReader
    from .memory import building, kept_for_the_run
    from .runner import Pipeline
    from .stages.dedupe import DocumentDeduper

    _import_libraries()
    times: dict[str, float] = {}
    texts: list[str] = []
    n = 0

    def clock(name: str, since: float) -> float:
        now = _cpu()
        times[name] = times.get(name, 0.0) + now - since
        return now

    t = _cpu()
    with building():  # as extract() builds them
        pipeline = Pipeline(config, Gazetteer.load(gazetteer_dir(config)))
        deduper = DocumentDeduper(config.dedupe)
    t = clock("start-up (gazetteers, stages)", t)
    with kept_for_the_run():  # as extract() runs them
        docs: Iterator = iter(DumpReader(inputs))
        while True:
            doc = next(docs, None)
            t = clock("ingest (read, decode)", t)
            if doc is None:
                break
            n += 1
            texts.extend(doc.lines)
            for stage in pipeline.stages:
                doc = stage(doc)
                t = clock(type(stage).__name__, t)
                if doc.status == "error":
                    break
            doc = deduper(doc)
            t = clock(type(deduper).__name__, t)
            json.dumps(doc.as_dict(), ensure_ascii=False)
            t = clock("serialise (as_dict, JSON)", t)
    chars = sum(len(x) for x in texts)
    return [StageTime(name, secs, n, chars) for name, secs in times.items()], texts, n


def time_whole(inputs: list[str], out: Path, config: Config, workers: int, documents: int,
               characters: int) -> WholeRun:
    """``extract()`` in a fresh process with the cache off, as ``vnews extract`` runs it."""
    settings = config.as_dict()
    settings["run"] = {"workers": workers, "cache_dir": ""}
    cmd = [sys.executable, "-c", "import sys; from pipeline.bench import _child; _child(sys.argv[1:])",
           str(out), json.dumps(settings), *inputs]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"bench run with {workers} workers failed: {proc.stderr.strip()[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return WholeRun(workers, data["cpu"], data["wall"], data["main_rss_mb"], data["worker_rss_mb"],
                    data["summary"], documents, characters, data["main_cpu"])


def _child(argv: list[str]) -> None:
    """Subprocess body of :func:`time_whole`: run extract, print its costs as one JSON line."""
    from .runner import extract

    out, settings, inputs = argv[0], json.loads(argv[1]), argv[2:]
    _import_libraries()
    cfg = load_config(**settings)
    workers = cfg.run.workers
    wall, cpu = time.perf_counter(), _cpu()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = extract(inputs, out, cfg)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    main = _cpu() - cpu
    print(json.dumps({
        "cpu": main + children, "main_cpu": main, "wall": time.perf_counter() - wall,
        # ru_maxrss is in kilobytes on Linux.
        "main_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": after.ru_maxrss / 1024 if workers > 1 else 0.0,
        "summary": summary.line(),
    }))


def _median_run(runs: list[WholeRun]) -> WholeRun:
    """The run of median wall time (of an even number, the slower middle one), with every run's
    wall time beside it: a shared or virtual machine's noise moves single runs by 10 % and more."""
    median = sorted(runs, key=lambda r: r.wall_seconds)[len(runs) // 2]
    median.wall_runs = [r.wall_seconds for r in runs]
    return median


def run_bench(bench: Path, limit: int, workers: tuple[int, ...] = (1, 2), config: Config | None = None,
              progress=None, repeat: int = 1) -> BenchReport:
    """Measure the bench sample: baseline, stages, whole runs. ``progress(message)`` is told each step.

    With ``repeat`` > 1 the whole runs are repeated, the worker counts taking turns (1, 2, 1, 2, …)
    so that drifting load weighs on each alike, and each count reports its median run."""
    config = config or load_config(run={"cache_dir": ""})
    say = progress or (lambda message: None)
    with tempfile.TemporaryDirectory(prefix="vnews-bench-") as tmp:
        inputs = sample_bench(bench, limit, Path(tmp) / "dump")
        say("stages")
        stages, texts, n = time_stages(inputs, config)
        chars = sum(len(x) for x in texts)
        texts_file = Path(tmp) / "baseline.json"
        texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        # The baseline runs right before and right after the one-worker run, each in a fresh
        # process; their mean is the yardstick, so a load that drifts during the bench weighs on
        # both sides of the ratio alike.
        say("baseline")
        baselines = [time_baseline_fresh(texts_file)]
        by_count: dict[int, list[WholeRun]] = {w: [] for w in workers}
        for turn in range(repeat):
            for w in workers:
                say(f"extract, {w} worker(s)" + (f", run {turn + 1} of {repeat}" if repeat > 1 else ""))
                by_count[w].append(time_whole(inputs, Path(tmp) / f"out{w}", config, w, n, chars))
                if w == 1:
                    say("baseline again")
                    baselines.append(time_baseline_fresh(texts_file))
        runs = [_median_run(by_count[w]) if repeat > 1 else by_count[w][0] for w in workers]
        split: dict[int, list[float]] = {}
        for w in workers:
            if w > 1:
                say(f"baseline split among {w} processes at once")
                split[w] = [time_baseline_split(texts_file, w) for _ in range(repeat)]
    base_cpu = sum(b[0] for b in baselines) / len(baselines)
    base_wall = sum(b[1] for b in baselines) / len(baselines)
    return BenchReport(n, chars, base_cpu, base_wall, stages, runs, _machine(),
                       datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                       [round(b[0], 3) for b in baselines],
                       {w: [round(x, 3) for x in walls] for w, walls in split.items()})
