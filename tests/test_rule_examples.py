"""Every entity rule runs its examples: one test per example and counter-example of
``pipeline/data/rules/entities.toml``, generated from the file (``vnews rules lint`` runs the same)."""

import pytest

from pipeline.extract.ruleset import RULE_NAMES, load_rules, run_example

SPECS = load_rules()
CASES = [(s.name, ex, False) for s in SPECS for ex in s.examples] + \
        [(s.name, ex, True) for s in SPECS for ex in s.counter_examples]


@pytest.fixture(scope="module")
def project_tagger():
    from pipeline.config import gazetteer_dir, load_config
    from pipeline.extract.tagger import Tagger
    from pipeline.gazetteer import Gazetteer

    cfg = load_config()
    return Tagger(Gazetteer.load(gazetteer_dir(cfg)), cfg.tag)


@pytest.fixture(scope="module")
def segmenter():
    from pipeline.stages.segment import Segmenter

    return Segmenter()


def test_every_rule_has_examples():
    by_name = {s.name: s for s in SPECS}
    assert set(by_name) <= set(RULE_NAMES), set(by_name) - set(RULE_NAMES)
    assert [n for n in RULE_NAMES if not (n in by_name and by_name[n].examples)] == []


def test_every_rule_has_counter_examples_from_articles():
    by_name = {s.name: s for s in SPECS}
    assert [n for n in RULE_NAMES if not (n in by_name and by_name[n].counter_examples)] == []
    # Mined from real articles (a bench id), except the rules whose situations are written.
    mined = [n for n in RULE_NAMES if any(not ex.article.startswith("written") for ex in by_name[n].counter_examples)]
    assert set(RULE_NAMES) - set(mined) <= {"link.tenure", "link.credit"}


@pytest.mark.parametrize("rule, example, counter", CASES,
                         ids=[f"{r}{'-counter' if c else ''}-{i}" for i, (r, _, c) in enumerate(CASES)])
def test_rule_example(project_tagger, segmenter, rule, example, counter):
    assert run_example(project_tagger, segmenter, rule, example, counter) == ""
