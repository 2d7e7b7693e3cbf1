"""`pipeline.load(out_dir)`: every output as a typed DataFrame, on the committed outputs of corpus/."""

from __future__ import annotations

import csv
import re
import shutil
import warnings

import pandas as pd
import pytest

import pipeline
from pipeline.errors import UsageError
from pipeline.loader import period_bounds

from conftest import ROOT
from test_diff import rewrite

COMMITTED = ROOT / "outputs"


@pytest.fixture(scope="module")
def dump():
    return pipeline.load(COMMITTED)


def test_every_output_is_a_frame_with_its_rows(dump):
    frames = dump.frames()
    assert set(frames) == {"documents", "removed", "mentions", "entities", "events", "event_participants",
                           "paragraphs", "sentences", "evidences"}
    for name in ("documents", "removed", "mentions", "entities", "events", "event_participants"):
        raw = pd.read_csv(COMMITTED / f"{name}.csv", dtype=str, keep_default_na=False)
        assert len(frames[name]) == len(raw) > 0, name
    assert len(dump.paragraphs) == int(dump.documents.paragraphs_out.sum())
    assert len(dump.sentences) == int(dump.documents.sentences.sum())
    assert dump.manifest["documents"] == 5


def test_dtypes(dump):
    d, r, m, ev = dump.documents, dump.removed, dump.mentions, dump.events
    for df, col in ((d, "doc_id"), (m, "mention_id"), (m, "entity_id"), (ev, "event_id"), (ev, "cluster_id")):
        assert df[col].dtype == "string", col
    assert list(d.status.cat.categories[:4]) == ["ok", "empty", "duplicate", "error"]
    for df, col in ((m, "type"), (m, "method"), (ev, "type"), (ev, "status"), (ev, "date_precision"),
                    (r, "reason"), (dump.event_participants, "role"), (dump.entities, "type")):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
    # The complaint: these loaded as strings.
    assert r.kept_paragraph.dtype == "Int64" and r.similarity.dtype == "Float64"
    assert r.similarity.max() == 100.0 and r.kept_paragraph.dropna().min() >= 0
    assert m.score.dtype == "Float64" and m.start.dtype == "Int64"
    assert ev.confidence.dtype == "Float64"
    # Empty cells are missing values, not empty strings.
    raw = pd.read_csv(COMMITTED / "documents.csv", dtype=str, keep_default_na=False)
    assert d.url.isna().sum() == (raw.url == "").sum() > 0 and not (m.title == "").any()


def test_event_dates_have_bounds_month_and_precision(dump):
    ev = dump.events.set_index("event_id")
    conf = ev.loc["000_075b4f3a027d94d0:E1:10"]  # COP23, 2017-11-06..17 from the gazetteer
    assert (conf.date_start, conf.date_stop) == (pd.Timestamp("2017-11-06"), pd.Timestamp("2017-11-17"))
    assert conf.month == pd.Period("2017-11", "M") and conf.date_precision == "day"
    month = ev[ev.date_precision == "month"].iloc[0]
    assert month.date_start.day == 1 and month.date_stop == month.date_start + pd.offsets.MonthEnd(0)
    undated = ev[ev.date.isna()]
    assert len(undated) and undated.date_start.isna().all() and undated.date_basis.isna().all()
    assert list(ev.date_basis.cat.categories[:4]) == ["text", "published", "estimated", "gazetteer"]
    assert conf.date_basis == "gazetteer" and (ev[ev.date_basis == "text"].date_text.notna()).all()


def test_a_year_only_event_date_has_a_year_and_no_month(tmp_path):
    # The corpus outputs hold no year-only date since the P4G 2025 conference (a conference being prepared
    # for) left them, so one event of a copy is given one, as the writer writes it.
    out = tmp_path / "outputs"
    shutil.copytree(COMMITTED, out)
    with open(out / "events.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = next(r for r in rows if r["date_precision"] == "day" and not r["date_end"])
    row.update(date="2021", date_precision="year")
    with open(out / "events.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    ev = pipeline.load(out).events.set_index("event_id")
    year = ev.loc[row["event_id"]]
    assert year.date_precision == "year" and pd.isna(year.month) and year.year == 2021
    assert (year.date_start, year.date_stop) == (pd.Timestamp("2021-01-01"), pd.Timestamp("2021-12-31"))


def test_year_estimate_on_documents_and_events(dump):
    docs = dump.documents.set_index("doc_id")
    assert docs.loc["002_80fa98daa23ce963", "year_estimate"] == 2024  # documents.jsonl's estimate
    assert docs.loc["002_80fa98daa23ce963", "date_basis"] == "estimated"
    assert docs.loc["000_075b4f3a027d94d0"].year_estimate is pd.NA
    ev = dump.events
    assert (ev[ev.doc_id == "002_80fa98daa23ce963"].year_estimate == 2024).all()
    assert "estimated" in set(ev[ev.doc_id == "002_80fa98daa23ce963"].date_basis)


def test_outputs_written_before_year_estimate_and_date_basis_columns(tmp_path):
    """Older outputs: year_estimate from documents.jsonl, date_basis derived."""
    out = tmp_path / "out"
    shutil.copytree(COMMITTED, out)

    def drop(column):
        def edit(rows, header):
            for r in rows:
                r.pop(column, None)
            return [h for h in header if h != column]
        return edit

    rewrite(out / "documents.csv", drop("year_estimate"))
    rewrite(out / "events.csv", drop("date_basis"))
    d = pipeline.load(out, gazetteers=ROOT / "gazetteers")
    assert d.documents.set_index("doc_id").loc["002_80fa98daa23ce963", "year_estimate"] == 2024
    ev = d.events
    assert set(ev.date_basis.dropna()) == {"text", "context"}
    assert (ev.date_basis.isna() == ev.date.isna()).all()
    assert (ev[ev.date_basis == "context"].date_text.isna()).all()


def test_columns_a_newer_run_writes_are_picked_up_by_name(tmp_path):
    out = tmp_path / "out"
    shutil.copytree(COMMITTED, out)

    def documents(rows, header):
        for r in rows:
            r["year_estimate"], r["warning"] = "2019", "check me"
        return ["warning", *header, "year_estimate"]  # another column order too

    def events(rows, header):
        for r in rows:
            r["date_basis"] = "published" if r["date"] else ""
        return [*header, "date_basis"]

    rewrite(out / "documents.csv", documents)
    rewrite(out / "events.csv", events)
    d = pipeline.load(out, gazetteers=ROOT / "gazetteers")
    assert (d.documents.year_estimate == 2019).all() and d.documents.year_estimate.dtype == "Int64"
    assert (d.documents.warning == "check me").all() and d.documents.paragraphs_in.dtype == "Int64"
    assert set(d.events.date_basis.dropna()) == {"published"}
    assert isinstance(d.events.date_basis.dtype, pd.CategoricalDtype)
    assert (d.events.year_estimate == 2019).all()


def test_entities_joined_with_gazetteer_fields(dump):
    ent = dump.entities.set_index("entity_id")
    monre = ent.loc["org:monre"]
    assert (monre.parent, monre.country) == ("org:government-vn", "VN")
    assert (monre.valid_from, monre.valid_to) == (pd.Timestamp("2002-08-05"), pd.Timestamp("2025-02-28"))
    assert ent.loc["gpe:jp", "country"] == "JP"
    local = ent.loc["org:new:nhom-cong-tac-chung-viet-nam-nhat-ban"]  # not in a gazetteer
    assert pd.isna(local.parent) and pd.isna(local.valid_from)
    assert ent.valid_from.dtype.kind == "M" and ent.valid_to.dtype.kind == "M"
    assert len(ent) == len(pd.read_csv(COMMITTED / "entities.csv"))


def test_changed_or_missing_gazetteers_warn(tmp_path):
    gaz = tmp_path / "gaz"
    shutil.copytree(ROOT / "gazetteers", gaz, ignore=shutil.ignore_patterns("src"))
    (gaz / "term.csv").write_text((gaz / "term.csv").read_text() + "\n")
    with pytest.warns(UserWarning, match="term.csv changed since the run"):
        pipeline.load(COMMITTED, gazetteers=gaz)
    out = tmp_path / "elsewhere" / "out"
    shutil.copytree(COMMITTED, out)
    cwd = pytest.MonkeyPatch()
    cwd.chdir(tmp_path)
    try:
        with pytest.warns(UserWarning, match="pass gazetteers=DIR"):
            d = pipeline.load(out)
    finally:
        cwd.undo()
    assert d.entities.parent.isna().all()


def test_period_bounds():
    assert period_bounds("2021") == (pd.Timestamp("2021-01-01"), pd.Timestamp("2021-12-31"))
    assert period_bounds("2024-02") == (pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29"))
    assert period_bounds("2021-11-24") == (pd.Timestamp("2021-11-24"),) * 2
    assert period_bounds("") == (None, None) and period_bounds("24/11") == (None, None)


def test_not_an_output_directory(tmp_path):
    with pytest.raises(UsageError, match="not a directory"):
        pipeline.load(tmp_path / "missing")
    with pytest.raises(UsageError, match="documents.csv: missing"):
        pipeline.load(tmp_path)


def test_datapackage_of_the_committed_outputs_validates_with_frictionless():
    import frictionless

    report = frictionless.validate(str(COMMITTED / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def _readme_examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "pipeline.load(" in b]


def test_readme_examples_run_and_print_what_they_say(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    examples = _readme_examples()
    assert len(examples) == 2 and all(len(b.strip().splitlines()) <= 5 for b in examples)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the gazetteers are found beside outputs/
        exec(examples[0], {})
    by_month = capsys.readouterr().out
    assert "2021-11" in by_month and "CONFERENCE" in by_month and "SIGNING" in by_month
    exec(examples[1], {})
    ministries = capsys.readouterr().out
    assert "org:mofa-vn" in ministries  # Bộ Ngoại giao, unchanged by the 2025 restructuring
    assert "org:monre" not in ministries  # merged into org:mae on 2025-03-01
