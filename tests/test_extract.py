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
    # The words before are matched as whole words of the lists, never syllables of two of them
    # ("tạp" of "tạp chí", "tin" of "hãng tin"), though one pattern holds every word of a length.
    assert names("theo tạp chí Nature cho biết") == ["Nature"]
    assert names("theo tạp tin Nature cho biết") == []


def test_named_by_noun_prefilter_never_hides_a_match(bench_root):
    """``may_fire`` decides whether a paragraph's Doc is built at all: it must be true wherever
    the Matcher would find a name (checked on bench paragraphs) and false on most paragraphs."""
    import json

    from pipeline.extract.doc import DocBuilder, word_bounds
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
            assert rules.may_fire(text, rule, lambda: word_bounds(_para(text))), text
        fired += rules.may_fire(text, rule)
    assert 0 < fired < len(texts) / 2
    assert rules.may_fire("HÃNG TIN Bernama", rule) and not rules.may_fire("Hãng tin  Bernama", rule)
    # with the word bounds, the token at the name's start must be one a name alternative opens with (issue-14E34)
    assert not rules.may_fire("báo Hà Nội", rule, lambda: [])
    assert rules.may_fire("báo Nikkei", rule, lambda: [])
    # a word bound inside the piece ends the token there: "AT" of "AThà" could open a name, "AThà" could not
    assert rules.may_fire("báo AThà", rule, lambda: [0, 3, 4, 6, 8]) and not rules.may_fire("báo AThà", rule, lambda: [])


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


# -- candidates, one resolver, then linkers (issue #13) ------------------------------------------

LINKER_RULES = ("link.country-context", "link.acronym-definition", "link.acronym-realign", "link.person-list", "link.country-branch",
                "link.legal-form",
                "link.place-cue", "link.event-edition", "link.tenure",
                "link.credit", "link.coreference", "link.address", "link.club-place", "link.title-coreference", "link.acronym-reuse",
                "link.names-model", "link.given-name", "link.short-name", "link.work-title", "link.initials")


def _corpus_tagger_and_docs():
    import json

    from pipeline.config import load_config
    from pipeline.credits import Credits
    from pipeline.extract.explain import document_from_row
    from pipeline.extract.tagger import Tagger
    from pipeline.gazetteer import Gazetteer

    config = load_config(tag={"gazetteers": str(ROOT / "gazetteers")})
    tagger = Tagger(Gazetteer.load(ROOT / "gazetteers"), config.tag, credits=Credits.load())
    with (ROOT / "outputs" / "documents.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return tagger, rows, document_from_row


def _mentions(tagger, rows, document_from_row):
    out = []
    for row in rows:
        doc = tagger(document_from_row(row))
        out += [(m.mention_id, m.type, m.entity_id, m.canonical, m.acronym, m.title, m.method, m.score)
                for m in doc.mentions]
    return out


def test_the_order_the_rule_families_run_in_does_not_change_the_mentions():
    """Each family is a function of the paragraph's Context, and one resolver decides: any order of
    running them gives the same mentions (here: the corpus, families shuffled five times)."""
    import random

    tagger, rows, from_row = _corpus_tagger_and_docs()
    expected = _mentions(tagger, rows, from_row)
    assert len(expected) > 100
    names = list(tagger.families)
    assert len(names) >= 10 and "pattern.org-head" in names
    assert "link.country-context" not in names and "link.acronym-definition" not in names  # linkers now
    rng = random.Random(13)
    orders = [list(reversed(names))] + [rng.sample(names, len(names)) for _ in range(4)]
    for order in orders:
        tagger.families = {name: tagger._families()[name] for name in order}
        assert list(tagger.families) == order
        assert _mentions(tagger, rows, from_row) == expected, order


def test_every_dropped_candidate_names_the_rule_that_beat_it():
    """In the trace of `vnews explain`, every candidate that lost or was removed names its winner's
    rule, every rule proposing candidates is a known one, and every kept span the resolver chose is
    either a mention or later removed by a named linker."""
    from pipeline.extract.ruleset import RULE_NAMES

    tagger, rows, from_row = _corpus_tagger_and_docs()
    dropped = 0
    for row in rows:
        _, trace = tagger.explain(from_row(row))
        won = {(d.paragraph, d.start, d.end) for d in trace if d.outcome == "won"}
        for d in trace:
            assert d.rule in RULE_NAMES, d
            if d.outcome in ("lost", "removed"):
                dropped += 1
                assert d.by_rule in RULE_NAMES and d.reason, d
            if d.outcome == "lost" and d.by_start >= 0:
                assert d.by_end > d.by_start
        for d in trace:
            if d.outcome == "kept" and (d.paragraph, d.start, d.end) not in won:
                assert any(x.outcome == "removed" and (x.paragraph, x.start, x.end, x.rule) ==
                           (d.paragraph, d.start, d.end, d.rule) and x.by_rule in LINKER_RULES
                           for x in trace), d
    assert dropped > 50


def test_the_linkers_run_after_the_resolver():
    """In each paragraph every decision of the resolver (a family's candidate kept or lost) comes
    before any decision of a linker; and a linker's removals are only of spans the resolver kept."""
    tagger, rows, from_row = _corpus_tagger_and_docs()
    seen_linker = 0
    for row in rows:
        _, trace = tagger.explain(from_row(row))
        by_para: dict[int, list] = {}
        for i, d in enumerate(trace):
            by_para.setdefault(d.paragraph, []).append((i, d))
        for decisions in by_para.values():
            linker = [i for i, d in decisions if d.outcome != "won" and
                      (d.rule in LINKER_RULES or d.by_rule in LINKER_RULES)]
            resolver = [i for i, d in decisions if d.outcome in ("kept", "lost") and d.rule not in LINKER_RULES
                        and d.by_rule not in LINKER_RULES]
            if linker and resolver:
                seen_linker += 1
                assert max(resolver) < min(linker)
            kept = {(d.start, d.end, d.rule) for _, d in decisions if d.outcome == "kept"}
            for _, d in decisions:
                if d.outcome == "removed":
                    assert (d.start, d.end, d.rule) in kept, d
    assert seen_linker > 5


def _explain(texts):
    from pipeline.config import gazetteer_dir, load_config
    from pipeline.extract.tagger import Tagger
    from pipeline.gazetteer import Gazetteer
    from pipeline.model import Paragraph
    from pipeline.stages.segment import Segmenter

    from conftest import make_doc

    cfg = load_config()
    doc = make_doc([], published="2021-11-24")
    doc.paragraphs = [Paragraph(i + 1, "body", t, i + 1) for i, t in enumerate(texts)]
    return Tagger(Gazetteer.load(gazetteer_dir(cfg)), cfg.tag).explain(Segmenter()(doc))


def test_country_context_and_acronym_definitions_are_linkers_after_the_resolver():
    """Neither is a rule family any more: each changes what the resolver kept, under its own rule,
    and the trace shows its decisions after the resolver's, with the span it replaced."""
    from pipeline.extract.tagger import LINKERS, PASSES, READS

    families = {name for name, _ in PASSES}
    for rule in ("link.country-context", "link.acronym-definition"):
        assert rule in LINKERS and rule not in families
        assert not any(rule in read for read in READS.values())
    assert LINKERS.index("link.country-context") < LINKERS.index("link.acronym-definition") \
        < LINKERS.index("link.acronym-realign")

    # "Quốc hội" in a paragraph about the United States is the US Congress, not Việt Nam's.
    doc, trace = _explain(["Tổng thống Mỹ thúc giục Quốc hội thông qua gói cứu trợ."])
    body = [m for m in doc.mentions if m.text == "Quốc hội"]
    assert [m.entity_id for m in body] == ["org:congress-us"]
    s, e = body[0].start, body[0].end
    at = {(d.rule, d.outcome): i for i, d in enumerate(trace) if (d.start, d.end) == (s, e)}
    removed = next(d for d in trace if (d.start, d.end, d.outcome) == (s, e, "removed"))
    assert (removed.entity_id, removed.rule, removed.by_rule) == (
        "org:national-assembly-vn", "gazetteer", "link.country-context") and removed.reason
    assert at[("gazetteer", "kept")] < at[("gazetteer", "removed")] < at[("link.country-context", "kept")]
    last_of_resolver = max(i for i, d in enumerate(trace) if d.outcome in ("kept", "lost")
                           and d.rule not in LINKERS)
    assert last_of_resolver < at[("link.country-context", "kept")]
    assert at[("link.country-context", "won")] > at[("link.country-context", "kept")]

    # An acronym the article defines is not the gazetteer's entry of the same letters (org:acb is
    # the ASEAN biodiversity centre): here and in the rest of the article it is the bank defined.
    doc, trace = _explain(["Theo Ngân hàng Phát triển châu Á (ACB), kinh tế tăng trưởng.", "ACB dự báo lạm phát giảm."])
    acb = [(m.paragraph, m.entity_id, m.method) for m in doc.mentions if m.text == "ACB"]
    assert acb == [(1, "org:adb", "acronym"), (2, "org:adb", "acronym")]
    first = [(d.rule, d.outcome, d.by_rule) for d in trace if d.paragraph == 1 and d.start == 34 and d.entity_id]
    assert first[:3] == [("gazetteer", "kept", ""), ("gazetteer", "removed", "link.acronym-definition"),
                         ("link.acronym-definition", "kept", "")]
    assert ("gazetteer", "removed", "link.acronym-reuse") in [
        (d.rule, d.outcome, d.by_rule) for d in trace if d.paragraph == 2 and d.entity_id == "org:acb"]
    # Only the letters known: the long form read from its head word is taken for that entry's name.
    doc, _ = _explain(["Hai bên bàn về đóng góp do quốc gia tự quyết định (NDC) trong năm nay."])
    assert {(m.text, m.entity_id, m.method) for m in doc.mentions} >= {
        ("đóng góp do quốc gia tự quyết định", "term:ndc", "acronym"), ("NDC", "term:ndc", "gazetteer")}
    # Not after a place ("… vào Việt Nam (FDI)" is no definition of FDI as Việt Nam) nor a person.
    doc, _ = _explain(["Vốn đầu tư trực tiếp nước ngoài vào Việt Nam (FDI) tăng."])
    assert [m.entity_id for m in doc.mentions if m.text == "FDI"] == ["term:fdi"]


def test_a_linker_correction_goes_in_by_the_resolvers_precedence():
    """``Ledger.correct``: a correction replaces what it overlaps unless a span of a rule above it
    that it does not reach, or a span that reaches it (a name grown over it), is kept there."""
    above = frozenset({"gazetteer"})

    def ledger(*spans):
        trace = []
        out = Ledger(list(spans), paragraph=1, trace=trace)
        out.rule, out.reason = "link.acronym-definition", "defined"
        return out, trace

    gaz = Candidate(10, 13, "ORG", "org:gaz", "G", rule="gazetteer")
    fix = Candidate(10, 13, "ORG", "org:fix", "F")
    kept, trace = ledger(gaz)
    assert not kept.correct(fix, above) and kept == [gaz]  # the gazetteer's span, not reached
    assert (trace[-1].rule, trace[-1].outcome, trace[-1].by_rule) == ("link.acronym-definition", "lost", "gazetteer")
    fix = Candidate(10, 13, "ORG", "org:fix", "F", displaces=((10, 13),))
    kept, trace = ledger(gaz)
    assert kept.correct(fix, above) and [a.entity_id for a in kept] == ["org:fix"]  # it names it: replaced
    assert [(d.rule, d.outcome, d.by_rule) for d in trace] == [
        ("gazetteer", "removed", "link.acronym-definition"), ("link.acronym-definition", "kept", "")]
    plain = Candidate(5, 13, "ORG", "org:fix", "F")
    kept, _ = ledger(Candidate(0, 8, "PERSON", "person:x", "X", rule="pattern.surname"))
    assert kept.correct(plain, above) and [a.entity_id for a in kept] == ["org:fix"]  # below it: replaced
    grown = Candidate(0, 13, "ORG", "org:p", "P", rule="pattern.org-head", nests=("ORG",))
    kept, _ = ledger(grown)
    assert not kept.correct(Candidate(5, 13, "ORG", "org:fix", "F"), above) and kept == [grown]  # grows over it


def test_a_correction_beats_what_it_grows_over_and_what_it_displaces_only():
    """The resolver's one exception to priority: a candidate that grows over spans of the labels it
    ``nests`` (after its first word), or names a span it ``displaces``, replaces them; a span it
    ``holds`` stays beside it; anything else it overlaps beats it. The order of input never matters."""
    import itertools

    def cand(start, end, label, rule, priority, **kw):
        c = Candidate(start, end, label, f"{label.lower()}:{rule}", rule, rule=rule, priority=priority)
        for k, v in kw.items():
            setattr(c, k, v)
        return c

    place = cand(10, 15, "GPE", "gazetteer", 9)
    person = cand(20, 25, "PERSON", "pattern.surname", 8)
    org = cand(0, 15, "ORG", "pattern.org-head", 3, nests=("GPE", "LOC", "ORG"))
    for order in itertools.permutations([place, person, org]):
        trace = []
        kept = resolve(list(order), trace=trace)
        assert [c.rule for c in kept] == ["pattern.org-head", "pattern.surname"]
        assert [(d.rule, d.outcome, d.by_rule) for d in trace if d.outcome == "lost"] == [
            ("gazetteer", "lost", "pattern.org-head")]
    # growing over a PERSON it does not nest: the person wins, the organisation loses to it
    grown = cand(0, 25, "ORG", "pattern.org-head", 3, nests=("GPE", "LOC", "ORG"))
    assert [c.rule for c in resolve([place, person, grown])] == ["gazetteer", "pattern.surname"]
    # a span starting where the correction starts holds its head word: not reached
    head = cand(0, 4, "ORG", "gazetteer", 9)
    assert [c.rule for c in resolve([head, org])] == ["gazetteer"]
    # displaces: exactly the named span, whatever its label
    title = cand(10, 15, "PERSON", "pattern.title+name", 5, displaces=((10, 15),))
    assert [c.rule for c in resolve([place, title])] == ["pattern.title+name"]
    # holds: a body named with its country keeps the country beside it
    body = cand(0, 15, "ORG", "link.country-context", 8, holds=("GPE",), displaces=((0, 8),))
    ministry = cand(0, 8, "ORG", "gazetteer", 9)
    assert sorted((c.start, c.end) for c in resolve([ministry, place, body])) == [(0, 15), (10, 15)]

