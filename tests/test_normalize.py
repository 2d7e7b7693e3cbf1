import unicodedata
from pathlib import Path

from hypothesis import example, given, strategies as st

from pipeline.normalize import fold, normalize_text


def test_new_tone_placement_becomes_traditional():
    assert normalize_text("Thoả thuận") == "Thỏa thuận"
    assert normalize_text("thuỷ điện hoà bình khoẻ") == "thủy điện hòa bình khỏe"
    assert normalize_text("HOÀ") == "HÒA"


def test_the_new_placement_of_the_word_dictionary_reads_as_the_traditional_one():
    # underthesea's word dictionary writes the new placement, where the tagger looks words of the text up
    # (issue-14R20; wordseg.in_both_placements holds both): each of its forms normalises to the text's
    for new, traditional in [("uỷ ban", "ủy ban"), ("thuỷ lợi", "thủy lợi"), ("hoà bình", "hòa bình"),
                             ("khoẻ", "khỏe"), ("Thuỷ", "Thủy"), ("toà án", "tòa án")]:
        assert new != traditional and normalize_text(new) == traditional
    for word in ["của", "múa", "quả", "hoặc", "quỷ", "hoàng", "ông"]:
        assert normalize_text(word) == word


def test_closed_syllables_and_qu_are_left_alone():
    for word in ("hoàn thành", "thuyết", "quý", "Quỳnh", "quả", "khuya", "thuế"):
        assert normalize_text(word) == word


def test_decomposed_input_is_composed():
    nfd = unicodedata.normalize("NFD", "Việt Nam")
    assert nfd != "Việt Nam"
    assert normalize_text(nfd) == "Việt Nam"


def test_entities_invisible_characters_and_spaces():
    assert normalize_text("(TN&;MT)") == "(TN&MT)"
    assert normalize_text("&amp;amp;") == "&"  # escaped twice by its CMS: what it meant
    assert normalize_text("a&\x1f;b&\x1f;;") == "a&b&"
    assert normalize_text("A &amp; B &quot;c&quot;") == 'A & B "c"'
    assert normalize_text("a\u00a0b\u200bc  \t d\u202fe") == "a bc d e"
    assert normalize_text("Ðà Nẵng") == "Đà Nẵng"
    assert normalize_text("  x  ") == "x"


def test_fold_ignores_case_tone_placement_and_spacing():
    assert fold("Thoả  Thuận PARIS") == fold("thỏa thuận paris")
    assert fold("Liên Hợp Quốc") == "liên hợp quốc"


@given(st.text())
@example("&amp;amp;")  # an entity escaped twice: decoded to a fixed point, "&"
@example("a&\x1f;b&\x1f;;")  # a mangled entity that a control character hid from the first decoding
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


def test_breve_and_circumflex_syllables_keep_their_letters():
    # NFD puts the dot below before the breve: "hoặc" once became "họăc".
    for word in ("hoặc", "ngoặc", "Hoặc", "HOẶC", "khoặm", "xoẳn", "hoằng", "toẹt", "luyện", "khuỷu"):
        assert normalize_text(word) == word


def test_bidi_and_format_characters_are_removed():
    assert normalize_text("Nguyễn\u202e Xuân Phúc") == "Nguyễn Xuân Phúc"
    assert normalize_text("\u2066Hà Nội\u2069") == "Hà Nội"
    assert normalize_text("a\u200e\u200fb\u061c") == "ab"
    assert normalize_text("x\u2028y") == "x y"


def test_no_format_character_is_printable():
    # _normalize_once skips the removal of format characters on a printable text: exact only if
    # none of them is printable, the soft hyphen and the BOM included.
    from pipeline import normalize

    assert len(normalize._INVISIBLE) > 100
    assert not any(chr(c).isprintable() for c in normalize._INVISIBLE)
    assert normalize_text("a\u00adb\ufeffc") == "abc"


def test_eth_is_read_as_d_only_where_vietnamese_writes_d():
    assert normalize_text("ÐBSCL") == "ĐBSCL"
    assert normalize_text("Sigurður") == "Sigurður"


GOLDEN = Path(__file__).resolve().parent / "golden" / "normalize_changes.tsv"


def test_golden_file_lists_every_removed_format_character():
    listed = {line.split("\t")[1] for line in GOLDEN.read_text(encoding="utf-8").splitlines()
              if line.startswith("removed\t")}
    for cp in ("U+202E", "U+2066", "U+200B", "U+FEFF", "U+00AD"):
        assert cp in listed
        assert normalize_text(f"a{chr(int(cp[2:], 16))}b") == "ab"


def test_normaliser_changes_no_letter_of_the_bench_and_only_the_listed_syllables(bench_root):
    """Every distinct syllable of both bench corpora: same letters once tones are stripped, and the
    syllables that change are exactly the committed golden file (review it when it changes:
    `python scripts/audit.py --write-golden`)."""
    from pipeline.audit import bench_articles, format_changes, normalizer_changes

    changed, broken = normalizer_changes(text for _, text in bench_articles(bench_root))
    assert broken == []
    assert "hoặc" not in changed and "hòa" not in changed
    assert changed.get("hoà") == "hòa"
    assert format_changes(changed) == GOLDEN.read_text(encoding="utf-8")


def test_boilerplate_audit_on_a_bench_sample(bench_root):
    """`make audit`'s sample (500 articles, seed 11): at most one surviving furniture sentence per
    100 articles and no removed line that reads like content."""
    from pipeline.audit import boilerplate_audit, sample_articles

    report = boilerplate_audit(sample_articles(bench_root, 500, seed=11))
    assert report["articles"] == 500
    assert report["surviving_per_100"] <= 1.0, report["surviving"]
    assert report["content_removed"] == []


def test_unmarked_drops_tone_and_vowel_marks_and_the_stroke_of_d():
    from pipeline.normalize import unmarked
    assert unmarked("Cường") == "Cuong" and unmarked("Đức") == "Duc" and unmarked("đạt") == "dat"
    assert unmarked("Theresa") == "Theresa"


def test_has_tone_tells_a_toned_word_from_an_initial():
    # "Á." ends "Đông Nam Á." (a word); "H.", "Đ.", "Ô." are initials: vowel marks and the stroke are no tone
    from pipeline.normalize import has_tone
    assert [has_tone(w) for w in ("Á", "Ý", "ặ", "H", "Đ", "Ô", "Ư", "")] == [True, True, True, False, False, False, False, False]


def test_strip_tones_keeps_vowel_marks_and_d_and_tone_count_counts_marks():
    # One definition serves the audit's "retoned" check and the unglue stage's syllable shapes.
    from pipeline.normalize import strip_tones, tone_count
    assert strip_tones("Nguyễn Đức Thắng hoặc") == "Nguyên Đưc Thăng hoăc"
    assert strip_tones("hóa") == strip_tones("hoá") == "hoa"
    assert [tone_count(w) for w in ("Nguyễn", "Nguyên", "ăá", "")] == [1, 0, 1, 0]
    assert strip_tones("Ðà") != strip_tones("Đà")  # the eth lookalike is the audit's business, not this one
