"""The review page in a real browser: headless Chromium from the system package manager (`make
browser`), driven by selenium. Skipped when Chromium is not installed; CI installs it."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from pipeline.review.report import write_report

import browser
from conftest import ROOT
from synth import replicate
from test_diff import rewrite

pytestmark = pytest.mark.skipif(not browser.available(), reason="no /usr/bin/chromium: run `make browser`")

COMMITTED = ROOT / "outputs"


@pytest.fixture(scope="module")
def driver():
    with browser.chromium() as d:
        yield d


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    page = tmp_path_factory.mktemp("report") / "seeds.html"
    write_report(COMMITTED, page)
    return page.as_uri()


def rows(driver, table: str) -> int:
    return len(driver.find_elements("css selector", f"#{table} tbody tr"))


def click(driver, group: str, value: str) -> None:
    driver.find_element("css selector", f'.chip[data-group="{group}"][data-value="{value}"]').click()


def open_doc(driver, doc_id: str) -> None:
    driver.execute_script("location.hash = arguments[0]", f"doc={doc_id}")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if driver.find_elements("css selector", f'#doc-view article[data-doc="{doc_id}"]'):
            return
        time.sleep(0.05)
    raise AssertionError(f"document {doc_id} did not open")


def test_page_loads_without_console_errors_and_highlights_every_mention(driver, seeds_page):
    driver.get(seeds_page)
    assert browser.console_errors(driver) == []
    assert driver.find_element("id", "timeline").is_displayed()
    assert driver.find_element("id", "top-entities").is_displayed()
    mentions = pd.read_csv(COMMITTED / "mentions.csv", keep_default_na=False)
    docs = pd.read_csv(COMMITTED / "documents.csv", keep_default_na=False)
    assert rows(driver, "doc-table") == len(docs)
    for doc_id in docs.doc_id:
        open_doc(driver, doc_id)
        marks = driver.find_elements("css selector", "#doc-view mark.entity")
        expected = mentions[mentions.doc_id == doc_id]
        assert len(marks) == len(expected) > 0, doc_id
        assert sorted(m.get_attribute("data-mention") for m in marks) == sorted(expected.mention_id)
        assert not driver.find_element("id", "index-page").is_displayed()
        table = driver.find_elements("css selector", "#doc-view .mentions tbody tr")
        assert len(table) == len(expected)  # the mention table, built from the marks
        first = expected.sort_values(["paragraph", "start", "end"], ascending=[True, True, False]).iloc[0]
        tip = driver.find_element("css selector", f'#doc-view mark[data-mention="{first.mention_id}"]').get_attribute("title")
        assert tip.startswith(f"{first.entity_id} · {first.canonical} · {first.method} ")
    assert browser.console_errors(driver) == []
    driver.execute_script("location.hash = ''")
    time.sleep(0.2)
    assert driver.find_element("id", "index-page").is_displayed()


def test_document_shows_removed_lines_and_event_cards(driver, seeds_page):
    driver.get(seeds_page)
    doc = "001_ad603959266d5191"
    open_doc(driver, doc)
    removed = pd.read_csv(COMMITTED / "removed.csv", keep_default_na=False)
    events = pd.read_csv(COMMITTED / "events.csv", keep_default_na=False)
    struck = driver.find_elements("css selector", "#doc-view .removed del")
    assert len(struck) == int((removed.doc_id == doc).sum()) > 0
    cards = driver.find_elements("css selector", "#doc-view .card")
    assert len(cards) == int((events.doc_id == doc).sum()) > 0
    assert driver.find_elements("css selector", "#doc-view .text .evidence")
    assert browser.console_errors(driver) == []


def test_filters_show_the_rows_they_should(driver, seeds_page):
    driver.get(seeds_page)
    events = pd.read_csv(COMMITTED / "events.csv", keep_default_na=False)
    participants = pd.read_csv(COMMITTED / "event_participants.csv", keep_default_na=False)
    mentions = pd.read_csv(COMMITTED / "mentions.csv", keep_default_na=False)
    assert rows(driver, "ev-table") == len(events)
    click(driver, "etype", "CONFERENCE")
    conf = events[events.type == "CONFERENCE"]
    assert rows(driver, "ev-table") == len(conf) < len(events)
    assert rows(driver, "doc-table") == conf.doc_id.nunique()
    click(driver, "estatus", "planned")  # filters combine
    assert rows(driver, "ev-table") == int((conf.status == "planned").sum()) > 0
    click(driver, "estatus", "planned")  # a second click clears
    click(driver, "etype", "CONFERENCE")
    assert rows(driver, "ev-table") == len(events)
    click(driver, "mtype", "PERSON")
    with_person = participants[participants.type == "PERSON"].event_id.nunique()
    assert rows(driver, "ev-table") == with_person
    assert rows(driver, "doc-table") == mentions[mentions.type == "PERSON"].doc_id.nunique()
    click(driver, "mtype", "PERSON")
    click(driver, "status", "ok")
    assert rows(driver, "doc-table") == 5
    search = driver.find_element("id", "search")
    search.send_keys("004_ad2d")
    assert rows(driver, "doc-table") == 1
    assert rows(driver, "ev-table") == int((events.doc_id == "004_ad2d339a89ace893").sum())
    assert browser.console_errors(driver) == []


def test_paging_on_a_larger_dump(driver, tmp_path):
    out = replicate(COMMITTED, tmp_path / "out", 30)  # 150 documents
    page = tmp_path / "big.html"
    write_report(out, page)
    driver.get(page.as_uri())
    assert rows(driver, "doc-table") == 50
    pager = driver.find_element("id", "doc-pager")
    assert "page 1 of 3" in pager.text
    pager.find_element("css selector", 'button[data-step="1"]').click()
    pager.find_element("css selector", 'button[data-step="1"]').click()
    assert rows(driver, "doc-table") == 50 and "page 3 of 3" in driver.find_element("id", "doc-pager").text
    click(driver, "etype", "FUNDING")  # 1 per seed copy: 30 rows, one page
    assert rows(driver, "doc-table") == 30 and driver.find_element("id", "doc-pager").text == ""
    assert browser.console_errors(driver) == []


def test_changes_against_an_old_run_are_marked(driver, tmp_path):
    import shutil

    old = tmp_path / "old"
    shutil.copytree(COMMITTED, old)

    def reresolve(rows_, header):
        for r in rows_:
            if r["entity_id"] == "org:monre":
                r["entity_id"] = "org:mae"

    rewrite(old / "mentions.csv", reresolve)
    page = tmp_path / "against.html"
    write_report(COMMITTED, page, against=old)
    driver.get(page.as_uri())
    assert driver.find_element("id", "changes").is_displayed()
    mentions = pd.read_csv(COMMITTED / "mentions.csv", keep_default_na=False)
    monre = mentions[mentions.entity_id == "org:monre"]
    click(driver, "changed", "changed")
    assert rows(driver, "doc-table") == monre.doc_id.nunique()
    doc = monre.doc_id.iloc[0]
    open_doc(driver, doc)
    marked = driver.find_elements("css selector", "#doc-view .text mark.chg-changed")
    assert len(marked) == int((monre.doc_id == doc).sum())
    assert "org:mae → org:monre" in marked[0].get_attribute("title")
    assert browser.console_errors(driver) == []
