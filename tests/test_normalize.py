import unicodedata

from hypothesis import given, strategies as st

from pipeline.normalize import fold, normalize_text


def test_new_tone_placement_becomes_traditional():
    assert normalize_text("Thoả thuận") == "Thỏa thuận"
    assert normalize_text("thuỷ điện hoà bình khoẻ") == "thủy điện hòa bình khỏe"
    assert normalize_text("HOÀ") == "HÒA"


def test_closed_syllables_and_qu_are_left_alone():
    for word in ("hoàn thành", "thuyết", "quý", "Quỳnh", "quả", "khuya", "thuế"):
        assert normalize_text(word) == word


def test_decomposed_input_is_composed():
    nfd = unicodedata.normalize("NFD", "Việt Nam")
    assert nfd != "Việt Nam"
    assert normalize_text(nfd) == "Việt Nam"


def test_entities_invisible_characters_and_spaces():
    assert normalize_text("(TN&;MT)") == "(TN&MT)"
    assert normalize_text("A &amp; B &quot;c&quot;") == 'A & B "c"'
    assert normalize_text("a\u00a0b\u200bc  \t d\u202fe") == "a bc d e"
    assert normalize_text("Ðà Nẵng") == "Đà Nẵng"
    assert normalize_text("  x  ") == "x"


def test_fold_ignores_case_tone_placement_and_spacing():
    assert fold("Thoả  Thuận PARIS") == fold("thỏa thuận paris")
    assert fold("Liên Hợp Quốc") == "liên hợp quốc"


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
