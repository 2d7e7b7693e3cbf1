"""The ``vnews`` command: a thin typer layer over :mod:`pipeline.runner` and friends."""

from __future__ import annotations

import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import load_config
from .errors import ConfigError, GazetteerError, RunInterrupted, UsageError, WorkerError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Vietnamese news to entity and event records.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Gazetteer tools.")
app.add_typer(gazetteer_app, name="gazetteer")
rules_app = typer.Typer(no_args_is_help=True, help="Entity rules: run their examples, measure their coverage.")
app.add_typer(rules_app, name="rules")


def _fail(message: str, code: int) -> None:
    typer.echo(f"vnews: {message}", err=True)
    raise typer.Exit(code)


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _progress_bar(total: int, console=None):
    """A rich progress bar (documents done of ``total``, rate, elapsed, ETA) and its update function."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    bar = Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                   TimeRemainingColumn(), transient=True, console=console)
    task = bar.add_task("extract", total=total, rate="")
    started = time.monotonic()

    def tick(n: int) -> None:
        elapsed = time.monotonic() - started
        bar.update(task, completed=n, rate=f"{n / elapsed:.1f} docs/s" if elapsed > 0 else "")

    return bar, tick


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Dump files or directories (.txt, .jsonl, .jsonl.gz).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("outputs"),
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="TOML file overriding defaults.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-j", help="Worker processes (default: config run.workers).")] = None,
    gazetteers: Annotated[Optional[Path], typer.Option("--gazetteers", help="Gazetteer directory (default: config tag.gazetteers, else the packaged gazetteers).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any document has status error.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither reuse nor fill the cache: a full run.")] = False,
    engine: Annotated[Optional[str], typer.Option("--engine", help="local (default) or dask.")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster).")] = None,
    excel_safe: Annotated[bool, typer.Option("--excel-safe", help="Prefix CSV text cells starting with = + - @ "
                                             "with ' so spreadsheets do not run them as formulas.")] = False,
) -> None:
    """Extract INPUTS into the output directory (documents, removed lines, mentions, events, manifest)."""
    from .runner import extract as run_extract

    run: dict = {}
    if workers is not None:
        run["workers"] = workers
    if no_cache:
        run["cache_dir"] = ""
    if engine is not None:
        run["engine"] = engine
    if scheduler is not None:
        run["scheduler"] = scheduler
        run.setdefault("engine", "dask")
    overrides: dict = {"run": run} if run else {}
    if gazetteers is not None:
        overrides["tag"] = {"gazetteers": str(gazetteers)}
    if excel_safe:
        overrides["output"] = {"excel_safe": True}
    try:
        cfg = load_config(config, **overrides)
    except ConfigError as exc:
        _fail(str(exc), 2)
    bar = tick = None
    if _interactive():
        from .io.count import count_documents

        bar, tick = _progress_bar(count_documents(inputs))
        bar.start()
    try:
        summary = run_extract(inputs, out, cfg, progress=tick)
    except (UsageError, ConfigError, GazetteerError) as exc:
        _fail(str(exc), 2)
    except RunInterrupted as exc:
        _fail(str(exc), 130)
    except WorkerError as exc:
        _fail(str(exc), 1)
    finally:
        if bar:
            bar.stop()
    for warning in summary.warnings:
        typer.echo(f"vnews: warning: {warning}", err=True)
    typer.echo(f"vnews: {summary.documents} documents -> {summary.out_dir}: {summary.line()}; "
               f"{summary.cached} from the cache ({summary.seconds:.1f} s)", err=True)
    if strict and summary.counts.get("error", 0):
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Directory of gold annotations (eval/gold).")],
    out_dir: Annotated[Optional[Path], typer.Argument(help="An existing output directory to score.")] = None,
    run: Annotated[bool, typer.Option("--run", help="Extract the gold documents first (into OUT_DIR if given).")] = False,
    bench: Annotated[Optional[Path], typer.Option("--bench", help="Bench corpora root (default ../shared/bench).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="TOML file overriding defaults.")] = None,
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score underthesea's NER.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Misses and false positives listed per kind.")] = 50,
) -> None:
    """Score entities and events against gold annotations, beside underthesea's NER baseline."""
    import json

    from .eval import run_eval

    try:
        cfg = load_config(config) if config is not None else None
        report = run_eval(gold, out_dir=out_dir, run=run, bench_root=bench, config=cfg, baseline=baseline)
    except (UsageError, ConfigError, GazetteerError) as exc:
        _fail(str(exc), 2)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.to_text(limit=limit))


@app.command()
def bench(
    bench_dir: Annotated[Path, typer.Argument(help="Bench corpora root (baomoi-2017.jsonl, dantri-2020-2021/).")] = Path("../shared/bench"),
    limit: Annotated[int, typer.Option("--limit", "-n", help="Articles taken from each bench corpus.")] = 300,
    workers: Annotated[str, typer.Option("--workers", "-j", help="Worker counts of the whole-pipeline runs, comma-separated.")] = "1,2",
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="TOML file overriding defaults.")] = None,
    gazetteers: Annotated[Optional[Path], typer.Option("--gazetteers", help="Gazetteer directory (default: config tag.gazetteers).")] = None,
    as_json: Annotated[Optional[Path], typer.Option("--json", help="Also write the figures to this file.")] = None,
    repeat: Annotated[int, typer.Option("--repeat", "-r", help="Whole runs per worker count, taking turns; each count reports its median run.")] = 1,
) -> None:
    """Throughput per stage and of the whole pipeline, peak memory, against bare underthesea word_tokenize."""
    import json

    from .bench import run_bench

    try:
        counts = tuple(int(w) for w in workers.split(","))
    except ValueError:
        _fail(f"--workers {workers!r}: give worker counts such as 1,2", 2)
    if limit < 1 or repeat < 1 or any(w < 1 for w in counts):
        _fail("--limit, --workers and --repeat must be >= 1", 2)
    try:
        overrides: dict = {"run": {"cache_dir": ""}}
        if gazetteers is not None:
            overrides["tag"] = {"gazetteers": str(gazetteers.resolve())}
        cfg = load_config(config, **overrides)
        report = run_bench(bench_dir, limit, counts, cfg,
                           progress=lambda step: typer.echo(f"vnews bench: {step}", err=True), repeat=repeat)
    except (UsageError, ConfigError, GazetteerError) as exc:
        _fail(str(exc), 2)
    typer.echo(report.to_text())
    if as_json:
        as_json.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@app.command()
def explain(
    doc_id: Annotated[str, typer.Argument(help="The document's id (documents.csv doc_id).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The output directory of the run the document is in.")] = Path("outputs"),
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="TOML file overriding defaults.")] = None,
    gazetteers: Annotated[Optional[Path], typer.Option("--gazetteers", help="Gazetteer directory (default: config tag.gazetteers, else the packaged gazetteers).")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Also write the mentions drawn by spaCy's displacy to this HTML file.")] = None,
) -> None:
    """Print every entity candidate of one document, the rule that proposed it, and why it won or lost."""
    from .extract.explain import explain as run_explain

    try:
        cfg = load_config(config, **({"tag": {"gazetteers": str(gazetteers)}} if gazetteers else {}))
        explanation = run_explain(doc_id, out, cfg)
        typer.echo(explanation.to_text(), nl=False)
        if html is not None:
            html.write_text(explanation.to_html(), encoding="utf-8")
    except (UsageError, ConfigError, GazetteerError) as exc:
        _fail(str(exc), 2)


@rules_app.command("lint")
def rules_lint(
    coverage: Annotated[Optional[Path], typer.Option("--coverage", help="Output directory of a finished run (the bench): count the documents each rule and each frame trigger fires on.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="With --coverage: only the first N documents (0: all).")] = 0,
    rules: Annotated[Optional[Path], typer.Option("--rules", help="Rule file (default: the packaged pipeline/data/rules/entities.toml).")] = None,
) -> None:
    """Run every entity rule's and every event frame's examples and counter-examples; fail a rule or
    frame without examples or whose examples fail."""
    from .config import gazetteer_dir
    from .events import EventExtractor
    from .events.examples import frame_coverage, lint_frames, lint_trigger_groups
    from .events.frames import load_frames
    from .extract.ruleset import RULE_NAMES, coverage as run_coverage, lint_rules, load_rules
    from .extract.tagger import Tagger
    from .gazetteer import Gazetteer
    from .stages.segment import Segmenter
    from .wordseg import dictionary_words

    try:
        cfg = load_config()
        specs = load_rules(rules)
        frames = load_frames()
        gazetteer = Gazetteer.load(gazetteer_dir(cfg))
        words = dictionary_words()  # read once for the tagger and the segmenter
        tagger = Tagger(gazetteer, cfg.tag, lexicon=words)
    except (ConfigError, GazetteerError) as exc:
        _fail(str(exc), 2)
    fired, seen = (run_coverage(coverage, tagger, limit) if coverage else (None, 0))
    segment = Segmenter(dictionary=words)
    problems = lint_rules(specs, tagger, segment, fired)
    events = EventExtractor.for_gazetteer(cfg.events, gazetteer)
    problems += lint_frames(frames, lambda doc: events(tagger(segment(doc))))
    by_name = {s.name: s for s in specs}
    typer.echo(f"{'rule':<28} {'examples':>8} {'counter':>7}" + (f" {'documents':>9} of {seen}" if fired is not None else ""))
    for name in RULE_NAMES:
        spec = by_name.get(name)
        row = f"{name:<28} {len(spec.examples) if spec else 0:>8} {len(spec.counter_examples) if spec else 0:>7}"
        typer.echo(row + (f" {len(fired.get(name, ())):>9}" if fired is not None else ""))
    covered = frame_coverage(coverage, frames) if coverage else None
    if covered is not None:
        problems += lint_trigger_groups(frames, covered[0])
    _print_frames(frames, covered)
    for problem in problems:
        typer.echo(problem)
    typer.echo(f"vnews: {len(specs)} rules, {len(frames)} frames, {len(problems)} problems", err=True)
    if problems:
        raise typer.Exit(1)


def _print_frames(frames: list, covered: tuple | None) -> None:
    """One row per frame trigger group: its first phrase, the frame's examples, and with
    ``--coverage`` the documents of the run it gave an event on (group 0: named events)."""
    fired, seen = covered if covered is not None else ({}, 0)
    typer.echo(f"{'frame trigger':<40} {'examples':>8} {'counter':>7}" + (f" {'documents':>9} of {seen}" if covered else ""))
    for f in frames:
        groups = [(n, " ".join(ps[0])) for n, (_, ps) in enumerate(f.triggers, start=1)]
        if covered is not None and (f.type, 0) in fired:
            groups.append((0, "(named event)"))
        for n, first in groups:
            row = f"{f.type + ' #' + str(n) + ' ' + first:<40} {len(f.examples):>8} {len(f.counter_examples):>7}"
            typer.echo(row + (f" {len(fired.get((f.type, n), ())):>9}" if covered is not None else ""))


@app.command("rates")
def rates_command(
    out_dir: Annotated[Path, typer.Argument(help="An output directory of a bench extraction.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the table as JSON.")] = False,
) -> None:
    """Events per 100 articles by news category: a rule firing on sport or health news shows here."""
    import json

    from .rates import event_rates

    try:
        report = event_rates(out_dir)
    except UsageError as exc:
        _fail(str(exc), 2)
    typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) if as_json else report.to_text())


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier output directory.")],
    new: Annotated[Path, typer.Argument(help="The later output directory.")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="text | markdown | json.")] = DiffFormat.text,
) -> None:
    """Compare two output directories record by record, with the reasons the manifests give.

    Exit 0 when no record differs, 1 when some do, 2 on bad arguments (like diff)."""
    import json

    from .review.diff import diff_outputs

    try:
        result = diff_outputs(old, new)
    except UsageError as exc:
        _fail(str(exc), 2)
    if fmt is DiffFormat.json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif fmt is DiffFormat.markdown:
        typer.echo(result.to_markdown(), nl=False)
    else:
        typer.echo(result.to_text(), nl=False)
    raise typer.Exit(0 if result.equal else 1)


@app.command("report")
def report_command(
    out_dir: Annotated[Path, typer.Argument(help="An output directory of `vnews extract`.")],
    against: Annotated[Optional[Path], typer.Option("--against", help="An earlier output directory: mark what changed.")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="The HTML file to write (default OUT_DIR-report.html, beside OUT_DIR).")] = None,
) -> None:
    """Write one self-contained HTML review page of OUT_DIR (no network needed to view it)."""
    from .review.report import write_report

    target = html or out_dir.parent / f"{out_dir.resolve().name}-report.html"
    try:
        stats = write_report(out_dir, target, against=against)
    except UsageError as exc:
        _fail(str(exc), 2)
    typer.echo(f"vnews: {target}: {stats}", err=True)


@gazetteer_app.command("lint")
def gazetteer_lint(
    directory: Annotated[Optional[Path], typer.Argument(help="Gazetteer directory (default: the packaged gazetteers).")] = None,
) -> None:
    """Check the gazetteers (the one validator the loader and the builders also use): ids, dates, aliases, tenures."""
    from .config import gazetteer_dir
    from .gazetteer import Gazetteer

    if directory is None:
        directory = gazetteer_dir(load_config())

    try:
        gaz = Gazetteer.load(directory, strict=False)
    except GazetteerError as exc:
        _fail(str(exc), 2)
    problems = gaz.lint()
    for problem in problems:
        typer.echo(problem)
    for warning in gaz.warnings():
        typer.echo(f"warning: {warning}", err=True)
    counts: dict[str, int] = {}
    for e in gaz.entries.values():
        counts[e.type] = counts.get(e.type, 0) + 1
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    typer.echo(f"vnews: {len(gaz.entries)} entries ({summary}), {len(gaz.offices)} tenures, "
               f"{len(problems)} problems", err=True)
    if problems:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
