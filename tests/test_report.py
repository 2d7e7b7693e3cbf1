"""`vnews report`: the HTML review page, checked without a browser (tests/test_browser.py opens it)."""

from __future__ import annotations

import csv
import html
import re
import shutil
import time

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.review.report import ENTITY_COLORS, render_spans, write_report

from conftest import ROOT
from synth import replicate
from test_diff import rewrite

COMMITTED = ROOT / "outputs"


def test_render_spans_nests_and_cuts_crossing_spans():
    text = "Cục Môi trường toàn cầu (Bộ Môi trường Nhật Bản) họp"
    a_end, b_start, b_end = text.index(")") + 1, text.index("Bộ"), text.index(")")
    c_start = text.index("Nhật")
    spans = [(0, a_end, "<a>", "</a>"), (b_start, b_end, "<b>", "</b>"), (c_start, len(text), "<c>", "</c>")]
    out = render_spans(text, spans)
    # b nests in a; c crosses b's end and is cut there; every span opens and closes once
    assert out == ("<a>Cục Môi trường toàn cầu (<b>Bộ Môi trường <c>Nhật Bản</c></b>)</a> họp")
    assert render_spans("a < b", [(0, 1, "<m>", "</m>")]) == "<m>a</m> &lt; b"
    assert render_spans("abc", []) == "abc"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    target = tmp_path_factory.mktemp("report") / "seeds.html"
    stats = write_report(COMMITTED, target)
    return target.read_text(encoding="utf-8"), stats


def test_page_is_self_contained(page):
    text, _ = page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text and "<link rel=\"stylesheet\"" not in text
    assert "<svg" in text and 'id="timeline"' in text and 'id="top-entities"' in text


def test_every_mention_is_one_highlight_in_its_document(page):
    text, stats = page
    mentions = pd.read_csv(COMMITTED / "mentions.csv", keep_default_na=False)
    assert stats.mentions == len(mentions) and stats.documents == 5
    for doc_id, group in mentions.groupby("doc_id"):
        body = re.search(rf'<script type="text/html" id="doc-{doc_id}">(.*?)</script>', text, re.S).group(1)
        ids = re.findall(r'<mark class="entity [^"]*" data-mention="([^"]+)"', body)
        assert sorted(html.unescape(i) for i in ids) == sorted(group.mention_id)
    for t in ENTITY_COLORS:  # the legend names every type
        assert f'<mark class="key ent-{t}"' in text


def test_removed_lines_are_struck_through_with_their_reason(page):
    text, _ = page
    removed = pd.read_csv(COMMITTED / "removed.csv", keep_default_na=False)
    assert text.count('<p class="removed"') == len(removed)
    row = removed[removed.rule == "related-title"].iloc[0]
    assert f'<del>{html.escape(row.text)}</del> <span class="reason">boilerplate · rule related-title</span>' in text


def test_events_are_cards_with_their_fields(page):
    text, stats = page
    events = pd.read_csv(COMMITTED / "events.csv", keep_default_na=False)
    assert text.count('<div class="card ev-') == len(events) == stats.events
    cop = events[events.instrument == "COP23"].iloc[0]
    card = re.search(rf'<div class="card ev-CONFERENCE[^"]*" id="ev-{cop.event_id}".*?</div>', text, re.S).group(0)
    assert "2017-11-06 … 2017-11-17 (day)" in card and "COP23" in card and cop.cluster_id in card
    assert f'<b class="trigger">{cop.trigger}</b>' in card  # the trigger, highlighted in its evidence


def test_against_an_old_run_marks_added_changed_and_removed(tmp_path):
    old = tmp_path / "old"
    shutil.copytree(COMMITTED, old)
    mentions = pd.read_csv(COMMITTED / "mentions.csv", keep_default_na=False)
    first, second = mentions.iloc[0], mentions.iloc[1]

    def edit(rows, header):
        rows.pop(1)  # absent from the old run: added in the new one
        rows[0]["entity_id"] = "org:old-id"  # resolved differently in the old run
        rows.append({**rows[0], "mention_id": "000_075b4f3a027d94d0:9:0-4", "paragraph": "9", "start": "0",
                     "end": "4", "text": "Gone", "entity_id": "org:gone"})  # removed since

    rewrite(old / "mentions.csv", edit)
    stats = write_report(COMMITTED, tmp_path / "r.html", against=old)
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert stats.changes == 3 and '<section id="changes">' in text
    assert re.search(rf'<mark class="entity ent-\w+ chg chg-changed" data-mention="{first.mention_id}"', text)
    assert re.search(rf'<mark class="entity ent-\w+ chg chg-added" data-mention="{second.mention_id}"', text)
    assert f"entity_id: org:old-id → {first.entity_id}" in html.unescape(text)
    assert "Removed since the old run (1)" in text and "«Gone»" in text


def test_document_without_text_and_error_status(tmp_path):
    out = tmp_path / "out"
    shutil.copytree(COMMITTED, out)

    def add(rows, header):
        rows.append({**{h: "" for h in header}, "doc_id": "zz_broken", "status": "error",
                     "error": "binary data: not an article", "paragraphs_in": "0", "paragraphs_out": "0",
                     "duplicates_removed": "0", "boilerplate_removed": "0", "sentences": "0"})

    rewrite(out / "documents.csv", add)
    stats = write_report(out, tmp_path / "r.html")
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert stats.documents == 6 and "binary data: not an article" in text and "<em>no text</em>" in text


def test_cli_report_default_path_and_bad_arguments(tmp_path):
    out = tmp_path / "run"
    shutil.copytree(COMMITTED, out)
    r = CliRunner().invoke(app, ["report", str(out)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "run-report.html").exists() and not (out / "report.html").exists()
    assert CliRunner().invoke(app, ["report", str(tmp_path / "missing")]).exit_code == 2
    assert CliRunner().invoke(app, ["report", str(tmp_path)]).exit_code == 2
    r = CliRunner().invoke(app, ["report", str(out), "--against", str(COMMITTED), "--html", str(tmp_path / "a.html")])
    assert r.exit_code == 0 and "no record changed" in (tmp_path / "a.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_five_thousand_documents(tmp_path):
    """Scale: 5 000 documents (the seeds copied 1 000 times). Run with `pytest -m slow`; the figures
    are in the README."""
    out = replicate(COMMITTED, tmp_path / "out", 1000)
    started = time.perf_counter()
    stats = write_report(out, tmp_path / "big.html")
    seconds = time.perf_counter() - started
    with (COMMITTED / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        mentions = sum(1 for _ in csv.reader(fh)) - 1
    assert stats.documents == 5000 and stats.mentions == 1000 * mentions
    print(f"\nreport of 5000 documents: {seconds:.1f} s, {stats.bytes / 1e6:.1f} MB")
    assert seconds < 120
    import browser

    if not browser.available():
        return
    with browser.chromium() as driver:
        started = time.perf_counter()
        driver.get((tmp_path / "big.html").as_uri())
        loaded = time.perf_counter() - started
        assert len(driver.find_elements("css selector", "#doc-table tbody tr")) == 50
        started = time.perf_counter()
        driver.find_element("css selector", '.chip[data-group="etype"][data-value="FUNDING"]').click()
        filtered = time.perf_counter() - started
        started = time.perf_counter()
        driver.execute_script("location.hash = 'doc=002_80fa98daa23ce963-0999'")
        marks = driver.find_elements("css selector", "#doc-view mark.entity")
        opened = time.perf_counter() - started
        # 82 since round 11 dropped the false "Chương trình Hợp giữa các" (programme heads name no agreement)
        assert len(marks) == 82 and browser.console_errors(driver) == []
        print(f"chromium: load {loaded:.1f} s, filter {filtered:.2f} s, open a document {opened:.2f} s")
