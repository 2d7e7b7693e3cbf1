"""The statistical proposer (``pipeline/extract/proposer.py``, config ``tag.ner_proposer``)."""

import pytest

from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.extract.proposer import NerProposer
from pipeline.extract.tagger import Tagger
from pipeline.model import Document, Paragraph
from pipeline.normalize import fold

SPORT = "Trong trận đấu tối qua, tiền vệ Hùng Dũng và Trọng Hoàng đã ghi bàn cho đội bóng thủ đô."


def _tag(tagger, segmenter, *lines):
    paragraphs = [Paragraph(index=i, kind="body", text=t, line=i + 1) for i, t in enumerate(lines)]
    return tagger(segmenter(Document(doc_id="t", paragraphs=paragraphs)))


def test_off_by_default(project_gazetteer, project_segmenter):
    assert load_config().tag.ner_proposer is False
    # The names model (tests/test_namemodel.py) finds this player too: off here, to see the rules alone.
    cfg = load_config(None, tag={"names_proposer": False})
    assert cfg.tag.ner_types == ["PERSON"]
    tagger = Tagger(project_gazetteer, cfg.tag)
    assert tagger.proposer is None
    doc = _tag(tagger, project_segmenter, SPORT)
    assert [m for m in doc.mentions if m.method == "ner"] == []
    assert "Trọng Hoàng" not in [m.text for m in doc.mentions]


def test_on_it_adds_a_person_no_rule_found(project_gazetteer, project_segmenter):
    cfg = load_config(None, tag={"ner_proposer": True, "names_proposer": False})
    doc = _tag(Tagger(project_gazetteer, cfg.tag), project_segmenter, SPORT)
    found = [(m.text, m.type, m.method, m.score) for m in doc.mentions]
    assert ("Trọng Hoàng", "PERSON", "ner", cfg.tag.ner_score) in found


def test_it_never_overrides_a_rule(project_gazetteer, project_segmenter):
    """A span a rule kept stays the rule's: the proposer has the lowest priority."""
    on = Tagger(project_gazetteer, load_config(None, tag={"ner_proposer": True, "names_proposer": False}).tag)
    off = Tagger(project_gazetteer, load_config(None, tag={"names_proposer": False}).tag)
    text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Nhật Bản tại Hà Nội."
    rules = {(m.start, m.end, m.type, m.method) for m in _tag(off, project_segmenter, text).mentions}
    with_ner = {(m.start, m.end, m.type, m.method) for m in _tag(on, project_segmenter, text).mentions}
    assert rules <= with_ner
    assert all(m[3] == "ner" for m in with_ner - rules)


class _Fixed(NerProposer):
    """The proposer's filters over spans given by hand instead of the CRF."""

    def __init__(self, spans, names=None):
        self._spans = spans
        self._names = names or {}
        self._pick = lambda ids: ids[0]
        self._not_names = frozenset({"Tiền vệ", "NSND"})
        self.score = 0.4
        self.types = frozenset({"PERSON", "GPE"})

    def spans(self, para):
        return iter(self._spans)


def _para(text):
    return Paragraph(index=0, kind="body", text=text, line=1)


def test_filters():
    text = "NSND Tự Long gặp Lễ và Covid-19, ĐBQH Nam, Ngọc-Ngọc Khánh tại Hà Nội ."
    at = {w: (text.index(w), text.index(w) + len(w)) for w in
          ("NSND", "Tự Long", "Lễ", "Covid-19", "ĐBQH Nam", "Ngọc-Ngọc Khánh", "Hà Nội")}
    spans = [
        ([at["NSND"], at["Tự Long"]], ["Np", "Np"], "PER"),   # title dropped: "Tự Long"
        ([at["Lễ"]], ["Np"], "PER"),                           # one word: no
        ([at["Covid-19"]], ["Np"], "PER"),                     # digits: no
        ([at["ĐBQH Nam"]], ["Np"], "PER"),                     # an acronym inside: no
        ([at["Ngọc-Ngọc Khánh"]], ["Np"], "PER"),             # hyphen: no
        ([at["Hà Nội"]], ["N"], "LOC"),                        # not a proper noun: no
        ([at["Hà Nội"]], ["Np"], "MISC"),                      # a label it does not map: no
    ]
    got = [(c.start, c.end, c.type, c.method) for c in _Fixed(spans).propose(_para(text))]
    assert got == [(*at["Tự Long"], "PERSON", "ner")]


def test_a_gazetteer_name_takes_its_entry_and_a_byline_is_no_name():
    class Entry:
        type, id, canonical, acronym = "GPE", "gpe:vn-ha-noi", "Hà Nội", ""

    text = "Họ đến Hà Nội hôm qua."
    s = text.index("Hà Nội")
    cands = _Fixed([([(s, s + 6)], ["Np"], "LOC")], {fold("Hà Nội"): [Entry()]}).propose(_para(text))
    assert [(c.entity_id, c.type) for c in cands] == [("gpe:vn-ha-noi", "GPE")]
    assert _Fixed([([(0, 9)], ["Np"], "PER")]).propose(_para("Thành Đạt")) == []


def test_types_are_checked():
    with pytest.raises(ConfigError, match="ner_types.*'LOC' is not one of"):
        load_config(None, tag={"ner_types": ["PERSON", "LOC"]})
