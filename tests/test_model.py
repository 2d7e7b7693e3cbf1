"""Records: the hand-written as_dict() is exactly dataclasses.asdict, on real processed documents."""

import dataclasses
import json

from pipeline.config import load_config
from pipeline.gazetteer import Gazetteer
from pipeline.io.readers import DumpReader
from pipeline.model import document_from_dict
from pipeline.runner import Pipeline

from conftest import ROOT


def test_as_dict_equals_asdict_and_round_trips():
    config = load_config(tag={"gazetteers": str(ROOT / "gazetteers")}, run={"cache_dir": ""})
    pipeline = Pipeline(config, Gazetteer.load(ROOT / "gazetteers"))
    docs = [pipeline(doc) for doc in DumpReader([str(ROOT / "corpus")])]
    # The corpus exercises every nested record: the comparison below would miss an absent kind.
    assert all(any(getattr(d, f) for d in docs) for f in ("paragraphs", "removed", "mentions", "events"))
    assert any(e.participants and e.evidences for d in docs for e in d.events)
    for doc in docs:
        fast = doc.as_dict()
        assert fast == dataclasses.asdict(doc)
        assert list(fast) == [f.name for f in dataclasses.fields(doc)]  # key order is output column order
        again = document_from_dict(json.loads(json.dumps(fast, ensure_ascii=False)))
        assert json.dumps(again.as_dict(), ensure_ascii=False) == json.dumps(fast, ensure_ascii=False)


def test_as_dict_copies_lists():
    doc = next(iter(DumpReader([str(ROOT / "corpus")])))
    d = doc.as_dict()
    d["lines"].append("changed")
    assert "changed" not in doc.lines
