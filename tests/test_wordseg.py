"""WordSegmenter gives underthesea's words exactly, with the offsets of the text they came from."""

from __future__ import annotations

import json
import unicodedata

import pytest
from underthesea import word_tokenize
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from pipeline.model import Paragraph
from pipeline.stages.segment import Segmenter
from pipeline.wordseg import WordSegmenter, dictionary_words, in_both_placements

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


# ---------------------------------------------------------------------------------------------
# The model scored in Python (pipeline/crfmodel.py) against underthesea's Rust featurizer/tagger

_TRICKY = ["BOS", "EOS", "bos", "12", "-5", "+5", "007", "2147483647", "2147483648", "-2147483648",
           "-2147483649", "99999999999999999999999", "-", "+", "1_0", "½", "١", "²", "０", "ABC", "Ab",
           "aB", "ÀB", "Đ", "đ", "İ", "ΣΑΣ", "'s", "(A", "x.y", "1,5", "Ａ", "Hà", "Nội", "ª", "º", "ˢ", "ǅ", "ǈ", "ß", "ﬁ", "ⅰ", "Ⅰ", "ᵃ"]


@pytest.fixture(scope="module")
def rust():
    """underthesea's own featurizer and tagger over the same model files."""
    from os.path import dirname, join

    import joblib
    import underthesea.pipeline.word_tokenize as wt
    from underthesea_core import CRFFeaturizer, CRFTagger

    model = join(dirname(wt.__file__), "models", "ws_crf_vlsp2013_20230727")
    tagger = CRFTagger()
    tagger.load(join(model, "models.bin"))
    featurizer = CRFFeaturizer(joblib.load(join(model, "features.bin")), joblib.load(join(model, "dictionary.bin")))
    return featurizer, tagger


def test_the_python_model_is_in_use(ws):
    # The fast path must not silently fall back to the Rust featurizer on the installed model.
    assert ws._model is not None


def test_feature_flags_are_those_of_underthesea_featurizer(ws, rust):
    from pipeline.crfmodel import _isdigit, _istitle

    featurizer, _ = rust
    feats = featurizer.process([[[t] for t in _TRICKY]])[0]
    for token, row in zip(_TRICKY, feats):
        got = dict(f.split("=", 1) for f in row if f.startswith("T[0]."))
        assert got["T[0].isdigit"] == _isdigit(token), token
        assert got["T[0].istitle"] == _istitle(token), token
        assert got["T[0].lower"] == token.lower(), token
        assert got["T[0].is_in_dict"] == ("True" if token.lower() in ws._model._dictionary else "False"), token


def test_python_model_tags_are_underthesea_tags(ws, rust):
    featurizer, tagger = rust
    sentences = [tokens for line in _lines() if (tokens := ws._tag(line)[1])]
    # Short sentences and every edge case: one, two and three tokens, literal BOS/EOS, numbers.
    sentences += [[t] for t in _TRICKY] + [_TRICKY[i:i + 2] for i in range(len(_TRICKY))] + [_TRICKY]
    labels = ["B-W", "I-W"]
    for tokens in sentences:
        want = tagger.tag(featurizer.process([[[t] for t in tokens]])[0])
        assert [labels[x] for x in ws._model.tags(tokens)] == want, tokens


def test_an_unknown_model_layout_falls_back_to_underthesea(monkeypatch, tmp_path):
    from pipeline import crfmodel

    (tmp_path / "models.bin").write_bytes(b"not a CRFsuite model")
    with pytest.raises(ValueError, match="CRFsuite"):
        crfmodel.CrfSegmenterModel.load(tmp_path, set(), list(crfmodel.TEMPLATES))
    # A featurizer with a template this scorer does not compute is another model, whatever its file.
    with pytest.raises(ValueError, match="templates"):
        crfmodel.CrfSegmenterModel.load(tmp_path, set(), [*crfmodel.TEMPLATES, "T[0,3]"])

    def broken(*args, **kwargs):
        raise ValueError("another layout")

    monkeypatch.setattr(crfmodel.CrfSegmenterModel, "load", broken)
    fallback = WordSegmenter()
    assert fallback._model is None
    text = "Bộ trưởng Ngoại giao Việt Nam tiếp Đại sứ Hoa Kỳ tại Hà Nội."
    assert fallback.words(text) == word_tokenize(text)


def test_the_dictionary_tells_a_word_from_two_words_the_segmenter_joined():
    words = dictionary_words()
    assert len(words) > 50_000
    assert "trung ương" in words and "nhiệt đới" in words
    assert "tâm góp" not in words


def test_lookups_find_each_word_in_both_tone_placements_the_model_only_its_own():
    # underthesea writes "uỷ ban", normalised text "ủy ban": a lookup of the text's word must find it ...
    words = in_both_placements(dictionary_words())
    assert "uỷ ban" in words and "ủy ban" in words
    assert "thuỷ sản" in words and "thủy sản" in words
    assert "hoặc" in words and "họăc" not in words
    # ... but the segmentation model keeps the dictionary it was trained with: fed the wider one it joins
    # "minh họa" where word_tokenize does not, so the pipeline hands it dictionary_words() as read
    raw = dictionary_words()
    assert "ủy ban" not in raw and "uỷ ban" in raw


def test_a_pipeline_reads_the_dictionary_once_for_every_stage_that_asks(monkeypatch, config, test_gazetteer):
    """Clean's unglue, the segmenter's model and the tagger share one set, read once per process
    (a worker process inherits it, built before the fork)."""
    from pipeline import wordseg
    from pipeline.runner import Pipeline

    reads = []
    load = wordseg._load_pickled

    def counted(path):
        if path.endswith("dictionary.bin"):
            reads.append(path)
        return load(path)

    monkeypatch.setattr(wordseg, "_load_pickled", counted)
    pipeline = Pipeline(config, test_gazetteer)
    assert len(reads) == 1
    cleaner, segmenter, tagger = pipeline.prepare_stages[0], pipeline.segment_stages[0], pipeline.analyse_stages[0]
    assert tagger.lexicon is segmenter.words._model._dictionary
    # unglue looks the text's words up in both tone placements, with the tagger's own set
    assert cleaner.rules.unglue.dictionary is tagger.known_words
    assert "trung ương" in tagger.lexicon
    # the tagger looks the text's words up in both tone placements; the model keeps the words it was trained with
    assert "ủy ban" in tagger.known_words and "ủy ban" not in segmenter.words._model._dictionary


def test_a_segmenter_given_the_dictionary_segments_as_one_that_reads_it(ws):
    from pipeline.stages.segment import Segmenter

    given = Segmenter(dictionary=dictionary_words())
    text = "Bộ trưởng Ngoại giao Việt Nam tiếp Đại sứ Hoa Kỳ tại Hà Nội, Tâm góp ý về trung ương."
    assert given.words.spans(text) == ws.spans(text)
