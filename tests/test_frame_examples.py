"""Every event frame runs its examples: one test per example and counter-example of the frames in
``pipeline/data/frames/``, generated from the files (``vnews rules lint`` runs the same)."""

import re
from dataclasses import replace

import pytest

from pipeline.events.examples import run_frame_example
from pipeline.events.frames import EVENT_TYPES, load_frames

FRAMES = load_frames()
CASES = [(f.type, ex, False) for f in FRAMES for ex in f.examples] + \
        [(f.type, ex, True) for f in FRAMES for ex in f.counter_examples]


@pytest.fixture(scope="module")
def pipeline():
    from pipeline.config import gazetteer_dir, load_config
    from pipeline.events import EventExtractor
    from pipeline.extract.tagger import Tagger
    from pipeline.gazetteer import Gazetteer
    from pipeline.stages.segment import Segmenter

    cfg = load_config()
    gazetteer = Gazetteer.load(gazetteer_dir(cfg))
    tagger, segment = Tagger(gazetteer, cfg.tag), Segmenter()
    events = EventExtractor.for_gazetteer(cfg.events, gazetteer)
    return lambda doc: events(tagger(segment(doc)))


def test_every_frame_has_examples_from_three_articles_and_counter_examples():
    assert [f.type for f in FRAMES] == list(EVENT_TYPES)
    for f in FRAMES:
        assert f.counter_examples, f.type
        assert len({ex.article for ex in f.examples if ex.article}) >= 3, f.type
        # counter-examples come from ordinary news: never the diplomatic dev articles' sentences
        assert all(ex.article for ex in f.examples + f.counter_examples), f.type


@pytest.mark.parametrize("frame, example, counter", CASES,
                         ids=[f"{t}{'-counter' if c else ''}-{i}" for i, (t, _, c) in enumerate(CASES)])
def test_frame_example(pipeline, frame, example, counter):
    assert run_frame_example(pipeline, frame, example, counter) == ""


def test_lint_fails_a_frame_without_counter_examples_or_whose_example_fails(tmp_path, pipeline):
    import re
    import shutil

    from conftest import ROOT
    from pipeline.events.examples import lint_frames

    shutil.copytree(ROOT / "pipeline" / "data" / "frames", tmp_path / "frames")
    visit = tmp_path / "frames" / "visit.toml"
    text = visit.read_text(encoding="utf-8")
    text = text[:text.index("[[counter_example]]")]  # no counter-examples left
    text = re.sub(r'participant = "[^"]*"', 'participant = "Nobody"', text, count=1)
    visit.write_text(text, encoding="utf-8")
    frames = [f for f in load_frames(tmp_path / "frames") if f.type == "VISIT"]
    problems = lint_frames(frames, pipeline)
    assert any(p.startswith("frame VISIT: needs examples and counter_examples") for p in problems), problems
    assert any("frame VISIT: example fails: should give VISIT - - with Nobody" in p for p in problems), problems
    assert len(problems) == 2


def test_rules_lint_reports_each_frame_trigger_on_a_run():
    import pandas as pd
    from typer.testing import CliRunner

    from conftest import ROOT
    from pipeline.cli import app

    result = CliRunner().invoke(app, ["rules", "lint", "--coverage", str(ROOT / "outputs")])
    # Five corpus documents: most trigger groups fire on fewer than three of them, and those
    # without examples from three articles are reported (the bench is the run that must pass).
    problems = [line for line in result.output.splitlines() if re.match(r"(frame [A-Z]+|[a-z][\w.+-]*): ", line) and not line.startswith("vnews:")]
    assert result.exit_code == 1 and problems, result.output
    assert all("trigger group #" in p and "or goes" in p for p in problems), problems
    events = pd.read_csv(ROOT / "outputs" / "events.csv", keep_default_na=False)
    meetings = events[events.type == "MEETING"]
    rows = {line.split("  ")[0].strip(): line.split() for line in result.output.splitlines()
            if re.match(r"[A-Z]+ #\d", line)}
    meeting = FRAMES[0]
    phrases = {" ".join(p) for p in meeting.triggers[2][1]}  # "cuộc hội đàm", "cuộc họp", ...
    expected = meetings[meetings.trigger.str.lower().isin(phrases)].doc_id.nunique()
    assert expected >= 2  # the seeds' talks: the count below is not a trivial zero
    assert int(rows["MEETING #3 cuộc hội đàm"][-1]) == expected


def test_a_trigger_group_firing_on_few_documents_needs_examples_from_three_articles():
    from pipeline.events.examples import lint_trigger_groups

    withdrawal = next(f for f in FRAMES if f.type == "WITHDRAWAL")
    group = " ".join(withdrawal.triggers[0][1][0])
    users = {ex.article for ex in withdrawal.examples if group in ex.text.lower()}
    # Fired on 3 documents: no examples asked for; on 2, the examples must come from 3 articles
    # that use the group's phrases.
    assert lint_trigger_groups([withdrawal], {("WITHDRAWAL", 1): {"a", "b", "c"}}) == []
    problems = lint_trigger_groups([withdrawal], {("WITHDRAWAL", 1): {"a", "b"}})
    assert (problems == []) == (len(users) >= 3), (problems, users)
    bare = replace(withdrawal, examples=())
    problems = lint_trigger_groups([bare], {("WITHDRAWAL", 1): {"a"}})
    assert problems and "trigger group #1" in problems[0] and "fires on 1 documents" in problems[0]
    assert "(has 0) or goes" in problems[0]
