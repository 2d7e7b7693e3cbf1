"""The one reading of a paragraph's quotations (pipeline/events/quotes.py), on hand-built paragraphs."""

from hypothesis import given, strategies as st

from pipeline.events.quotes import in_quotation, quoted_apart, quoted_spans


def spans_text(text):
    return [text[a:b] for a, b in quoted_spans(text)]


def test_curly_marks_and_guillemets_pair_by_their_shape():
    text = "Ông nói “tôi đi” rồi «về» và ‘ở lại’."
    assert spans_text(text) == ["“tôi đi”", "«về»", "‘ở lại’"]
    assert in_quotation(text, text.index("đi”"))
    assert not in_quotation(text, text.index("rồi"))


def test_straight_marks_pair_by_the_side_they_stand_on():
    text = 'A nói "x y", B đáp: "z". C (“w”) và ["v"].'
    assert spans_text(text) == ['"x y"', '"z"', "“w”", '"v"']
    assert not in_quotation(text, text.index("B"))
    assert not in_quotation(text, text.index("C"))


def test_a_curly_quotation_inside_a_straight_one_is_a_span_inside_its_span():
    text = 'Anh kể: "Họ gọi nó là “ngôi nhà” từ lâu", rồi đi.'
    assert spans_text(text) == ['"Họ gọi nó là “ngôi nhà” từ lâu"', "“ngôi nhà”"]
    assert in_quotation(text, text.index("từ lâu"))
    assert not in_quotation(text, text.index("rồi"))


def test_a_curly_closing_mark_closes_every_curly_quotation_still_open():
    once = "Cô Tân cho hay: “Làm chủ trường, tôi nhận lỗi. Hai cô nói rõ: “Ngày 8/1 cháu khóc”. Cô Tân chia sẻ thêm."
    assert spans_text(once) == ["“Làm chủ trường, tôi nhận lỗi. Hai cô nói rõ: “Ngày 8/1 cháu khóc”", "“Ngày 8/1 cháu khóc”"]
    assert not in_quotation(once, once.rindex("Cô Tân"))


def test_a_crawl_closes_with_a_curly_mark_what_it_opened_straight_and_the_other_way():
    mixed = '"Xin khẳng định, cây xanh được bảo tồn” - ông Dục trình bày. Ông Dục cho biết.'
    assert not in_quotation(mixed, mixed.index("cho biết"))
    assert in_quotation(mixed, mixed.index("bảo tồn"))
    other = 'X nói: “Tôi đi" - rồi Y đến.'
    assert spans_text(other) == ['“Tôi đi"']


def test_a_stray_mark_inside_a_word_or_after_a_number_quotes_nothing():
    inches = 'Màn hình 6,1" và vỏ 5\'\' của "Táo" bán chạy.'
    assert spans_text(inches) == ['"Táo"']
    assert not in_quotation(inches, inches.index("và"))
    glued = 'Tôi vui", A nói. B đến.'  # the end of a quotation opened in the paragraph before
    assert quoted_spans(glued) == []


def test_apostrophes_in_foreign_names_are_no_quotation_marks():
    text = "Ông O'Brien và bà O’Neill nói ‘không’ với Tim’s."
    assert spans_text(text) == ["‘không’"]
    assert not in_quotation(text, text.index("Neill"))
    assert not in_quotation(text, text.index("với"))


def test_a_mark_never_closed_holds_the_rest_only_when_it_opens_reported_speech():
    at_start = '"Tôi đi. Anh ở lại. B đến.'
    assert spans_text(at_start) == [at_start]
    assert in_quotation(at_start, at_start.index("B"))
    after_colon = 'Kim Cương cho biết: "Anh Phúc nói đúng mà. Tôi thương con.'
    assert in_quotation(after_colon, after_colon.index("thương"))
    assert not in_quotation(after_colon, after_colon.index("cho biết"))
    curly_after_colon = "X chia sẻ: “Tối nay tôi đã về. B ở lại."
    assert in_quotation(curly_after_colon, curly_after_colon.index("B"))
    elsewhere = 'Tôi vui, A nói. B "đến. C đi.'
    assert quoted_spans(elsewhere) == []
    assert not in_quotation(elsewhere, elsewhere.index("C"))
    curly_elsewhere = "A kể về “cấp dưới. C đi."
    assert not in_quotation(curly_elsewhere, curly_elsewhere.index("C"))


def test_a_straight_quotation_nests_in_a_straight_one_and_a_slip_before_it_quotes_nothing():
    nested = '"Việc này trả một phần "món nợ" mà tỉnh đã hứa", ông Dũng nói.'
    assert spans_text(nested) == ['"Việc này trả một phần "món nợ" mà tỉnh đã hứa"', '"món nợ"']
    assert in_quotation(nested, nested.index("tỉnh"))
    assert not in_quotation(nested, nested.index("ông Dũng"))
    doubled = '"Tôi hiểu theo cách sau: "Chúng tôi sẽ vượt qua"", Ngoại trưởng Kuleba nói.'
    assert not in_quotation(doubled, doubled.index("Kuleba"))
    assert in_quotation(doubled, doubled.index("hiểu"))
    slip = 'A "lỡ tay B nói "x y" rồi.'
    assert spans_text(slip) == ['"x y"']
    assert not in_quotation(slip, slip.index("B"))


def test_quoted_apart_reads_a_word_against_its_trigger():
    text = '“Tại buổi họp báo mới đây, tôi đã nói”, ông A trả lời Dân trí mới đây.'
    spans = quoted_spans(text)
    trigger, inside, outside = text.index("trả lời"), text.index("mới đây"), text.rindex("mới đây")
    assert quoted_apart(spans, inside, trigger)
    assert not quoted_apart(spans, outside, trigger)
    said = text.index("tôi đã nói")  # a trigger inside the quotation: its own words belong with it
    assert not quoted_apart(spans, inside, said)
    assert quoted_apart(spans, outside, said)


@given(st.text(alphabet=st.sampled_from(list('ab :,.("“”«»‘’\'')), max_size=40))
def test_spans_lie_in_the_paragraph_and_nest(text):
    spans = quoted_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    # two quotations are apart or one holds the other, never half over each other
    assert all(b1 <= a2 or b2 <= a1 or (a1 <= a2 and b2 <= b1) or (a2 <= a1 and b1 <= b2)
               for a1, b1 in spans for a2, b2 in spans)


def test_a_quotation_never_closed_counts_from_held_from_only():
    # a crawl that glued a whole article into one paragraph lost where the quotation ended
    glued = "Cô Tân chia sẻ thêm: “Tôi không dám xem. Tại cuộc họp sáng 6/2, ông Chung yêu cầu báo cáo."
    meeting = glued.index("Tại cuộc họp")
    assert in_quotation(glued, glued.index("sáng 6/2"))
    assert not in_quotation(glued, glued.index("sáng 6/2"), quoted_spans(glued, meeting))
    closed = "Cô Tân nói: “Tôi không dám xem. Từ sáng 6/2 tôi lo”. Tại cuộc họp, ông Chung yêu cầu."
    assert in_quotation(closed, closed.index("sáng 6/2"), quoted_spans(closed, closed.index("Từ")))
