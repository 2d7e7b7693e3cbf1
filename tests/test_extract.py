"""The extraction package: one precedence with a trace, and `vnews explain`."""

import pandas as pd
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
        assert sum(line.rstrip().endswith("WON") for line in result.output.splitlines()) == len(rows)
    output = runner.invoke(app, ["explain", "001_ad603959266d5191", "--out", str(ROOT / "outputs")]).output
    assert "'Hàn Quốc'" in output and "LOST to gazetteer [0:22] 'Bộ Ngoại giao Hàn Quốc'" in output
    assert "REMOVED by link.coreference: a one-word reference to nobody the document names" in output


def test_explain_unknown_document_exits_2():
    result = CliRunner().invoke(app, ["explain", "nope", "--out", str(ROOT / "outputs")])
    assert result.exit_code == 2
    assert "no document 'nope'" in result.output
