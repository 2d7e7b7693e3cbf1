"""WordSegmenter gives underthesea's words exactly, with the offsets of the text they came from."""

from __future__ import annotations

import json
import unicodedata

import pytest
from underthesea import word_tokenize
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from pipeline.model import Paragraph
from pipeline.stages.segment import Segmenter
from pipeline.wordseg import WordSegmenter

from conftest import ROOT, find_bench, make_doc


@pytest.fixture(scope="module")
def ws():
    return WordSegmenter()


def _lines() -> list[str]:
    """The corpus's lines, and the first 40 articles of each bench corpus when the bench is here."""
    lines = [line for p in sorted((ROOT / "corpus").rglob("*.txt"))
             for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    bench = find_bench()
    if bench is not None:
        with (bench / "baomoi-2017.jsonl").open(encoding="utf-8") as fh:
            for n, row in zip(range(40), fh):
                lines += json.loads(row)["text"].splitlines()
        for p in sorted((bench / "dantri-2020-2021").glob("*.txt"))[:40]:
            lines += p.read_text(encoding="utf-8").splitlines()
    return [unicodedata.normalize("NFC", x) for x in lines if x.strip()]


def test_words_are_word_tokenize_exactly(ws):
    lines = _lines()
    assert len(lines) > 200
    for line in lines:
        assert ws.words(line) == word_tokenize(line), line


def test_spans_are_the_words_at_their_offsets(ws):
    for line in _lines():
        spans = ws.spans(line)
        words = word_tokenize(line)
        assert len(spans) == len(words), line
        for (a, b), word in zip(spans, words):
            # underthesea joins a word's tokens with one space ("FSC®" -> "FSC ®") and normalises
            # short tokens ("Hoà" -> "Hòa"); the span is the text's own characters, which its
            # tokenizer turns into that word.
            assert "".join(tokenize(line[a:b])) == word.replace(" ", ""), (line[a:b], word)
        assert all(a < b for a, b in spans) and spans == sorted(spans)


def test_a_word_underthesea_renormalises_keeps_its_place(ws):
    # "Hoà Phát" comes back from word_tokenize as "Hòa Phát": searched for in the text, it was
    # not found and the word was dropped from the sentence's tokens.
    text = "Tập đoàn Hoà Phát đã ký thoả thuận với đối tác."
    assert "Hòa Phát" in word_tokenize(text)
    got = [text[a:b] for a, b in ws.spans(text)]
    assert "Hoà Phát" in got and "thoả thuận" in got
    assert [text[a:b] for a, b in ws.spans(text, 0)] == got
    assert ws.spans(text[9:], 9)[0] == (9, 17)  # shifted offsets


def test_text_not_in_nfc_falls_back_to_aligned_strings(ws):
    text = unicodedata.normalize("NFD", "Hà Nội mùa thu")
    assert ws.spans(text) is None
    doc = make_doc([])
    doc.paragraphs = [Paragraph(1, "body", text, 1)]
    para = Segmenter()(doc).paragraphs[0]
    assert para.sentences and all(para.text[a:b].strip() for s in para.sentences for a, b in s.tokens)


def test_empty_and_punctuation_only(ws):
    assert ws.spans("") == [] and ws.words("") == []
    assert ws.spans("...") == [(0, 3)]
