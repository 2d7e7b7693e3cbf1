"""Whole-pipeline outputs: the committed outputs/ of corpus/, the file contract, determinism."""

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import load_config
from pipeline.io.schema import TABLES
from pipeline.runner import extract

from conftest import ROOT

COMMITTED = ROOT / "outputs"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-out")
    cfg = load_config(tag={"gazetteers": str(ROOT / "gazetteers")})
    cwd = Path.cwd()
    import os
    os.chdir(ROOT)  # inputs are recorded as given: run as `make extract` does
    try:
        extract(["corpus"], out, cfg)
    finally:
        os.chdir(cwd)
    return out


def _files(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file() and p.name != "run.json" and not p.name.startswith(".")}  # .vnews.lock holds a pid


def test_committed_outputs_equal_a_fresh_extract(corpus_out):
    fresh, committed = _files(corpus_out), _files(COMMITTED)
    assert sorted(fresh) == sorted(committed), "run `make extract` and commit outputs/"
    for name in fresh:
        assert fresh[name] == committed[name], f"outputs/{name} is stale: run `make extract` and commit it"


def test_every_csv_matches_its_schema_and_loads_with_pandas(corpus_out):
    package = json.loads((corpus_out / "datapackage.json").read_text())
    described = {r["path"]: r for r in package["resources"]}
    for table in TABLES:
        path = corpus_out / table.path
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
        with path.open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == table.columns == [f["name"] for f in described[table.path]["schema"]["fields"]]
        df = pd.read_csv(path, keep_default_na=False)
        for f in table.fields:
            if f.type == "integer" and f.required and len(df):
                assert df[f.name].dtype == "int64", (table.path, f.name)
        keys = list(table.primary_key)
        assert not df.duplicated(keys).any(), (table.path, keys)


def test_documents_rows_sorted_and_every_input_present(corpus_out):
    docs = pd.read_csv(corpus_out / "documents.csv", keep_default_na=False)
    inputs = sorted(p.stem for p in (ROOT / "corpus").glob("*.txt"))
    assert list(docs["doc_id"]) == inputs
    assert set(docs["status"]) == {"ok"}


def test_per_seed_paragraph_counts_checked_by_hand(corpus_out):
    docs = pd.read_csv(corpus_out / "documents.csv", keep_default_na=False).set_index("doc_id")
    # seed 000: three paragraphs, the third repeats the second.
    assert docs.loc["000_075b4f3a027d94d0", ["paragraphs_in", "paragraphs_out", "duplicates_removed"]].tolist() == [3, 2, 1]
    # seed 001: 20 lines; lines 12-20 repeat lines 3-11 as a block: each kept once.
    assert docs.loc["001_ad603959266d5191", ["paragraphs_in", "paragraphs_out", "duplicates_removed"]].tolist() == [20, 11, 9]
    # seed 003: 29 non-blank lines: 10 furniture (category header, 4 image files, comment counter,
    # 2 section labels, the related title, the CMS footer), the byline, and the second
    # "Đoàn công tác ... AMME" caption (a truncated copy of the first) go; the headline stays.
    row = docs.loc["003_a5ec0dc8442d12af"]
    assert row["title"] == "Tăng cường hợp tác khu vực và quốc tế để giải quyết các thách thức môi trường và khí hậu"
    assert row["published"] == "2023-08-24" and row["boilerplate_removed"] == 10
    assert row[["paragraphs_in", "paragraphs_out", "duplicates_removed"]].tolist() == [29, 17, 1]
    # seed 002: the headline line and the "Nguồn" line (metadata -> source).
    row = docs.loc["002_80fa98daa23ce963"]
    assert row["source"] == "monre.gov.vn" and row["paragraphs_out"] == 16
    # seed 004: byline and URL are metadata; the date comes from the URL.
    row = docs.loc["004_ad2d339a89ace893"]
    assert row["url"].startswith("https://baotintuc.vn/") and row["published"] == "2021-11-24"


def test_seed_003_keeps_every_body_sentence(corpus_out):
    records = {json.loads(l)["doc_id"]: json.loads(l) for l in (corpus_out / "documents.jsonl").open()}
    text = "\n".join(p["text"] for p in records["003_a5ec0dc8442d12af"]["paragraphs"])
    source = (ROOT / "corpus" / "003_a5ec0dc8442d12af.txt").read_text()
    for line in source.splitlines():
        if len(line) > 120:  # every long body paragraph
            assert line.replace("TN&;MT", "TN&MT") in text
    for furniture in ("1mm.jpg", "Bình luận", "POWERED BY", "Đừng bỏ lỡ", "Ngành TN&MT"):
        assert furniture not in text
    removed = pd.read_csv(corpus_out / "removed.csv", keep_default_na=False)
    assert (removed["doc_id"] == "003_a5ec0dc8442d12af").sum() == 12  # blank lines are not paragraphs


def test_sentence_and_token_spans_slice_back(corpus_out):
    for line in (corpus_out / "documents.jsonl").open():
        rec = json.loads(line)
        for p in rec["paragraphs"]:
            for s in p["sentences"]:
                assert p["text"][s["start"]:s["end"]].strip()
                for a, b in s["tokens"]:
                    assert s["start"] <= a < b <= s["end"]


def test_mentions_slice_back_out_of_documents_jsonl(corpus_out):
    paras = {}
    for line in (corpus_out / "documents.jsonl").open():
        rec = json.loads(line)
        for p in rec["paragraphs"]:
            paras[(rec["doc_id"], p["index"])] = p["text"]
    mentions = pd.read_csv(corpus_out / "mentions.csv", keep_default_na=False)
    assert len(mentions) > 50
    for m in mentions.itertuples():
        assert paras[(m.doc_id, m.paragraph)][m.start:m.end] == m.text


def test_manifest_is_deterministic_and_complete(corpus_out):
    manifest = json.loads((corpus_out / "manifest.json").read_text())
    assert manifest["counts"] == {"ok": 5, "empty": 0, "duplicate": 0, "error": 0}
    # Paths inside the dump root: the manifest holds no machine path.
    assert [i["path"] for i in manifest["inputs"]] == [p.name for p in sorted((ROOT / "corpus").glob("*.txt"))]
    text = (corpus_out / "manifest.json").read_text()
    assert "/tmp" not in text and str(ROOT) not in text
    assert set(manifest["outputs"]) >= {"documents.csv", "mentions.csv", "events.csv"}


def test_same_outputs_whatever_the_number_of_workers(tmp_path):
    cfg1 = load_config(tag={"gazetteers": str(ROOT / "gazetteers")}, run={"workers": 1, "cache_dir": ""})
    cfg2 = load_config(tag={"gazetteers": str(ROOT / "gazetteers")}, run={"workers": 2, "cache_dir": ""})
    inputs = [str(ROOT / "corpus")]
    extract(inputs, tmp_path / "one", cfg1)
    extract(inputs, tmp_path / "two", cfg2)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


SEED_ENTITIES = {
    "000_075b4f3a027d94d0": {("EVENT", "COP23"), ("EVENT", "COP24"), ("ORG", "Cục Biến đổi khí hậu"),
                             ("TREATY", "Thỏa thuận Paris"), ("TREATY", "Nghị định thư Kyoto"), ("GPE", "Việt Nam"),
                             ("TERM", "Đóng góp do quốc gia tự quyết định"),
                             ("TREATY", "Công ước khung của Liên hợp quốc về biến đổi khí hậu")},
    "001_ad603959266d5191": {("ORG", "Bộ Ngoại giao Hàn Quốc"), ("PERSON", "Kim Hyo-eun"), ("PERSON", "Lê Công Thành"),
                             ("ORG", "Bộ Tài nguyên và Môi trường"), ("EVENT", "COP29"), ("GPE", "Baku"),
                             ("GPE", "Azerbaijan"), ("TERM", "REDD+"), ("TERM", "CCUS"), ("TREATY", "Thỏa thuận Paris")},
    "002_80fa98daa23ce963": {("PERSON", "Tăng Thế Cường"), ("PERSON", "Ogawa Masako"), ("ORG", "Cục Biến đổi khí hậu"),
                             ("ORG", "Bộ Tài nguyên và Môi trường"), ("ORG", "Bộ Môi trường Nhật Bản"),
                             ("ORG", "Cơ quan Hợp tác quốc tế Nhật Bản"), ("TREATY", "Cơ chế tín chỉ chung"),
                             ("TERM", "HFC"), ("ORG", "Tổng cục Khí tượng thủy văn")},
    "003_a5ec0dc8442d12af": {("EVENT", "AMME 17"), ("PERSON", "Võ Tuấn Nhân"), ("GPE", "Viên Chăn"), ("GPE", "Lào"),
                             ("ORG", "Trung tâm Đa dạng sinh học ASEAN"), ("EVENT", "COP28"),
                             ("TREATY", "Tuyên bố chung ASEAN về Biến đổi khí hậu"),
                             ("TREATY", "Thỏa thuận về thành lập Trung tâm Biến đổi khí hậu ASEAN")},
    "004_ad2d339a89ace893": {("PERSON", "Trần Hồng Hà"), ("PERSON", "Yamaguchi Tsuyoshi"), ("GPE", "Tokyo"),
                             ("EVENT", "COP26"), ("TREATY", "Cơ chế tín chỉ chung"),
                             ("TREATY", "Kế hoạch hợp tác chung về biến đổi khí hậu hướng tới mục tiêu trung hòa "
                                        "các-bon vào năm 2050")},
}


@pytest.mark.parametrize("doc_id", sorted(SEED_ENTITIES))
def test_committed_outputs_hold_the_seeds_people_bodies_treaties_and_acronyms(doc_id):
    mentions = pd.read_csv(COMMITTED / "mentions.csv", keep_default_na=False)
    seen = set(zip(mentions[mentions.doc_id == doc_id].type, mentions[mentions.doc_id == doc_id].canonical))
    assert SEED_ENTITIES[doc_id] <= seen, SEED_ENTITIES[doc_id] - seen


def _events(doc_prefix: str) -> list[dict]:
    events = pd.read_csv(COMMITTED / "events.csv", keep_default_na=False)
    return events[events.doc_id.str.startswith(doc_prefix)].to_dict("records")


def test_seed_events_come_out_right():
    e004 = _events("004")
    dialogue = [e for e in e004 if e["type"] == "DIALOGUE"]
    signing = [e for e in e004 if e["type"] == "SIGNING"]
    assert len(dialogue) == 1 and dialogue[0]["date"] == "2021-11-24" and "Tokyo" in dialogue[0]["location"]
    assert len(signing) == 1 and signing[0]["date"] == "2021-11-24"
    assert {"Trần Hồng Hà", "Yamaguchi Tsuyoshi"} <= set(signing[0]["participants"].split(" | "))
    assert signing[0]["instrument"].startswith("Kế hoạch hợp tác chung") and signing[0]["plover"] == "AGREE"
    meeting = [e for e in _events("002") if e["type"] == "MEETING"]
    assert meeting[0]["date"] == "2024-01-11" and meeting[0]["status"] == "occurred"
    amme = [e for e in _events("003") if e["instrument"] == "AMME 17"]
    assert amme and (amme[0]["date"], amme[0]["date_end"]) == ("2023-08-23", "2023-08-24")
    assert "Viên Chăn" in amme[0]["location"]
    meetings_001 = [e for e in _events("001") if e["type"] == "MEETING"]
    assert [e["status"] for e in meetings_001] == ["occurred", "planned"]
    cop23 = [e for e in _events("000") if e["instrument"] == "COP23"]
    assert cop23 and cop23[0]["type"] == "CONFERENCE" and cop23[0]["date"].startswith("2017-11")


def test_datapackage_validates_with_frictionless(corpus_out):
    """Types, required fields, primary and foreign keys: what the data team's one call checks."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(corpus_out / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
