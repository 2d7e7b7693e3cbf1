"""The names model (``pipeline/extract/namemodel.py``, config ``tag.names_*``) and its training."""

import json
import shutil

import pytest

from conftest import ROOT, load_script
from pipeline.config import load_config, names_model_path
from pipeline.errors import ConfigError
from pipeline.extract.namemodel import LABELS, NameModel, features, labelled_runs, model_json, runs, train
from pipeline.extract.tagger import Tagger
from pipeline.model import Document, Paragraph, Sentence


def _para(text, tokens):
    """A paragraph of one sentence with the given words (offsets found in order)."""
    spans, pos = [], 0
    for w in tokens:
        pos = text.index(w, pos)
        spans.append((pos, pos + len(w)))
        pos += len(w)
    return Paragraph(index=1, kind="body", text=text, line=1,
                     sentences=[Sentence(0, 0, len(text), text, spans)])


def test_runs_are_capitalised_syllables_inside_and_across_words():
    # The segmenter may glue a verb to a name ("Jota lao"): the run stops at the lower-case syllable.
    text = "Trong khi Jota lao xuống, HLV Jurgen Klopp nói."
    para = _para(text, ["Trong", "khi", "Jota lao", "xuống", ",", "HLV", "Jurgen Klopp", "nói", "."])
    got = [text[r.start:r.end] for r in runs(para)]
    assert got == ["Trong", "Jota", "HLV Jurgen Klopp"]


def test_features_read_the_run_and_its_neighbours():
    text = "Sau trận, Jota ghi bàn cho Liverpool."
    para = _para(text, ["Sau", "trận", ",", "Jota", "ghi", "bàn", "cho", "Liverpool", "."])
    run = [r for r in runs(para) if text[r.start:r.end] == "Jota"][0]
    f = features(text, run)
    assert {"run=jota", "p1=,", "n1=ghi", "n2=ghi bàn", "foreign-letters", "no-vietnamese-marks"} <= set(f)
    assert "sentence-start" not in f and "sentence-start-one" not in f
    opening = features(text, next(iter(runs(para))))
    assert "sentence-start-one" in opening and "p1=<s>" in opening


def test_labelled_runs_leave_optional_names_out():
    text = "Sau trận, Jota ghi bàn cho Liverpool và Anfield."
    para = _para(text, ["Sau", "trận", ",", "Jota", "ghi", "bàn", "cho", "Liverpool", "và", "Anfield", "."])
    got = [(f[2], label) for f, label in labelled_runs([para], {"jota": "PERSON", "liverpool": "ORG"},
                                                       frozenset({"anfield"}))]
    assert got == [("run=sau", "NONE"), ("run=jota", "PERSON"), ("run=liverpool", "ORG")]


def _toy():
    person = [["bias", "p1=cầu thủ", f"run=x{i}"] for i in range(20)]
    place = [["bias", "p1=tỉnh", f"run=y{i}"] for i in range(20)]
    none = [["bias", "sentence-start-one", f"run=z{i}"] for i in range(20)]
    return [(f, "PERSON") for f in person] + [(f, "GPE") for f in place] + [(f, "NONE") for f in none]


def test_training_separates_and_is_deterministic():
    weights = train(_toy(), list(LABELS), steps=100)
    model = NameModel(LABELS, weights, ["toy"])
    assert max(model.probabilities(["bias", "p1=cầu thủ"]).items(), key=lambda kv: kv[1])[0] == "PERSON"
    assert max(model.probabilities(["bias", "p1=tỉnh"]).items(), key=lambda kv: kv[1])[0] == "GPE"
    assert "run=x1" not in weights  # seen once: below min_count
    assert model_json(weights, ["toy"]) == model_json(train(_toy(), list(LABELS), steps=100), ["toy"])
    data = json.loads(model_json(weights, ["toy"]))
    assert data["labels"] == list(LABELS) and data["trained_on"] == ["toy"]


def test_propose_keeps_the_threshold_titles_and_bylines():
    weights = {"bias": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], "n1=ghi": [0.0, 5.0, 0.0, 0.0, 0.0, 0.0],
               "n1=nói": [0.0, 1.0, 0.0, 0.0, 0.0, 0.0]}
    model = NameModel(LABELS, weights, ["toy"])
    text = "Sau trận, Jota ghi bàn và Mane nói vậy."
    para = _para(text, ["Sau", "trận", ",", "Jota", "ghi", "bàn", "và", "Mane", "nói", "vậy", "."])
    got = model.propose(para, frozenset({"PERSON"}), 0.7, 0.4, frozenset())
    assert [(c.canonical, c.type, c.method, c.score) for c in got] == [("Jota", "PERSON", "names", 0.4)]
    assert model.propose(para, frozenset({"PERSON"}), 0.2, 0.4, frozenset({"jota"}))[0].canonical == "Mane"
    assert model.propose(para, frozenset({"GPE"}), 0.2, 0.4, frozenset()) == []
    # A type's own threshold wins over the common one: Jota (p 0.97) passes 0.95, Mane (0.35) does not.
    per_type = model.propose(para, frozenset({"PERSON"}), 0.2, 0.4, frozenset(), thresholds={"PERSON": 0.95})
    assert [c.canonical for c in per_type] == ["Jota"]
    byline = _para("Jota", ["Jota"])  # a line that is only a name: the author's
    model = NameModel(LABELS, {**weights, "run=jota": [0.0, 5.0, 0.0, 0.0, 0.0, 0.0]}, ["toy"])
    assert model.probabilities(features("Jota", next(runs(byline))))["PERSON"] > 0.9
    assert model.propose(byline, frozenset({"PERSON"}), 0.2, 0.4, frozenset()) == []


def _tag(tagger, segmenter, *lines):
    paragraphs = [Paragraph(index=i, kind="body", text=t, line=i + 1) for i, t in enumerate(lines)]
    return tagger(segmenter(Document(doc_id="t", paragraphs=paragraphs)))


SPORT = "Phút 86, Jota đưa bóng vào lưới và mang về chiến thắng cho Liverpool."


def test_the_packaged_model_adds_a_player_named_alone(project_gazetteer, project_segmenter):
    on = load_config()
    off = load_config(None, tag={"names_proposer": False})
    assert on.tag.names_proposer and on.tag.names_types == ["PERSON"]
    found = {(m.text, m.type, m.method) for m in _tag(Tagger(project_gazetteer, on.tag), project_segmenter, SPORT).mentions}
    assert ("Jota", "PERSON", "names") in found
    assert "Jota" not in {m.text for m in _tag(Tagger(project_gazetteer, off.tag), project_segmenter, SPORT).mentions}


def test_it_never_overrides_a_rule(project_gazetteer, project_segmenter):
    on = Tagger(project_gazetteer, load_config().tag)
    off = Tagger(project_gazetteer, load_config(None, tag={"names_proposer": False}).tag)
    text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Nhật Bản tại Hà Nội. " + SPORT
    rules = {(m.start, m.end, m.type, m.method) for m in _tag(off, project_segmenter, text).mentions}
    with_model = {(m.start, m.end, m.type, m.method) for m in _tag(on, project_segmenter, text).mentions}
    assert rules <= with_model
    assert {m[3] for m in with_model - rules} == {"names"}


def test_config_checks_the_model_file_and_ranges(tmp_path):
    with pytest.raises(ConfigError, match="names_model.*not a file.*train_names"):
        names_model_path(load_config(None, tag={"names_model": str(tmp_path / "missing.json")}).tag)
    with pytest.raises(ConfigError, match="names_threshold"):
        load_config(None, tag={"names_threshold": 1.5})
    with pytest.raises(ConfigError, match="names_types"):
        load_config(None, tag={"names_types": ["TREATY"]})
    with pytest.raises(ConfigError, match="names_type_thresholds.*TREATY"):
        load_config(None, tag={"names_type_thresholds": {"TREATY": 0.9}})
    with pytest.raises(ConfigError, match="names_type_thresholds.ORG.*out of range"):
        load_config(None, tag={"names_type_thresholds": {"ORG": 1.5}})
    assert load_config(None, tag={"names_type_thresholds": {"ORG": 0.9}}).tag.names_type_thresholds == {"ORG": 0.9}


def _trainer():
    return load_script("train_names")


def _sampler():
    return load_script("sample_batch")


def test_it_is_never_trained_on_the_sets_that_measure_it():
    """Held-out and the newest blind batch say what the model adds on text it never saw."""
    sets = _trainer().TRAIN_SETS
    newest = f"blind{max(_sampler().BATCHES)}"
    assert "heldout" not in sets and newest not in sets
    packaged = json.loads(names_model_path(load_config().tag).read_text(encoding="utf-8"))
    assert packaged["trained_on"] == list(sets)


@pytest.mark.long
def test_the_packaged_model_is_what_the_script_trains_from_the_gold(bench_root, tmp_path):
    out = tmp_path / "model.json"
    assert _trainer().main(["--bench", str(bench_root), "--out", str(out)]) == 0
    # A change to cleaning, dedupe or segmentation changes the text it learns from: retrain then.
    assert out.read_bytes() == names_model_path(load_config().tag).read_bytes(), \
        "pipeline/data/names_model.json is stale: run python scripts/train_names.py and commit it"


def _lobo():
    return load_script("lobo_names")


def test_leave_one_batch_out_scores_each_fold_with_a_model_trained_without_it(tmp_path, bench_root):
    """scripts/lobo_names.py on two tiny sets of the dev gold: each is scored, with and without the model."""
    golds = sorted((ROOT / "eval" / "gold").glob("*.json"))[:3]
    for name, files in (("a", golds[:2]), ("b", golds[2:])):
        (tmp_path / name).mkdir()
        for f in files:
            shutil.copy(f, tmp_path / name / f.name)
    same = '{"names_threshold": 0.7}'  # the default: scored under its own name, with the same figures
    result = _lobo().lobo(["a", "b"], ["a", "b"], str(bench_root), without=True, eval_root=tmp_path, tags=(same,))
    assert sorted(result["folds"]) == ["a", "b"]
    for scores in result["folds"].values():
        assert set(scores) == {"with", "without", same}
        assert 0.0 < scores["with"]["micro"] <= 1.0 and "PERSON" in scores["with"]
        assert scores[same] == scores["with"]
    mean = (result["folds"]["a"]["with"]["micro"] + result["folds"]["b"]["with"]["micro"]) / 2
    assert result["mean"] == round(mean, 4) and result["means"] == {same: result["mean"]}
    assert result["settings"] == _trainer().settings()


def test_leave_one_batch_out_refuses_the_held_out_set_and_a_tag_that_is_no_object():
    with pytest.raises(SystemExit):
        _lobo().main(["--folds", "heldout"])
    with pytest.raises(SystemExit):
        _lobo().main(["--folds", "blind9", "--tag", "[1]"])


def test_training_settings_are_the_keyword_arguments_of_train():
    import inspect

    from pipeline.extract.namemodel import train
    settings = _trainer().settings()
    assert set(settings) <= set(inspect.signature(train).parameters)
    assert settings["l2"] > 0 and settings["steps"] > 0
