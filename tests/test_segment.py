from hypothesis import given, settings, strategies as st

from pipeline.model import Paragraph
from pipeline.stages.segment import Segmenter, align

from conftest import make_doc

TEXT = ("Ngày 11/1, tại trụ sở Bộ Tài nguyên và Môi trường, Nhóm Công tác chung Việt Nam – Nhật Bản đã tổ chức "
        "cuộc họp lần thứ 3. Ông Tăng Thế Cường, Cục trưởng Cục Biến đổi khí hậu (Bộ TN&MT) chủ trì.")


def segmented(text):
    doc = make_doc([])
    doc.paragraphs = [Paragraph(1, "body", text, 1)]
    return Segmenter()(doc)


def test_sentences_and_tokens_slice_back():
    doc = segmented(TEXT)
    para = doc.paragraphs[0]
    assert [s.text for s in para.sentences] == [
        TEXT[:TEXT.index("3.") + 2], TEXT[TEXT.index("Ông"):]]
    assert doc.sentences == 2
    first = para.sentences[0]
    assert "Bộ Tài nguyên và Môi trường" in [para.text[a:b] for a, b in first.tokens]
    for s in para.sentences:
        assert para.text[s.start:s.end] == s.text
        words = [para.text[a:b] for a, b in s.tokens]
        # every non-space character of the sentence is inside exactly one token
        covered = "".join(words).replace(" ", "")
        assert covered == s.text.replace(" ", "")


def test_align_handles_changed_spacing_and_skips_unknown_pieces():
    text = "Bộ  Tài nguyên và Môi trường"
    assert align(text, ["Bộ Tài nguyên", "và", "XYZ", "Môi trường"]) == [(0, 14), (15, 17), (18, 28)]


def test_sentence_splitter_dropping_text_loses_nothing():
    doc = make_doc([])
    doc.paragraphs = [Paragraph(1, "body", "Một. Hai ba. Bốn", 1)]
    seg = Segmenter(sent_tokenize=lambda t: ["Một.", "Bốn"], word_tokenize=lambda t: t.split())
    para = seg(doc).paragraphs[0]
    assert "".join(s.text for s in para.sentences).replace(" ", "") == "Một.Haiba.Bốn"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxy ÀÁẠẢÃàáạảãỳýỵỷỹ.,!?0123456789()-\"'")), min_size=1, max_size=200))
def test_any_text_segments_with_valid_spans(text):
    text = " ".join(text.split())
    if not text:
        return
    doc = segmented(text)
    for s in doc.paragraphs[0].sentences:
        assert text[s.start:s.end] == s.text and s.text
        for a, b in s.tokens:
            assert s.start <= a < b <= s.end
