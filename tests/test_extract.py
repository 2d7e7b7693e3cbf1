"""The extraction package: one precedence with a trace, and `vnews explain`."""

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.extract.candidates import Candidate
from pipeline.extract.resolve import Ledger, resolve

from conftest import ROOT


def _c(start, end, rule, priority=0, score=1.0):
    return Candidate(start, end, "ORG", f"org:{rule}", rule, score=score, rule=rule, priority=priority)


def test_precedence_priority_then_length_then_score_then_start():
    trace = []
    kept = resolve([_c(0, 10, "long"), _c(2, 5, "high", priority=1)], trace=trace)
    assert [c.rule for c in kept] == ["high"]  # priority beats length
    assert (trace[0].rule, trace[0].outcome, trace[0].by_rule) == ("long", "lost", "high")
    assert [c.rule for c in resolve([_c(0, 4, "short"), _c(2, 9, "longer")])] == ["longer"]
    assert [c.rule for c in resolve([_c(0, 5, "low", score=0.5), _c(1, 6, "sure", score=0.9)])] == ["sure"]
    assert [c.rule for c in resolve([_c(3, 8, "later"), _c(0, 5, "earlier")])] == ["earlier"]
    # the order candidates come in does not matter
    assert resolve([_c(2, 5, "high", priority=1), _c(0, 10, "long")])[0].rule == "high"


def test_ledger_records_what_a_later_rule_loses_and_removes():
    trace = []
    ledger = Ledger([], paragraph=3, trace=trace)
    ledger.rule = "gazetteer"
    ledger.append(_c(0, 5, ""))
    ledger.rule = "pattern.x"
    assert not ledger.free(2, 8)
    ledger.reason = "grown"
    ledger[:] = [_c(0, 9, "")]
    assert [(d.rule, d.outcome, d.by_rule) for d in trace] == [
        ("gazetteer", "kept", ""), ("pattern.x", "lost", "gazetteer"), ("gazetteer", "removed", "pattern.x"),
        ("pattern.x", "kept", "")]
    assert trace[2].reason == "grown" and all(d.paragraph == 3 for d in trace)


def test_explain_prints_every_candidate_and_its_winners_are_the_mentions():
    """Explain re-tags the document from documents.jsonl: its winners are exactly mentions.csv."""
    from pipeline.config import load_config
    from pipeline.extract.explain import explain

    mentions = pd.read_csv(ROOT / "outputs" / "mentions.csv", keep_default_na=False)
    config = load_config(tag={"gazetteers": str(ROOT / "gazetteers")})
    runner = CliRunner()
    for doc_id in sorted(set(mentions["doc_id"])):
        rows = mentions[mentions["doc_id"] == doc_id]
        expected = sorted(zip(rows["paragraph"], rows["start"], rows["end"], rows["type"], rows["entity_id"],
                              rows["method"]))
        found = explain(doc_id, ROOT / "outputs", config)
        assert sorted((m.paragraph, m.start, m.end, m.type, m.entity_id, m.method)
                      for m in found.doc.mentions) == expected
        result = runner.invoke(app, ["explain", doc_id, "--out", str(ROOT / "outputs")])
        assert result.exit_code == 0, result.output
        assert sum(" WON" in line for line in result.output.splitlines()) == len(rows)
    output = runner.invoke(app, ["explain", "001_ad603959266d5191", "--out", str(ROOT / "outputs")]).output
    assert "'Hàn Quốc'" in output and "LOST to gazetteer [0:22] 'Bộ Ngoại giao Hàn Quốc'" in output
    assert "REMOVED by link.coreference: a one-word reference to nobody the document names" in output


def test_explain_unknown_document_exits_2():
    result = CliRunner().invoke(app, ["explain", "nope", "--out", str(ROOT / "outputs")])
    assert result.exit_code == 2
    assert "no document 'nope'" in result.output


def test_resolver_agrees_with_spacy_filter_spans_at_equal_priority_and_score():
    """The precedence is filter_spans' (longest, then earliest) once priority and score tie."""
    import random

    import spacy
    from spacy.util import filter_spans

    nlp = spacy.blank("xx")
    doc = nlp.make_doc(" ".join(f"w{i:02d}" for i in range(40)))  # equal widths: char length = token length
    rng = random.Random(13)
    for _ in range(200):
        pairs = {(a, a + rng.randint(1, 6)) for a in (rng.randrange(34) for _ in range(rng.randint(1, 12)))}
        spans = [doc[a:b] for a, b in sorted(pairs)]
        rng.shuffle(spans)
        expected = sorted((s.start_char, s.end_char) for s in filter_spans(spans))
        got = resolve([Candidate(s.start_char, s.end_char, "ORG", "", "") for s in spans])
        assert sorted((c.start, c.end) for c in got) == expected


def test_explain_html_draws_the_mentions_with_displacy(tmp_path):
    page = tmp_path / "doc.html"
    result = CliRunner().invoke(app, ["explain", "001_ad603959266d5191", "--out", str(ROOT / "outputs"),
                                      "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "Bộ Ngoại giao Hàn Quốc" in html and "ORG" in html and html.count("<mark") >= 30


def test_rules_lint_fails_missing_and_wrong_examples_and_reports_coverage(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[rule]]\nname = "gazetteer"\nexamples = [\n'
        '  { text = "Bộ Ngoại giao Hàn Quốc cho biết", span = "Bộ Ngoại giao Hàn Quốc", label = "ORG" },\n'
        '  { text = "Bộ Ngoại giao Hàn Quốc cho biết", span = "Hàn Quốc", label = "GPE" },\n]\n'
        'counter_examples = [{ text = "Bộ Ngoại giao Hàn Quốc cho biết", span = "Bộ Ngoại giao Hàn Quốc" }]\n'
        '[[rule]]\nname = "pattern.no-such-rule"\nexamples = []\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "lint", "--rules", str(rules), "--coverage", str(ROOT / "outputs")])
    assert result.exit_code == 1
    out = result.output
    assert "gazetteer: example fails: gazetteer should give 'Hàn Quốc' GPE" in out
    assert "gazetteer: counter-example fails" in out
    assert "pattern.surname: no examples" in out
    assert "pattern.surname: no counter-examples" in out
    assert "gazetteer: no counter-examples" not in out  # it has one (failing, reported above)
    assert "pattern.no-such-rule: the tagger has no rule of that name" in out
    gazetteer_row = next(line for line in out.splitlines() if line.startswith("gazetteer "))
    assert gazetteer_row.split()[1:] == ["2", "1", "5"]  # examples, counter-examples, documents of 5


def test_packaged_rules_pass_their_lint():
    result = CliRunner().invoke(app, ["rules", "lint"])
    assert result.exit_code == 0, result.output


def _para(text, cuts=()):
    from pipeline.model import Paragraph, Sentence

    return Paragraph(0, "body", text, 1, [Sentence(0, 0, len(text), text, list(cuts))])


def test_spacy_doc_keeps_exact_offsets_and_word_classes():
    from pipeline.extract.doc import DocBuilder
    from pipeline.extract.rules import TaggerRules

    build = DocBuilder(TaggerRules.load())
    text = "  Bộ trưởng Ngoại giao  Phạm Bình Minh gặp hãng tin Bernama,AT&T.\tXong "
    doc = build(_para(text, [(2, 11), (24, 38)]))
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    by_text = {t.text: t for t in doc}
    assert {"title", "org_head"} <= by_text["Bộ"]._.word_class
    assert "surname" in by_text["Phạm"]._.word_class
    assert by_text["Bernama"]._.word_class == frozenset()
    # a segmenter cut inside a run of letters is a token boundary too
    assert [t.text for t in build(_para("ABCdef", [(0, 3), (3, 6)]))] == ["ABC", "def"]


def test_named_by_noun_is_a_matcher_rule_from_data():
    from pipeline.extract.doc import DocBuilder
    from pipeline.extract.rules import TaggerRules
    from pipeline.extract.token_rules import TokenRules

    words = TaggerRules.load()
    build = DocBuilder(words)
    rules = TokenRules(build.vocab, words)
    assert rules.rules["pattern.named-by-noun"].label == "ORG"

    def names(text):
        return [text[s:e] for s, e in rules.names(build(_para(text)), "pattern.named-by-noun")]

    assert names("Phó chủ tịch tập đoàn NASDAQ Bob McCooey cho biết") == ["NASDAQ"]
    assert names("theo tổ chức Climate Central, mực nước biển") == ["Climate Central"]
    assert names("Hãng tin Bernama đưa tin") == ["Bernama"]
    assert names("theo hãng AT&T cho biết") == []          # a name does not end before "&"
    assert names("tổ chức Climate Central2 cho biết") == ["Climate"]  # nor before a digit
    assert names("báo cáo của Ngân hàng Thế giới") == []     # no Latin-script name after it


def test_named_by_noun_prefilter_never_hides_a_match(bench_root):
    """``may_fire`` decides whether a paragraph's Doc is built at all: it must be true wherever
    the Matcher would find a name (checked on bench paragraphs) and false on most paragraphs."""
    import json

    from pipeline.extract.doc import DocBuilder
    from pipeline.extract.rules import TaggerRules
    from pipeline.extract.token_rules import TokenRules

    words = TaggerRules.load()
    build = DocBuilder(words)
    rules = TokenRules(build.vocab, words)
    rule = "pattern.named-by-noun"
    texts = ["theo hãng AT&T cho biết", "HÃNG TIN Bernama", "Hãng tin  Bernama", "tờ\u00a0Nikkei"]
    with (bench_root / "baomoi-2017.jsonl").open(encoding="utf-8") as fh:
        for _, row in zip(range(150), fh):
            texts += json.loads(row)["text"].splitlines()
    fired = 0
    for text in texts:
        found = rules.names(build(_para(text)), rule)
        if found:
            assert rules.may_fire(text, rule), text
        fired += rules.may_fire(text, rule)
    assert 0 < fired < len(texts) / 2
    assert rules.may_fire("HÃNG TIN Bernama", rule) and not rules.may_fire("Hãng tin  Bernama", rule)


def test_a_token_rule_whose_name_can_start_elsewhere_is_refused(tmp_path):
    from pipeline.errors import ConfigError
    from pipeline.extract.doc import DocBuilder
    from pipeline.extract.rules import TaggerRules
    from pipeline.extract.token_rules import TokenRules

    words = TaggerRules.load()
    bad = tmp_path / "patterns.toml"
    bad.write_text('[[pattern]]\nrule = "x"\nlabel = "ORG"\nbefore = ["media_nouns"]\nname_starts = "[A-Z]"\n'
                   'name = [[{ TEXT = { REGEX = "^[0-9]+$" } }]]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="name_starts"):
        TokenRules(DocBuilder(words).vocab, words, bad)


def test_a_rule_firing_on_few_documents_needs_examples_from_three_articles():
    from pipeline.extract.ruleset import Example, RuleSpec, lint_rules

    class Never:  # no example is run when the spec has none; coverage alone decides here
        pass

    spec = RuleSpec("fuzzy", "", (), ())
    problems = lint_rules([spec], Never(), Never(), fired={"fuzzy": {"doc-1", "doc-2"}})
    assert "fuzzy: fires on 2 documents; it needs examples from 3 different articles (has 0) or goes" in problems
    assert "fuzzy: no examples; add some to entities.toml" in problems
    assert Example("t", "s").article == ""
