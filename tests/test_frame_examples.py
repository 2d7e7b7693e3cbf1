"""Every event frame runs its examples: one test per example and counter-example of the frames in
``pipeline/data/frames/``, generated from the files (``vnews rules lint`` runs the same)."""

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
    tagger, segment, events = Tagger(Gazetteer.load(gazetteer_dir(cfg)), cfg.tag), Segmenter(), EventExtractor(cfg.events)
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
