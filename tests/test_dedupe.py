from dataclasses import replace

from pipeline.model import Paragraph
from pipeline.stages.dedupe import DocumentDeduper, ParagraphDeduper

from conftest import make_doc

A = "Theo Cục Biến đổi khí hậu, quan điểm đàm phán của Việt Nam tại COP 23 vẫn sẽ bám sát chủ trương."
B = "Tại cuộc họp, hai bên nhất trí về các biện pháp tăng cường hợp tác song phương trong nhiều lĩnh vực."
C = "Hai nước cũng nhất trí đẩy nhanh thảo luận về các quy định chi tiết để thực hiện các dự án."


def doc_with(texts, title=None, doc_id="d1"):
    doc = make_doc([], doc_id=doc_id)
    paras = []
    if title:
        paras.append(Paragraph(0, "title", title, 1))
    for i, t in enumerate(texts):
        paras.append(Paragraph(len(paras) + (0 if title else 1), "body", t, i + 1 + bool(title)))
    doc.paragraphs = paras
    return doc


def test_exact_repeats_and_repeated_blocks_keep_first_occurrence(config):
    doc = ParagraphDeduper(config.dedupe)(doc_with([A, B, C, B, C, A.upper()]))
    assert [p.text for p in doc.paragraphs] == [A, B, C]
    assert [p.index for p in doc.paragraphs] == [1, 2, 3]
    assert [(r.paragraph, r.reason, r.kept_paragraph) for r in doc.removed] == [
        (4, "duplicate", 2), (5, "duplicate", 3), (6, "duplicate", 1)]
    assert doc.duplicates_removed == 3 and doc.paragraphs_out == 3


def test_near_duplicates_small_edits_and_truncated_copies(config):
    edited = A.replace(",", ";").replace("vẫn sẽ", "sẽ vẫn")
    truncated = B[:60]
    doc = ParagraphDeduper(config.dedupe)(doc_with([A, B, edited, truncated]))
    assert [p.text for p in doc.paragraphs] == [A, B]
    reasons = [(r.reason, r.kept_paragraph) for r in doc.removed]
    assert reasons == [("near_duplicate", 1), ("near_duplicate", 2)]
    assert all(r.similarity >= config.dedupe.contained_ratio - 10 for r in doc.removed)


def test_different_paragraphs_and_short_repeats_survive(config):
    short = "Quang cảnh cuộc họp"
    doc = ParagraphDeduper(config.dedupe)(doc_with([A, short, B, "Quang cảnh hội nghị", C]))
    assert len(doc.paragraphs) == 5 and doc.removed == []


def test_formulaic_paragraphs_that_differ_in_a_number_or_a_name_are_each_kept(config):
    """One case report a patient: 97 % alike, each news of its own (news_health_024 lost three)."""
    case = ("- CA BỆNH {n} (BN{n}) cách ly ngay sau khi nhập cảnh tại Hà Tĩnh: Bệnh nhân nữ, {age} tuổi, là công dân "
            "Việt Nam có địa chỉ tại thành phố {city}, tỉnh {city}.")
    texts = [case.format(n=2932, age=30, city="Thanh Hóa"), case.format(n=2933, age=31, city="Thanh Hóa"),
             case.format(n=2932, age=30, city="Vinh Hóa")]
    doc = ParagraphDeduper(config.dedupe)(doc_with(texts))
    assert [p.text for p in doc.paragraphs] == texts and doc.removed == []
    # The same report again, re-punctuated or cut after a name, is still a copy.
    again = ParagraphDeduper(config.dedupe)(doc_with([texts[0], texts[0].replace(":", ";"), texts[0][:110]]))
    assert [(r.reason, r.kept_paragraph) for r in again.removed] == [("near_duplicate", 1)] * 2


def test_a_longer_later_version_is_not_dropped(config):
    doc = ParagraphDeduper(config.dedupe)(doc_with([B[:60], B]))
    assert len(doc.paragraphs) == 2


def test_headline_stays_zero(config):
    doc = ParagraphDeduper(config.dedupe)(doc_with([A, A, B], title="Tiêu đề"))
    assert [p.index for p in doc.paragraphs] == [0, 1, 2]


def test_document_copies_found_by_minhash(config):
    pd = ParagraphDeduper(config.dedupe)
    body = [A, B, C, "Đặc biệt, cả hai bên nhất trí rằng một dự án giảm phát thải quốc tế sẽ góp phần to lớn."]
    first = pd(doc_with(body, doc_id="a"))
    exact = pd(doc_with(body, doc_id="b"))
    edited = pd(doc_with(body[:3] + [body[3].replace("to lớn", "rất lớn")], doc_id="c"))
    other = pd(doc_with(["Một bài khác hẳn về bóng đá và thời tiết hôm nay ở Hà Nội, trời mưa to suốt ngày."], doc_id="d"))
    dd = DocumentDeduper(config.dedupe)
    out = [dd(d) for d in (first, exact, edited, other)]
    assert [(d.status, d.duplicate_of) for d in out] == [("ok", ""), ("duplicate", "a"), ("duplicate", "a"), ("ok", "")]


def test_document_deduper_ignores_error_and_empty(config):
    pd = ParagraphDeduper(config.dedupe)
    a = pd(doc_with([A], doc_id="a"))
    b = replace(pd(doc_with([A], doc_id="b")), status="empty")
    dd = DocumentDeduper(config.dedupe)
    assert dd(a).status == "ok" and dd(b).status == "empty"


def test_facts_are_numbers_and_names_inside_sentences():
    # ``facts`` tests a word's characters for digits only when the word is not all letters: exact,
    # since no character is both a letter and a digit.
    from pipeline.stages.dedupe import facts

    assert not any(chr(c).isalpha() and chr(c).isdigit() for c in range(0x110000))
    assert facts("Giá tăng 2.000 đồng ở Hà Nội. Đây là mức ²cao, số X5") == frozenset(
        {"2.000", "hà", "nội", "²cao", "x5"})
