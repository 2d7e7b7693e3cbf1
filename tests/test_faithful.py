"""The bench articles issue #11 found unfaithful outputs in, run through the whole pipeline: every
date says where its year comes from, and no year is guessed silently. Skipped without the bench."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from pipeline.config import load_config
from pipeline.runner import extract

BAOMOI = ("baomoi-21471057", "baomoi-21472144", "baomoi-21472593", "baomoi-21471905", "baomoi-21472977",
          "baomoi-21472852")


@pytest.fixture(scope="module")
def outputs(bench_root, tmp_path_factory):
    dump = tmp_path_factory.mktemp("dump")
    with (bench_root / "baomoi-2017.jsonl").open(encoding="utf-8") as src, \
            (dump / "baomoi.jsonl").open("w", encoding="utf-8") as dst:
        for line in src:
            if json.loads(line)["id"] in BAOMOI:
                dst.write(line)
    shutil.copy(bench_root / "dantri-2020-2021" / "news_education_010.txt", dump)
    out = tmp_path_factory.mktemp("out")
    extract([str(dump)], out, load_config(run={"cache_dir": ""}))
    read = dict(keep_default_na=False, dtype=str)
    return (pd.read_csv(out / "documents.csv", **read), pd.read_csv(out / "events.csv", **read),
            pd.read_csv(out / "mentions.csv", **read))


def test_four_reports_of_one_meeting_get_one_date_said_to_be_estimated(outputs):
    docs, events, _ = outputs
    assert set(docs.loc[docs.doc_id.isin(BAOMOI[:4] + BAOMOI[5:]), "year_estimate"]) == {"2017"}
    meetings = events[(events.type == "MEETING") & events.doc_id.isin(BAOMOI[:4])]
    assert set(meetings.doc_id) == set(BAOMOI[:4])
    assert set(zip(meetings.date, meetings.date_basis)) == {("2017-02-06", "estimated")}


def test_a_veterans_past_dates_nothing(outputs):
    docs, events, _ = outputs
    assert docs.set_index("doc_id").loc["baomoi-21472977", "year_estimate"] == ""
    assert set(events.loc[events.doc_id == "baomoi-21472977", "date"]) <= {""}


def test_since_november_2016_puts_the_news_in_2017(outputs):
    _, events, _ = outputs
    dated = events[(events.doc_id == "baomoi-21472852") & (events.date != "")]
    assert len(dated) and all(d.startswith("2017-02") for d in dated.date)


def test_a_period_is_no_date_and_a_decision_of_the_office_names_no_holder(outputs):
    _, events, mentions = outputs
    edu = events[events.doc_id == "news_education_010"]
    assert "2016" not in set(edu.date)
    assert ("2020-10-02", "published") in set(zip(edu.date, edu.date_basis))
    # "Quyết định 281/QĐ-TTg của Thủ tướng Chính phủ", "Tháng 3/2014, … của Thủ tướng Chính phủ": the office
    # that issues a decision, no person (tagger.toml tenure_not_after; the gold of batch 11 lists neither
    # prime minister). A title held on its sentence's own date is link.tenure's example in entities.toml.
    pm = mentions[(mentions.doc_id == "news_education_010") & (mentions.method == "tenure")]
    assert not {"person:nguyen-tan-dung", "person:nguyen-xuan-phuc"} & set(pm.entity_id)
    assert len(mentions[mentions.doc_id == "news_education_010"]) > 5  # the document was tagged
