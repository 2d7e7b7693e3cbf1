"""pipeline.eval: gold loading, input materialisation, prediction reading and scoring.

Hand-made gold and prediction structures; the pipeline is never run.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.errors import UsageError
from pipeline.eval import (
    Counts,
    GoldDoc,
    GoldEntity,
    GoldError,
    GoldEvent,
    PredEntity,
    PredEvent,
    PredParticipant,
    Predictions,
    _bio_entities,
    baseline_predictions,
    date_agrees,
    load_gold,
    materialise_inputs,
    read_predictions,
    score,
)
from pipeline.io.schema import DOCUMENTS, EVENT_PARTICIPANTS, EVENTS, MENTIONS

# ---------------------------------------------------------------------------------------------
# helpers


def ent(type_: str, name: str, *aliases: str, optional: bool = False) -> GoldEntity:
    return GoldEntity(type_, name, tuple(aliases), optional)


def gold(doc_id: str = "d1", entities=(), events=()) -> GoldDoc:
    return GoldDoc(doc_id, f"corpus/{doc_id}.txt", "2021-11-24", tuple(entities), tuple(events))


def pent(type_: str, text: str, doc: str = "d1", eid: str | None = None, canonical: str | None = None,
         texts: tuple[str, ...] | None = None) -> PredEntity:
    return PredEntity(doc, type_, eid or f"{type_}:{text}", text if canonical is None else canonical,
                      (text,) if texts is None else texts)


def preds(entities=(), events=(), documents=None) -> Predictions:
    return Predictions("test", list(entities), list(events), documents)


def gev(type_: str = "MEETING", date: str = "2021-11-24", participants=("Trần Hồng Hà",), optional=False):
    return GoldEvent(type_, date, tuple(participants), trigger="hội đàm", evidence="…", optional=optional)


def pev(type_: str = "MEETING", date: str = "2021-11-24", participants=(("e:ha", "Trần Hồng Hà"),),
        doc: str = "d1", event_id: str = "ev1") -> PredEvent:
    return PredEvent(doc, event_id, type_, date, tuple(PredParticipant(i, c) for i, c in participants),
                     trigger="hội đàm", evidence="…")


HA = ent("PERSON", "Trần Hồng Hà", "Hà")
YAMA = ent("PERSON", "Tsuyoshi Michael Yamaguchi", "Yamaguchi Tsuyoshi", "Yamaguchi")
MONRE = ent("ORG", "Bộ Tài nguyên và Môi trường", "Bộ TN&MT", "MONRE")
VN = ent("GPE", "Việt Nam")
PARIS = ent("TREATY", "Thỏa thuận Paris", "Paris Agreement")


# ---------------------------------------------------------------------------------------------
# entities


def test_perfect_prediction_scores_one():
    g = gold(entities=[HA, MONRE, VN], events=[gev(participants=("Trần Hồng Hà", "Việt Nam"))])
    p = preds(
        [pent("PERSON", "Trần Hồng Hà", eid="e:ha"), pent("ORG", "Bộ Tài nguyên và Môi trường"),
         pent("GPE", "Việt Nam")],
        [pev()],
    )
    r = score([g], p).system
    micro = r.entity_micro
    assert (micro.tp, micro.fp, micro.found, micro.gold) == (3, 0, 3, 3)
    assert (micro.precision, micro.recall, micro.f1) == (1.0, 1.0, 1.0)
    assert r.entities["PERSON"].f1 == 1.0 and r.entities["ORG"].f1 == 1.0 and r.entities["GPE"].f1 == 1.0
    ev = r.event_micro
    assert (ev.tp, ev.fp, ev.found, ev.gold) == (1, 0, 1, 1)
    assert (ev.precision, ev.recall, ev.f1) == (1.0, 1.0, 1.0)
    assert not r.entity_misses and not r.entity_false_positives
    assert not r.event_misses and not r.event_false_positives
    assert not r.confusion


def test_empty_prediction_recall_zero_and_precision_zero_by_convention():
    g = gold(entities=[HA, VN], events=[gev()])
    r = score([g], preds()).system
    assert r.entity_micro.recall == 0.0
    assert r.entity_micro.gold == 2 and r.entity_micro.found == 0
    # Documented convention: no predictions -> precision 0.0 (not 1.0), so F1 0.0.
    assert r.entity_micro.precision == 0.0
    assert r.entity_micro.f1 == 0.0
    assert r.event_micro.recall == 0.0 and r.event_micro.precision == 0.0
    assert {i.name for i in r.entity_misses} == {"Trần Hồng Hà", "Việt Nam"}
    assert [i.type for i in r.event_misses] == ["MEETING"]
    # A type with neither gold nor predictions is "empty" (shown as "-"), not a zero score.
    assert r.entities["TERM"].empty and not r.entities["PERSON"].empty


def test_counts_conventions():
    assert Counts(tp=0, fp=0, found=0, gold=3).precision == 0.0
    assert Counts(tp=1, fp=3, found=1, gold=2).precision == 0.25
    assert Counts(tp=1, fp=3, found=1, gold=2).recall == 0.5
    assert Counts(tp=1, fp=3, found=1, gold=2).f1 == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    assert Counts(tp=0, fp=2, found=0, gold=0).recall == 0.0


def test_missed_optional_entity_does_not_lower_recall():
    optional_gov = ent("ORG", "Chính phủ Việt Nam", optional=True)
    g = gold(entities=[VN, optional_gov])
    r = score([g], preds([pent("GPE", "Việt Nam")])).system
    assert r.entity_micro.gold == 1
    assert r.entity_micro.recall == 1.0
    assert r.entity_misses == []


def test_predicted_optional_entity_is_not_a_false_positive():
    optional_gov = ent("ORG", "Chính phủ Việt Nam", optional=True)
    g = gold(entities=[VN, optional_gov])
    r = score([g], preds([pent("GPE", "Việt Nam"), pent("ORG", "Chính phủ Việt Nam")])).system
    assert r.entity_micro.fp == 0 and r.entity_micro.tp == 1
    assert r.entities["ORG"].ignored == 1 and r.entities["ORG"].optional_found == 1
    assert r.entity_micro.precision == 1.0
    # ... whereas an ORG that is not in the gold at all is one.
    r2 = score([g], preds([pent("GPE", "Việt Nam"), pent("ORG", "Chính phủ Lào")])).system
    assert r2.entity_micro.fp == 1 and r2.entity_micro.precision == 0.5
    assert [i.name for i in r2.entity_false_positives] == ["Chính phủ Lào"]


@pytest.mark.parametrize("written", [
    "Thoả thuận Paris",  # new tone placement
    "THỎA THUẬN PARIS",  # case
    "  Thỏa   thuận\u00a0Paris ",  # whitespace, no-break space
    "Tho\u0309a thuận Paris",  # decomposed (NFD) tone mark
])
def test_tone_case_and_whitespace_variants_match(written):
    g = gold(entities=[PARIS])
    r = score([g], preds([pent("TREATY", written)])).system
    assert r.entities["TREATY"].found == 1
    assert r.entities["TREATY"].fp == 0


def test_different_name_does_not_match():
    g = gold(entities=[PARIS])
    r = score([g], preds([pent("TREATY", "Thỏa thuận Kyoto")])).system
    assert r.entities["TREATY"].found == 0
    assert r.entities["TREATY"].fp == 1


def test_alias_match_counts_through_text_or_canonical():
    g = gold(entities=[YAMA, MONRE])
    # mention text is an alias
    r = score([g], preds([pent("PERSON", "Yamaguchi", canonical="")])).system
    assert r.entities["PERSON"].found == 1 and r.entities["PERSON"].fp == 0
    # text is unmatched but the canonical name is an alias
    r = score([g], preds([pent("ORG", "Bộ này", canonical="MONRE")])).system
    assert r.entities["ORG"].found == 1 and r.entities["ORG"].fp == 0
    # neither text nor canonical matches
    r = score([g], preds([pent("ORG", "Bộ này", canonical="Bộ Ngoại giao")])).system
    assert r.entities["ORG"].found == 0 and r.entities["ORG"].fp == 1


def test_wrong_type_does_not_match_and_is_counted_in_confusion():
    g = gold(entities=[PARIS, VN])
    r = score([g], preds([pent("GPE", "Thỏa thuận Paris"), pent("GPE", "Việt Nam")])).system
    assert r.entities["TREATY"].found == 0 and r.entities["TREATY"].gold == 1
    assert r.entities["GPE"].fp == 1 and r.entities["GPE"].tp == 1
    assert r.confusion == {("TREATY", "GPE"): 1}
    miss = r.entity_misses[0]
    assert (miss.type, miss.name) == ("TREATY", "Thỏa thuận Paris")
    assert "tagged as GPE" in miss.note
    text = score([g], preds([pent("GPE", "Thỏa thuận Paris")])).to_text()
    confusion = text[text.index("Type confusion"):]
    row = next(line for line in confusion.splitlines() if line.startswith("TREATY"))
    assert row.split()[1:] == ["1"]


def test_several_predicted_ids_for_one_gold_entity_count_once_for_recall():
    g = gold(entities=[HA, VN])
    p = preds([pent("PERSON", "Trần Hồng Hà", eid="a"), pent("PERSON", "Hà", eid="b")])
    r = score([g], p).system
    assert r.entities["PERSON"].found == 1 and r.entities["PERSON"].gold == 1
    assert r.entities["PERSON"].tp == 2 and r.entities["PERSON"].fp == 0
    assert r.split == 1
    assert r.entity_micro.recall == 0.5  # Việt Nam missed


def test_entities_are_compared_within_their_document():
    g1 = gold("d1", entities=[HA])
    g2 = gold("d2", entities=[VN])
    # "Việt Nam" predicted in d1 (gold has it in d2 only), and a document outside the gold.
    p = preds([pent("PERSON", "Trần Hồng Hà", doc="d1"), pent("GPE", "Việt Nam", doc="d1"),
               pent("GPE", "Lào", doc="other")])
    r = score([g1, g2], p).system
    assert r.entities["GPE"].found == 0 and r.entities["GPE"].fp == 1
    assert [i.doc_id for i in r.entity_false_positives] == ["d1"]


def test_gold_documents_absent_from_output_are_warned_about():
    g1, g2 = gold("d1", entities=[HA]), gold("d2", entities=[VN])
    r = score([g1, g2], preds([pent("PERSON", "Hà")], documents={"d1": "ok"})).system
    assert any("d2" in w and "not in the output" in w for w in r.warnings)
    assert not any("d1" in w for w in r.warnings)


# ---------------------------------------------------------------------------------------------
# events


@pytest.mark.parametrize("gold_date, predicted, ok", [
    ("2021-11", "2021-11-24", True),  # gold month, predicted day
    ("2021", "2021-11-24", True),
    ("2021-11-24", "2021-11-24", True),
    ("2021-11-24", "2021-11-23", False),  # wrong day
    ("2021-11-24", "2021-11", False),  # predicted less precise than the gold
    ("2021-11", "2021-12-01", False),
    ("2021-11-24", "", False),
    ("", "2019-01-01", True),  # gold "" accepts any
    ("", "", True),
])
def test_date_agrees(gold_date, predicted, ok):
    assert date_agrees(gold_date, predicted) is ok


def test_event_gold_month_accepts_predicted_day():
    g = gold(entities=[HA], events=[gev(date="2021-11")])
    r = score([g], preds([pent("PERSON", "Trần Hồng Hà", eid="e:ha")], [pev(date="2021-11-24")])).system
    assert r.event_micro.found == 1 and r.event_micro.tp == 1


def test_event_gold_without_date_accepts_any_date():
    g = gold(entities=[HA], events=[gev(date="")])
    r = score([g], preds([], [pev(date="2017-03-02")])).system
    assert r.event_micro.found == 1 and r.event_micro.fp == 0


def test_event_wrong_day_fails():
    g = gold(entities=[HA], events=[gev(date="2021-11-24")])
    r = score([g], preds([pent("PERSON", "Trần Hồng Hà", eid="e:ha")], [pev(date="2021-11-23")])).system
    assert r.event_micro.found == 0 and r.event_micro.fp == 1
    assert "dated 2021-11-23" in r.event_misses[0].note


def test_event_wrong_type_fails():
    g = gold(entities=[HA], events=[gev("MEETING")])
    r = score([g], preds([], [pev("VISIT")])).system
    assert r.event_micro.found == 0
    assert r.events["VISIT"].fp == 1
    assert "predicted as VISIT" in r.event_misses[0].note


def test_event_needs_one_common_participant():
    g = gold(entities=[HA, YAMA, VN], events=[gev(participants=("Trần Hồng Hà", "Tsuyoshi Michael Yamaguchi"))])
    # no participant in common
    r = score([g], preds([], [pev(participants=(("e:vn", "Việt Nam"),))])).system
    assert r.event_micro.found == 0 and r.event_micro.fp == 1
    # no participants at all
    r = score([g], preds([], [pev(participants=())])).system
    assert r.event_micro.found == 0
    # one of two in common, by an alias of the gold participant
    r = score([g], preds([], [pev(participants=(("e:vn", "Việt Nam"), ("e:y", "Yamaguchi")))])).system
    assert r.event_micro.found == 1 and r.event_micro.fp == 0


def test_event_participant_matches_through_its_mention_texts():
    g = gold(entities=[HA], events=[gev()])
    # canonical differs from every gold form, but the entity's mention in the document is "Hà"
    mention = pent("PERSON", "Hà", eid="e:x", canonical="Tran H. Ha")
    r = score([g], preds([mention], [pev(participants=(("e:x", "Tran H. Ha"),))])).system
    assert r.event_micro.found == 1
    # the same event without that mention in the document does not match
    r = score([g], preds([], [pev(participants=(("e:x", "Tran H. Ha"),))])).system
    assert r.event_micro.found == 0


def test_gold_event_without_participants_needs_none():
    g = gold(entities=[HA], events=[gev("CONFERENCE", date="2018", participants=())])
    r = score([g], preds([], [pev("CONFERENCE", date="2018-11-06", participants=())])).system
    assert r.event_micro.found == 1


def test_optional_events_count_neither_way():
    g = gold(entities=[HA, VN], events=[
        gev("MEETING", date="2021-11-24"),
        gev("VISIT", date="2021-10", participants=("Việt Nam",), optional=True),
    ])
    # optional event missed: recall unaffected
    r = score([g], preds([], [pev("MEETING")])).system
    assert r.event_micro.gold == 1 and r.event_micro.recall == 1.0
    # optional event predicted: not a false positive, not a true positive either
    r = score([g], preds([], [pev("MEETING"), pev("VISIT", date="2021-10-02",
                                                  participants=(("e:vn", "Việt Nam"),), event_id="ev2")])).system
    assert r.event_micro.fp == 0 and r.event_micro.tp == 1 and r.events["VISIT"].ignored == 1
    assert r.event_micro.precision == 1.0


# ---------------------------------------------------------------------------------------------
# load_gold


def _write_gold(directory: Path, doc: dict) -> Path:
    path = directory / f"{doc['id']}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _gold_dict(**changes) -> dict:
    doc = {
        "id": "004_x", "source": "corpus/004_x.txt", "published": "2021-11-24",
        "entities": [
            {"type": "PERSON", "name": "Trần Hồng Hà", "aliases": ["Hà"], "optional": False},
            {"type": "GPE", "name": "Tokyo", "aliases": [], "optional": True},
        ],
        "events": [
            {"type": "SIGNING", "date": "2021-11", "participants": ["Trần Hồng Hà"], "location": "Tokyo",
             "trigger": "ký", "status": "occurred", "evidence": "…", "optional": False},
        ],
    }
    doc.update(changes)
    return doc


def test_load_gold_reads_typed_records(tmp_path):
    _write_gold(tmp_path, _gold_dict())
    [g] = load_gold(tmp_path)
    assert g.id == "004_x" and g.source == "corpus/004_x.txt" and g.published == "2021-11-24"
    assert g.entities[0] == GoldEntity("PERSON", "Trần Hồng Hà", ("Hà",), False)
    assert g.entities[1].optional is True
    assert g.events[0].participants == ("Trần Hồng Hà",) and g.events[0].date == "2021-11"
    assert g.path.endswith("004_x.json")


def test_load_gold_rejects_participant_that_is_not_an_entity_name(tmp_path):
    doc = _gold_dict()
    doc["events"][0]["participants"] = ["Yamaguchi"]
    _write_gold(tmp_path, doc)
    with pytest.raises(GoldError) as exc:
        load_gold(tmp_path)
    message = str(exc.value)
    assert "004_x.json" in message and "'Yamaguchi'" in message


def test_load_gold_rejects_alias_as_participant_and_names_the_entity(tmp_path):
    doc = _gold_dict()
    doc["events"][0]["participants"] = ["Hà"]
    _write_gold(tmp_path, doc)
    with pytest.raises(GoldError, match=r"004_x\.json.*did you mean 'Trần Hồng Hà'"):
        load_gold(tmp_path)


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["entities"][0].update(type="PER"), "type 'PER'"),
    (lambda d: d["events"][0].update(type="TALKS"), "type 'TALKS'"),
    (lambda d: d["events"][0].update(date="24/11/2021"), "date '24/11/2021'"),
    (lambda d: d["events"][0].update(date="2021-13"), "date '2021-13'"),
    (lambda d: d["events"][0].update(status="done"), "status 'done'"),
    (lambda d: d["entities"][0].update(optinal=True), "unknown key(s) optinal"),
    (lambda d: d["entities"][0].update(aliases="Hà"), "'aliases' must be a list"),
    (lambda d: d.update(id="other"), "does not match the file name"),
])
def test_load_gold_rejects_malformed_files_naming_them(tmp_path, mutate, fragment):
    doc = _gold_dict()
    mutate(doc)
    path = tmp_path / "004_x.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold(tmp_path)
    assert str(path) in str(exc.value)
    assert fragment in str(exc.value)


def test_load_gold_rejects_bad_json_and_empty_dir(tmp_path):
    with pytest.raises(GoldError, match="no gold files"):
        load_gold(tmp_path)
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.json: not valid JSON"):
        load_gold(tmp_path)


@pytest.mark.parametrize("name", ["gold", "heldout", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38"])
def test_project_gold_files_are_valid(name):
    root = Path(__file__).resolve().parents[1] / "eval" / name
    if not root.is_dir():
        pytest.skip(f"no eval/{name} in this checkout")
    golds = load_gold(root)
    assert len(golds) == len(list(root.glob("*.json")))
    # A blind draw may hold an article that names nobody (a workout guide); an empty gold is then
    # the right answer. Most of a set must still name something, or the files were not read.
    empty = [g.id for g in golds if not g.entities]
    assert len(empty) <= (0 if name in ("gold", "heldout") else 3), empty  # batch 30: two food guides, a diary


def test_dev_and_held_out_sets_are_disjoint_and_from_both_corpora():
    root = Path(__file__).resolve().parents[1] / "eval"
    if not (root / "gold").is_dir() or not (root / "heldout").is_dir():
        pytest.skip("no eval sets in this checkout")
    dev, held = load_gold(root / "gold"), load_gold(root / "heldout")
    assert not {g.id for g in dev} & {g.id for g in held}
    for golds in (dev, held):
        sources = {g.source.split("/")[0] for g in golds}
        assert {"bench:baomoi-2017.jsonl", "bench:dantri-2020-2021"} <= sources
    assert len(dev) >= 30  # the five seeds and at least 25 bench articles


@pytest.mark.parametrize("batch", ["blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38"])
def test_blind_batch_is_disjoint_from_dev_and_held_out_and_mostly_outside_politics(batch):
    root = Path(__file__).resolve().parents[1] / "eval"
    blind = load_gold(root / batch)
    dev, held = load_gold(root / "gold"), load_gold(root / "heldout")
    assert len(blind) >= 40
    assert not {g.id for g in blind} & ({g.id for g in dev} | {g.id for g in held})
    dantri = [g.id for g in blind if g.id.startswith("news_")]
    categories = {i.rsplit("_", 1)[0] for i in dantri}
    assert len(categories) == 10  # every dantri category
    assert sum(not i.startswith(("news_world", "news_society")) for i in dantri) >= len(blind) // 2 - 4


# ---------------------------------------------------------------------------------------------
# materialise_inputs


def _fake_repo_and_bench(tmp_path: Path) -> tuple[Path, Path, list[GoldDoc]]:
    repo = tmp_path / "repo"
    (repo / "corpus").mkdir(parents=True)
    (repo / "corpus" / "a.txt").write_text("Tiêu đề\nNội dung.\n", encoding="utf-8")
    bench = tmp_path / "bench"
    (bench / "dantri").mkdir(parents=True)
    (bench / "dantri" / "n1.txt").write_text("# doc_id = n1\nTiêu đề\nThân bài.\n", encoding="utf-8")
    records = [{"id": f"bm-{i}", "title": f"T{i}", "text": f"Văn bản {i}."} for i in range(1, 13)]
    (bench / "bm.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                    encoding="utf-8")
    golds = [
        GoldDoc("a", "corpus/a.txt"),
        GoldDoc("n1", "bench:dantri/n1.txt"),
        GoldDoc("bm-12", "bench:bm.jsonl"),
        GoldDoc("bm-1", "bench:bm.jsonl"),
    ]
    return repo, bench, golds


def test_materialise_inputs_uses_files_in_place_and_extracts_jsonl_records(tmp_path):
    repo, bench, golds = _fake_repo_and_bench(tmp_path)
    work = tmp_path / "work"
    inputs = materialise_inputs(golds, repo, bench, work)
    assert inputs[:2] == [str(repo / "corpus" / "a.txt"), str(bench / "dantri" / "n1.txt")]
    assert inputs[2] == str(work / "bm.jsonl")
    lines = Path(inputs[2]).read_text(encoding="utf-8").splitlines()
    # only the wanted records ("bm-1" is a prefix of "bm-12" and of "bm-10", "bm-11": exact ids only)
    assert [json.loads(x)["id"] for x in lines] == ["bm-12", "bm-1"]
    assert json.loads(lines[1])["text"] == "Văn bản 1."
    assert not any(p.startswith(str(repo)) and p.endswith(".jsonl") for p in inputs)


def test_materialise_inputs_missing_bench_names_the_path(tmp_path):
    repo, bench, golds = _fake_repo_and_bench(tmp_path)
    elsewhere = tmp_path / "no-bench"
    with pytest.raises(UsageError) as exc:
        materialise_inputs(golds, repo, elsewhere, tmp_path / "work")
    assert str(elsewhere / "dantri" / "n1.txt") in str(exc.value)
    with pytest.raises(UsageError) as exc:
        materialise_inputs([golds[2]], repo, elsewhere, tmp_path / "work")
    assert str(elsewhere / "bm.jsonl") in str(exc.value)


def test_materialise_inputs_missing_record_is_an_error(tmp_path):
    repo, bench, _ = _fake_repo_and_bench(tmp_path)
    with pytest.raises(UsageError, match="no record with id bm-99"):
        materialise_inputs([GoldDoc("bm-99", "bench:bm.jsonl")], repo, bench, tmp_path / "work")


def test_materialise_inputs_refuses_a_work_dir_inside_the_project(tmp_path):
    repo, bench, golds = _fake_repo_and_bench(tmp_path)
    with pytest.raises(UsageError, match="outside the project"):
        materialise_inputs(golds, repo, bench, repo / "tmp")
    assert not (repo / "tmp").exists()


# ---------------------------------------------------------------------------------------------
# read_predictions


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, columns, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})


def test_read_predictions_groups_mentions_and_reads_participants(tmp_path):
    _write_csv(tmp_path / "documents.csv", DOCUMENTS.columns, [
        {"doc_id": "d1", "status": "ok"}, {"doc_id": "d2", "status": "duplicate"}])
    _write_csv(tmp_path / "mentions.csv", MENTIONS.columns, [
        {"doc_id": "d1", "paragraph": 0, "sentence": 0, "text": "Bộ trưởng Hà", "type": "PERSON",
         "entity_id": "Q1", "canonical": "Trần Hồng Hà"},
        {"doc_id": "d1", "paragraph": 2, "sentence": 1, "text": "Hà", "type": "PERSON",
         "entity_id": "Q1", "canonical": "Trần Hồng Hà"},
        {"doc_id": "d1", "paragraph": 2, "sentence": 1, "text": "Hà", "type": "PERSON",
         "entity_id": "Q1", "canonical": "Trần Hồng Hà"},
        {"doc_id": "d1", "paragraph": 3, "sentence": 0, "text": "Tokyo", "type": "GPE",
         "entity_id": "Q2", "canonical": "Tokyo"},
    ])
    _write_csv(tmp_path / "events.csv", EVENTS.columns, [
        {"event_id": "d1:E:3:0", "doc_id": "d1", "type": "SIGNING", "date": "2021-11-24",
         "participants": "Trần Hồng Hà", "trigger": "ký", "evidence": "Hai bên ký…"}])
    _write_csv(tmp_path / "event_participants.csv", EVENT_PARTICIPANTS.columns, [
        {"event_id": "d1:E:3:0", "entity_id": "Q1", "canonical": "Trần Hồng Hà", "type": "PERSON",
         "role": "participant"},
        # whom a participant represents is no actor: not scored ("Bộ trưởng Bộ TN-MT Trần Hồng Hà")
        {"event_id": "d1:E:3:0", "entity_id": "Q3", "canonical": "Bộ Tài nguyên và Môi trường", "type": "ORG",
         "role": "affiliation"}])
    p = read_predictions(tmp_path)
    assert p.documents == {"d1": "ok", "d2": "duplicate"}
    by_id = {e.entity_id: e for e in p.entities}
    assert len(p.entities) == 2
    assert by_id["Q1"].texts == ("Bộ trưởng Hà", "Hà") and by_id["Q1"].canonical == "Trần Hồng Hà"
    assert by_id["Q1"].where == "p0.s0"
    [ev] = p.events
    assert (ev.type, ev.date, ev.trigger) == ("SIGNING", "2021-11-24", "ký")
    assert ev.participants == (PredParticipant("Q1", "Trần Hồng Hà"),)

    g = gold("d1", entities=[HA, ent("GPE", "Tokyo")],
             events=[GoldEvent("SIGNING", "2021-11", ("Trần Hồng Hà",))])
    r = score([g], p).system
    assert r.entity_micro.recall == 1.0 and r.event_micro.recall == 1.0


def test_read_predictions_requires_an_output_dir(tmp_path):
    with pytest.raises(UsageError, match="not a vnews output directory"):
        read_predictions(tmp_path)


# ---------------------------------------------------------------------------------------------
# baseline


def test_bio_entities_maps_types_and_slices_the_sentence():
    sentence = "Theo Bộ TN&MT, ông Trần Hồng Hà tới Hà Nội (Việt Nam) cùng WHO."
    tagged = [
        ("Theo", "V", "B-VP", "O"),
        ("Bộ TN&MT", "Np", "B-NP", "B-ORG"),
        (",", "CH", "O", "O"),
        ("ông", "Nc", "B-NP", "O"),
        ("Trần", "Np", "B-NP", "B-PER"),
        ("Hồng  Hà", "Np", "B-NP", "I-PER"),  # respaced by the tokenizer
        ("tới", "V", "B-VP", "O"),
        ("Hà Nội", "Np", "B-NP", "I-LOC"),  # I- after O starts an entity
        ("(", "CH", "O", "O"),
        ("Việt Nam", "Np", "B-NP", "B-LOC"),
        (")", "CH", "O", "O"),
        ("cùng", "E", "B-PP", "O"),
        ("WHO", "Np", "B-NP", "B-MISC"),  # dropped
        (".", "CH", "O", "O"),
    ]
    assert _bio_entities(sentence, tagged) == [
        ("ORG", "Bộ TN&MT"), ("PERSON", "Trần Hồng Hà"), ("GPE", "Hà Nội"), ("GPE", "Việt Nam")]


def test_bio_entities_type_change_splits():
    sentence = "Nhật Bản Yamaguchi"
    tagged = [("Nhật Bản", "Np", "B-NP", "B-LOC"), ("Yamaguchi", "Np", "B-NP", "I-PER")]
    assert _bio_entities(sentence, tagged) == [("GPE", "Nhật Bản"), ("PERSON", "Yamaguchi")]


def test_baseline_predictions_reads_inputs_headline_included(tmp_path):
    repo, bench, golds = _fake_repo_and_bench(tmp_path)
    inputs = materialise_inputs(golds, repo, bench, tmp_path / "work")
    seen: list[str] = []

    def tagger(sentence: str) -> list:
        seen.append(sentence)
        first = sentence.split()[0]
        return [(first, "Np", "B-NP", "B-PER")] + [(w, "N", "B-NP", "O") for w in sentence.split()[1:]]

    p = baseline_predictions(golds[1:3], inputs, tagger=tagger, splitter=lambda s: [s])
    # only the golds' documents; the JSONL title is read as the headline
    assert set(p.documents) == {"n1", "bm-12"}
    assert "T12" in seen and "Tiêu đề" in seen and "Nội dung." not in seen
    assert {(e.doc_id, e.type, e.canonical) for e in p.entities} >= {("bm-12", "PERSON", "T12"),
                                                                        ("n1", "PERSON", "Tiêu")}
    assert p.events == [] and p.has_events is False


def test_baseline_with_underthesea_smoke(tmp_path):
    pytest.importorskip("underthesea")
    (tmp_path / "x.txt").write_text("Bộ trưởng Trần Hồng Hà đã tới Hà Nội hôm qua.\n", encoding="utf-8")
    p = baseline_predictions([GoldDoc("x", "corpus/x.txt")], [str(tmp_path / "x.txt")])
    assert p.entities, "underthesea ner found nothing"
    assert {e.type for e in p.entities} <= {"PERSON", "ORG", "GPE"}
    assert all(e.doc_id == "x" for e in p.entities)


# ---------------------------------------------------------------------------------------------
# report


def test_report_text_and_json():
    g = gold(entities=[HA, VN, PARIS], events=[gev()])
    system = preds([pent("PERSON", "Trần Hồng Hà"), pent("GPE", "Lào"), pent("GPE", "Campuchia"),
                    pent("GPE", "Thái Lan")], [pev(date="2020")])
    base = Predictions("baseline", [pent("GPE", "Việt Nam")], [], None, has_events=False)
    report = score([g], system, base)
    text = report.to_text(limit=2)
    assert "base F1" in text
    assert "False-positive entities (3, first 2)" in text
    assert "Missed entities (2)" in text  # Việt Nam, Thỏa thuận Paris
    assert "Missed events (1)" in text
    person = next(line for line in text.splitlines() if line.startswith("PERSON"))
    # columns: type gold found tp fp | P R F1 | base P, R, F1
    # system PERSON: 1/1/1; baseline PERSON: nothing predicted -> 0 (documented convention)
    assert person.split()[1:5] == ["1", "1", "1", "0"]
    assert person.split()[6:9] == ["1.000", "1.000", "1.000"]
    assert person.split()[10:13] == ["0.000", "0.000", "0.000"]
    gpe = next(line for line in text.splitlines() if line.startswith("GPE"))
    assert gpe.split()[6:9] == ["0.000", "0.000", "0.000"] and gpe.split()[10:13] == ["1.000", "1.000", "1.000"]
    term = next(line for line in text.splitlines() if line.startswith("TERM"))
    assert term.split()[6:] == ["-", "-", "-", "|", "-", "-", "-"]

    data = report.to_json()
    json.dumps(data, ensure_ascii=False)
    assert data["system"]["entities_micro"]["tp"] == 1 and data["system"]["entities_micro"]["fp"] == 3
    assert data["baseline"]["entities"]["GPE"]["recall"] == 1.0
    assert data["baseline"]["events"] is None
    assert len(data["system"]["entity_false_positives"]) == 3  # JSON is not truncated
    assert data["gold"] == {"entities": 3, "optional_entities": 0, "events": 1, "optional_events": 0}


def test_event_rates_per_category(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.rates import category_of, event_rates

    assert category_of("news_sport_002") == "sport" and category_of("baomoi-1") == "baomoi (all topics)"
    (tmp_path / "documents.csv").write_text(
        "doc_id,status\nnews_sport_001,ok\nnews_sport_002,ok\nnews_world_001,ok\nnews_world_002,error\n",
        encoding="utf-8")
    (tmp_path / "events.csv").write_text(
        "event_id,doc_id,type\na,news_sport_001,MEETING\nb,news_sport_002,MEETING\nc,news_sport_002,SIGNING\n"
        "d,news_world_001,VISIT\ne,news_world_002,VISIT\n", encoding="utf-8")
    report = event_rates(tmp_path)
    assert report.per_100("sport") == 150.0 and report.per_100("sport", "MEETING") == 100.0
    assert report.articles["world"] == 1 and report.per_100("world") == 100.0  # the error row's event not counted
    result = CliRunner().invoke(app, ["rates", str(tmp_path), "--json"])
    assert result.exit_code == 0 and '"sport"' in result.output
    assert CliRunner().invoke(app, ["rates", str(tmp_path / "nope")]).exit_code == 2


@pytest.mark.parametrize("name", ["ordinary-news-events50.jsonl", "ordinary-news-events50-2026-12-02.jsonl",
                                  "ordinary-news-events50-2026-12-02b.jsonl", "ordinary-news-events50-2026-12-02c.jsonl",
                                  "ordinary-news-events50-2026-12-03.jsonl", "ordinary-news-events50-2026-12-03b.jsonl",
                                  "ordinary-news-events50-2026-12-03c.jsonl", "ordinary-news-events50-2026-12-03d.jsonl",
                                  "ordinary-news-events50-2026-12-04.jsonl", "ordinary-news-events50-2026-12-04b.jsonl",
                                  "ordinary-news-events50-2026-12-04c.jsonl", "ordinary-news-events50-2026-12-04d.jsonl",
                                  "ordinary-news-events50-2026-12-04e.jsonl", "ordinary-news-events50-2026-12-05.jsonl"])
def test_hand_checked_event_samples_hold_fifty_verdicts(name):
    # The README's precision on ordinary news is counted from these files: every row a verdict.
    path = Path(__file__).resolve().parents[1] / "eval" / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 50 and len({r["event_id"] for r in rows}) == 50
    assert all(isinstance(r["correct"], bool) and isinstance(r["date_ok"], bool) for r in rows)
    assert all(r["reason"] for r in rows if not r["correct"])  # every error says what it is
    assert not any(r["doc_id"].startswith("news_world_") for r in rows)
    # ... and the precision the README gives for the sample is the one its verdicts count
    right = sum(r["correct"] for r in rows)
    readme = (path.parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"**precision {right / 50:.2f}** ({right} / 50" in readme
