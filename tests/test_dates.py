"""Tests of pipeline.dates: date expressions of Vietnamese news and metadata dates."""

from __future__ import annotations

import datetime

import pytest

from pipeline.dates import DateMention, find_dates, parse_iso_date
from conftest import ROOT

D = datetime.date
# A Wednesday: its week runs Monday 22 to Sunday 28 November 2021.
REF = D(2021, 11, 24)


def only(text: str, ref: datetime.date | None) -> DateMention:
    """The single mention of text, after checking its span is honest."""
    found = find_dates(text, ref)
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.start:mention.end] == mention.text
    return mention


# (text, reference, span text, date, date_end, precision, relative)
FORMS = [
    ("day-month", "Theo phóng viên, ngày 24/11, Việt Nam và Nhật Bản", REF,
     "ngày 24/11", "2021-11-24", "", "day", True),
    ("full-slash", "Cập nhật 24/11/2021 15:52", D(2023, 1, 1),
     "24/11/2021", "2021-11-24", "", "day", False),
    ("full-dash", "Hà Nội, 24-11-2021", D(2023, 1, 1),
     "24-11-2021", "2021-11-24", "", "day", False),
    ("full-dot", "Seoul 24.11.2021 (Yonhap)", D(2023, 1, 1),
     "24.11.2021", "2021-11-24", "", "day", False),
    ("korean-dot", "Bộ Ngoại giao cho biết ngày 24.11 hai bên đã họp", REF,
     "ngày 24.11", "2021-11-24", "", "day", True),
    ("morning", "Sáng 11/1, tại trụ sở Bộ", D(2022, 1, 12),
     "Sáng 11/1", "2022-01-11", "", "day", True),
    ("afternoon", "chiều 2/3 tại Hà Nội", D(2021, 3, 5),
     "chiều 2/3", "2021-03-02", "", "day", True),
    ("last-night", "Tối qua, hai bên ký kết", REF,
     "Tối qua", "2021-11-23", "", "day", True),
    ("this-noon", "trưa nay ông đã phát biểu", REF,
     "trưa nay", "2021-11-24", "", "day", True),
    ("night", "đêm 5/6 xảy ra động đất", D(2021, 6, 7),
     "đêm 5/6", "2021-06-05", "", "day", True),
    ("range-words", "trong các ngày 23 đến 24 tháng 8 năm 2023, tại Viên Chăn", REF,
     "ngày 23 đến 24 tháng 8 năm 2023", "2023-08-23", "2023-08-24", "day", False),
    ("range-dash-words", "được tổ chức vào ngày 2-3 tháng 8 năm 2023 tại Bogor", REF,
     "ngày 2-3 tháng 8 năm 2023", "2023-08-02", "2023-08-03", "day", False),
    ("range-from", "diễn ra từ 23 - 24/8 tại Jakarta", D(2023, 8, 20),
     "23 - 24/8", "2023-08-23", "2023-08-24", "day", True),
    ("range-slash", "đã thăm Tây Ban Nha từ ngày 23-25/5", D(2017, 5, 26),
     "ngày 23-25/5", "2017-05-23", "2017-05-25", "day", True),
    ("day-month-words", "ngày 24 tháng 11 hai bên ký", REF,
     "ngày 24 tháng 11", "2021-11-24", "", "day", True),
    ("month-slash-year", "ký kết triển khai vào tháng 11/2021, nhằm", REF,
     "tháng 11/2021", "2021-11", "", "month", False),
    ("month-words-year", "tháng 11 năm 2021", D(2023, 5, 1),
     "tháng 11 năm 2021", "2021-11", "", "month", False),
    ("month-slash-year-2", "Dự kiến tháng 3/2024 sẽ tổ chức hội thảo", REF,
     "tháng 3/2024", "2024-03", "", "month", False),
    ("month", "COP29 sẽ được tổ chức vào tháng 11, hai bên", D(2024, 8, 1),
     "tháng 11", "2024-11", "", "month", True),
    ("early-month", "cuộc họp lần thứ hai vào đầu tháng 12 để đánh giá", REF,
     "đầu tháng 12", "2021-12", "", "month", True),
    ("late-month", "cuối tháng 12", REF, "cuối tháng 12", "2021-12", "", "month", True),
    ("mid-month", "giữa tháng 12", REF, "giữa tháng 12", "2021-12", "", "month", True),
    ("year-2050", "trung hòa các-bon vào năm 2050.", REF, "năm 2050", "2050", "", "year", False),
    ("year-2023", "Năm 2023, hai bên", REF, "Năm 2023", "2023", "", "year", False),
    ("this-year", "trong năm nay", REF, "năm nay", "2021", "", "year", True),
    ("next-year-sau", "tại COP 24 vào năm sau.", REF, "năm sau", "2022", "", "year", True),
    ("next-year-toi", "năm tới", REF, "năm tới", "2022", "", "year", True),
    ("last-year-ngoai", "năm ngoái", REF, "năm ngoái", "2020", "", "year", True),
    ("last-year-truoc", "so với năm trước", REF, "năm trước", "2020", "", "year", True),
    ("next-month-toi", "vào tháng tới", REF, "tháng tới", "2021-12", "", "month", True),
    ("next-month-sau", "Nga sẽ chuyển vắc xin vào tháng sau", REF,
     "tháng sau", "2021-12", "", "month", True),
    ("last-month", "cuộc đàm phán vào tháng trước", REF,
     "tháng trước", "2021-10", "", "month", True),
    ("today", "hôm nay", REF, "hôm nay", "2021-11-24", "", "day", True),
    ("yesterday", "Trong cuộc điện đàm hôm qua, hai bên", REF,
     "hôm qua", "2021-11-23", "", "day", True),
    ("tomorrow", "ngày mai", REF, "ngày mai", "2021-11-25", "", "day", True),
    ("next-week-toi", "vào tuần tới", REF, "tuần tới", "2021-11-29", "2021-12-05", "day", True),
    ("next-week-sau", "tuần sau", REF, "tuần sau", "2021-11-29", "2021-12-05", "day", True),
    ("last-week", "Tuần trước, Trung Quốc đã cam kết", REF,
     "Tuần trước", "2021-11-15", "2021-11-21", "day", True),
    # "tuần qua" is the seven days before the reference (Wed 24/11: 17-23/11), not the calendar week before;
    # "cuối tuần qua" is the calendar weekend before; "tháng qua" is left unresolved.
    ("past-week-qua", "Tuần qua, tại cuộc họp", REF, "Tuần qua", "2021-11-17", "2021-11-23", "day", True),
    ("past-week-vua-qua", "trong tuần vừa qua", REF, "tuần vừa qua", "2021-11-17", "2021-11-23", "day", True),
    ("past-weekend-qua", "cuối tuần qua", REF, "cuối tuần qua", "2021-11-20", "2021-11-21", "day", True),
    ("weekday-next-week", "thứ Hai tuần tới", REF,
     "thứ Hai tuần tới", "2021-11-29", "", "day", True),
    ("weekday-bracketed", "Hà Nội (thứ Ba)", REF, "thứ Ba", "2021-11-23", "", "day", True),
    # On a Saturday "vừa qua" is yesterday, "tuần trước" the Friday of the week before.
    ("weekday-just-past", "thứ Sáu vừa qua", D(2021, 11, 27),
     "thứ Sáu vừa qua", "2021-11-26", "", "day", True),
    ("weekday-last-week", "thứ Sáu tuần trước", D(2021, 11, 27),
     "thứ Sáu tuần trước", "2021-11-19", "", "day", True),
    ("sunday", "Chủ nhật, đoàn đến Tokyo", REF, "Chủ nhật", "2021-11-21", "", "day", True),
    ("day-only", "được tổ chức trực tuyến vào ngày 20.", REF,
     "ngày 20", "2021-11-20", "", "day", True),
    ("day-only-previous-month", "Cuộc họp trực tuyến ngày 20 cũng là", D(2021, 11, 18),
     "ngày 20", "2021-10-20", "", "day", True),
    ("quarter", "doanh thu quý 1/2024 tăng", REF,
     "quý 1/2024", "2024-01", "2024-03", "month", False),
    ("quarter-roman", "Quý IV năm 2017", REF,
     "Quý IV năm 2017", "2017-10", "2017-12", "month", False),
    ("end-of-year", "sẽ được đệ trình vào cuối năm.", REF, "cuối năm", "2021", "", "year", True),
    ("vao-excluded", "vào ngày 24/11", REF, "ngày 24/11", "2021-11-24", "", "day", True),
]


@pytest.mark.parametrize(
    "text, ref, span, date, date_end, precision, relative",
    [case[1:] for case in FORMS],
    ids=[case[0] for case in FORMS],
)
def test_form(text, ref, span, date, date_end, precision, relative):
    mention = only(text, ref)
    assert (mention.text, mention.date, mention.date_end, mention.precision, mention.relative) == (
        span, date, date_end, precision, relative
    )
    assert mention.start == text.index(span)


def test_offsets_point_into_the_text():
    text = "Theo phóng viên TTXVN tại Nhật Bản, ngày 24/11, Việt Nam"
    mention = only(text, REF)
    assert (mention.start, mention.end) == (36, 46)


def test_several_mentions_come_left_to_right():
    text = (
        "Ngày 11/1, Nhóm Công tác chung đã họp về mục tiêu trung hòa các-bon vào năm 2050. "
        "Năm 2024, hai bên sẽ triển khai; dự kiến tháng 3/2024 sẽ tổ chức hội thảo."
    )
    found = find_dates(text, D(2024, 1, 11))
    assert [(m.text, m.date) for m in found] == [
        ("Ngày 11/1", "2024-01-11"),
        ("năm 2050", "2050"),
        ("Năm 2024", "2024"),
        ("tháng 3/2024", "2024-03"),
    ]
    assert all(text[m.start:m.end] == m.text for m in found)


# --- year inference ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, ref, date",
    [
        ("ngày 24/12", D(2022, 1, 5), "2021-12-24"),  # back over new year
        ("ngày 10/1", D(2022, 1, 5), "2022-01-10"),
        ("ngày 3/1", D(2021, 12, 28), "2022-01-03"),  # forward over new year
        ("ngày 20/6", D(2022, 1, 5), "2022-06-20"),
        ("tháng 12", D(2022, 1, 5), "2021-12"),
        ("tháng 1", D(2021, 12, 20), "2022-01"),
        ("tháng 7", D(2022, 1, 5), "2022-07"),  # six months each way: the reference's year
        ("quý 4", D(2022, 1, 5), "2021-10"),
        ("hôm qua", D(2021, 1, 1), "2020-12-31"),
        ("tháng tới", D(2021, 12, 10), "2022-01"),
        ("tháng trước", D(2022, 1, 5), "2021-12"),
        ("ngày 20", D(2022, 1, 5), "2021-12-20"),
        # 183 days each way (the year ahead holds 29/2): a tie goes to the reference's year.
        ("ngày 1/3", D(2023, 8, 31), "2023-03-01"),
    ],
)
def test_year_boundary(text, ref, date):
    assert only(text, ref).date == date


def test_range_across_new_year_takes_the_year_from_its_end():
    mention = only("từ 28/12 - 3/1/2024", REF)
    assert (mention.text, mention.date, mention.date_end, mention.relative) == (
        "28/12 - 3/1/2024", "2023-12-28", "2024-01-03", False
    )


def test_month_range():
    mention = only("trong tháng 11-12/2021", REF)
    assert (mention.text, mention.date, mention.date_end, mention.precision) == (
        "tháng 11-12/2021", "2021-11", "2021-12", "month"
    )


def test_a_following_word_overrides_the_closest_year():
    ref = D(2024, 3, 15)
    assert only("vào tháng 11", ref).date == "2023-11"
    assert only("vào tháng 11 tới đây", ref).date == "2024-11"
    assert only("ngày 24/12 năm ngoái", REF).date == "2020-12-24"
    assert only("tháng 9 năm ngoái", D(2021, 4, 19)).date == "2020-09"
    assert only("ngày 20 tới", REF).date == "2021-12-20"


def test_leap_day_without_year_finds_the_leap_year():
    assert only("ngày 29/2", D(2021, 1, 10)).date == "2020-02-29"


def test_leap_day_with_no_leap_year_near_is_unresolved():
    mention = only("ngày 29/2", D(2022, 8, 1))
    assert (mention.text, mention.date, mention.precision) == ("ngày 29/2", "", "")


# --- weekdays and merged forms ----------------------------------------------


def test_weekday_then_date_in_brackets_is_one_mention():
    mention = only("thứ Ba (23/11), Thủ tướng", REF)
    assert (mention.text, mention.date) == ("thứ Ba (23/11)", "2021-11-23")


def test_date_then_weekday_in_brackets_is_one_mention():
    mention = only("ngày 24/11 (thứ Tư) tại Tokyo", REF)
    assert (mention.text, mention.date) == ("ngày 24/11 (thứ Tư)", "2021-11-24")


def test_weekday_with_full_date_is_not_relative():
    mention = only("thứ Năm, ngày 25/11/2021", D(2030, 1, 1))
    assert (mention.text, mention.date, mention.relative) == (
        "thứ Năm, ngày 25/11/2021", "2021-11-25", False
    )


def test_today_with_date_in_brackets_takes_the_date():
    mention = only("tại Phnom Penh, hôm nay (12/5), Thủ tướng", D(2017, 5, 12))
    assert (mention.text, mention.date) == ("hôm nay (12/5)", "2017-05-12")
    mention = only("Lúc 2h sáng hôm nay (1-6), Thủ tướng", D(2017, 6, 1))
    assert (mention.text, mention.date) == ("sáng hôm nay (1-6)", "2017-06-01")


def test_lowercase_weekday_needs_a_cue():
    assert only("vào thứ hai tới", REF).date == "2021-11-29"
    assert only("sáng thứ hai", REF).date == "2021-11-22"
    assert only("thứ 2 tuần tới", REF).date == "2021-11-29"
    assert find_dates("ngày thứ hai của hội nghị", REF) == []


def test_just_past_weekday_on_that_weekday_is_a_week_ago():
    assert only("thứ Sáu vừa qua", D(2021, 11, 26)).date == "2021-11-19"
    assert only("thứ Sáu", D(2021, 11, 26)).date == "2021-11-26"
    assert only("thứ Sáu tới", D(2021, 11, 26)).date == "2021-12-03"


def test_weekend():
    mention = only("cuối tuần này", REF)
    assert (mention.date, mention.date_end) == ("2021-11-27", "2021-11-28")


# --- reference=None -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, span",
    [
        ("vào ngày 24/11", "ngày 24/11"),
        ("hôm qua", "hôm qua"),
        ("tuần tới", "tuần tới"),
        ("ngày 20", "ngày 20"),
        ("vào tháng 11", "tháng 11"),
        ("thứ Hai tuần tới", "thứ Hai tuần tới"),
        ("năm ngoái", "năm ngoái"),
        ("quý 3", "quý 3"),
        ("cuối năm", "cuối năm"),
        ("từ 23 - 24/8", "23 - 24/8"),
    ],
)
def test_without_reference_relative_forms_are_unresolved(text, span):
    mention = only(text, None)
    assert (mention.text, mention.date, mention.date_end, mention.precision, mention.relative) == (
        span, "", "", "", True
    )


def test_without_reference_full_dates_still_resolve():
    assert [(m.date, m.precision, m.relative) for m in find_dates(
        "ngày 24/11/2021, tháng 3/2024 và năm 2050", None
    )] == [("2021-11-24", "day", False), ("2024-03", "month", False), ("2050", "year", False)]


def test_datetime_reference_is_taken_as_its_date():
    assert only("hôm qua", datetime.datetime(2021, 11, 24, 23, 59)).date == "2021-11-23"


def test_implausible_reference_is_refused():
    with pytest.raises(ValueError):
        find_dates("năm sau", D(9999, 12, 31))


# --- things that are not dates --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "thực thi Điều 6.2 của Thỏa thuận Paris",
        "theo Nghị định 06/2022 của Chính phủ",
        "Quyết định số 13/2020/QĐ-TTg",
        "Công văn số 12/5/2021",
        "chiếm tỷ lệ 1/3 dân số",
        "hoạt động 24/7",
        "lúc 15:52",
        "tăng 50%",
        "trị giá 3 triệu USD",
        "thắng 2-1",
        "ngày 31/2",
        "ngày 24/11/21",
        "cuộc họp lần thứ hai",
        "Thứ hai, các bên cần tăng cường",
        "Thế chiến thứ Hai",
        "Thứ trưởng Lê Công Thành",
        "kỳ họp thứ 28",
        "các sáng kiến này",
        "theo chiều ngang",
        "Tuần lễ Môi trường ASEAN",
        "kinh tế tuần hoàn",
        "trong 3 tháng tới",
        "hai năm trước",
        "một tuần sau",
        "những năm qua",
        "trong 2 tuần qua",
        "trong tháng qua",
        "mỗi ngày 2 lần",
        "mỗi tháng 2 lần",
        "chuyến đi 3 ngày 2 đêm",
        "Chương trình nghị sự 2030",
        "Thế vận hội Mùa đông 2022",
        "đến 2030 tỷ đồng",
        "tăng từ 1950 lên 2000",
        "tháng 13",
    ],
)
def test_not_a_date(text):
    assert find_dates(text, REF) == []


def test_document_number_before_a_real_date():
    text = "Quyết định số 13/2020/QĐ-TTg ngày 6/4/2020 của Thủ tướng"
    mention = only(text, REF)
    assert (mention.text, mention.date) == ("ngày 6/4/2020", "2020-04-06")


def test_time_after_a_date_is_not_part_of_it():
    mention = only("Vụ Hợp tác quốc tế (Bộ TN&MT) 24/08/2023 15:52", REF)
    assert (mention.text, mention.date) == ("24/08/2023", "2023-08-24")


def test_lunar_date_is_reported_but_not_resolved():
    mention = only("ngày 15/8 âm lịch", REF)
    assert (mention.text, mention.date, mention.precision) == ("ngày 15/8 âm lịch", "", "")


# --- bare years -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, date, date_end",
    [
        ("trong 2021, kinh tế", "2021", "2021", ""),
        ("đến 2030, Việt Nam", "2030", "2030", ""),
        ("cuối 2024", "cuối 2024", "2024", ""),
        ("giai đoạn 2021-2030", "2021-2030", "2021", "2030"),
        ("nhiệm kỳ 2020-2021", "2020-2021", "2020", "2021"),
        ("năm 2020-2021", "năm 2020-2021", "2020", "2021"),
    ],
)
def test_bare_year_in_context(text, span, date, date_end):
    mention = only(text, REF)
    assert (mention.text, mention.date, mention.date_end, mention.precision) == (
        span, date, date_end, "year"
    )


def test_month_and_year_after_a_preposition():
    mention = only("áp dụng từ 6/2024", REF)
    assert (mention.text, mention.date, mention.precision) == ("6/2024", "2024-06", "month")


# --- overlaps ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span",
    [
        ("ngày 24/11/2021", "ngày 24/11/2021"),  # not "ngày 24/11" + a bare year
        ("tháng 11 năm 2021", "tháng 11 năm 2021"),  # not "tháng 11" + "năm 2021"
        ("cuối năm nay", "cuối năm nay"),
        ("thứ Hai tuần tới", "thứ Hai tuần tới"),  # not "thứ Hai" + "tuần tới"
        ("sáng ngày 24/5/2017", "sáng ngày 24/5/2017"),
        ("từ năm 2020 đến năm 2025", "năm 2020 đến năm 2025"),
    ],
)
def test_longest_match_wins(text, span):
    assert only(text, REF).text == span


def test_empty_text():
    assert find_dates("", REF) == []
    assert find_dates("", None) == []


# --- metadata dates ---------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-11-24", D(2021, 11, 24)),
        ("2021-11-24T15:52", D(2021, 11, 24)),
        ("2021-11-24 15:52:00", D(2021, 11, 24)),
        ("2021-11-24T15:52:00+07:00", D(2021, 11, 24)),
        ("20211124", D(2021, 11, 24)),
        ("24/11/2021", D(2021, 11, 24)),
        (" 2021-11-24 ", D(2021, 11, 24)),
    ],
)
def test_parse_iso_date_accepts(value, expected):
    assert parse_iso_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "hôm nay", "2021-02-30", "2021-11-24T25:00", "24/11/21", "2021/11/24", "2021-11", "1124"],
)
def test_parse_iso_date_rejects(value):
    assert parse_iso_date(value) is None


def test_an_estimated_year_resolves_only_dates_that_write_their_month():
    from pipeline.dates import EstimatedDate

    ref = EstimatedDate.of_year(2017)
    by_text = {d.text: d for d in find_dates("Sáng nay (6/2) họp, hôm qua ký, ngày 20 gặp, tháng 5 thăm", ref)}
    assert by_text["Sáng nay (6/2)"].date == "2017-02-06"
    assert by_text["tháng 5"].date == "2017-05"
    # A made-up mid-year day must not date "hôm qua" or "ngày 20".
    assert by_text["hôm qua"].date == "" and by_text["hôm qua"].relative
    assert by_text["ngày 20"].date == ""
    # With the real publication date they resolve.
    assert {d.text: d.date for d in find_dates("hôm qua ký", datetime.date(2017, 2, 7))} == {"hôm qua": "2017-02-06"}


def test_recognisers_skipped_without_their_required_words_never_match_without_them(monkeypatch):
    # find_dates skips a recogniser on a text where its required pattern (a word every match of it
    # holds) finds nothing; that must change no result. Every sentence of the corpus, plus date
    # words of every recogniser, capitalised too.
    import re as _re

    from pipeline import dates as dates_module

    texts = [s for p in sorted((ROOT / "corpus").rglob("*.txt"))
             for s in p.read_text(encoding="utf-8").replace("\n", " ").split(". ")]
    texts += ["thứ Hai tuần trước", "Chủ nhật tuần này", "hôm qua", "Hôm nay (thứ Ba)", "sáng nay 30/4",
              "tối mai", "tuần tới", "cuối tháng này", "quý tới", "quý IV năm nay", "sang năm", "đầu năm",
              "năm ngoái", "HÔM QUA", "THỨ SÁU VỪA QUA",
              # the day, month and year recognisers (their required patterns: a day and month, "tháng 5", "năm 2019")
              "từ ngày 20 đến 25/11", "từ 20/11 - 25/11/2021", "ngày 24 tháng 11 năm 2021", "NGÀY 24 THÁNG 11",
              "24.11", "24-11-2021", "từ tháng 5 đến tháng 7/2020", "Tháng 5/2021", "năm 2019 - 2020", "NĂM 2019"]
    assert len(texts) > 100
    skipped = [(pattern, required) for pattern, _, _, required in dates_module._RECOGNISERS if required is not None]
    assert len(skipped) >= 6
    for pattern, required in skipped:
        matched = [t for t in texts if pattern.search(t)]
        assert matched, pattern.pattern[:60]  # the texts exercise every skipped recogniser
        assert all(required.search(t) for t in matched), pattern.pattern[:60]
    # And the candidates with the skip are those without it.
    ref = datetime.date(2021, 4, 27)
    unskipped = tuple((p, h, d, None) for p, h, d, _ in dates_module._RECOGNISERS)
    for text in texts:
        with_skip = dates_module._candidates(text, ref)
        with monkeypatch.context() as m:
            m.setattr(dates_module, "_RECOGNISERS", unskipped)
            without = dates_module._candidates(text, ref)
        assert with_skip == without, text


def test_recognisers_marked_as_needing_a_digit_never_match_without_one(monkeypatch):
    # find_dates skips them on a text without a digit; that must change no result. Sentences of
    # the corpus without digits, plus date words of every recogniser without their numbers.
    import re as _re

    from pipeline import dates as dates_module

    texts = [s for p in sorted((ROOT / "corpus").rglob("*.txt"))
             for s in p.read_text(encoding="utf-8").replace("\n", " ").split(". ") if not _re.search(r"\d", s)]
    texts += ["ngày tháng năm", "từ ngày đến ngày tháng", "tháng Năm năm ngoái", "quý IV năm nay",
              "thứ Hai tuần trước", "hôm qua", "đầu năm", "ngày hai mươi tháng mười"]
    assert len(texts) > 50
    for pattern, _, needs_digit, _ in dates_module._RECOGNISERS:
        if needs_digit:
            assert not any(pattern.search(t) for t in texts), pattern.pattern[:60]
    # And the candidates with the skip are those without it, on texts with and without digits.
    ref = datetime.date(2021, 4, 27)
    for text in texts[:200] + ["ngày 20/11/2021", "tháng 5 năm 2020", "năm 2019", "quý 3/2020"]:
        with_skip = dates_module._candidates(text, ref)
        with monkeypatch.context() as m:
            m.setattr(dates_module, "_ANY_DIGIT", _re.compile(""))  # every text "has a digit"
            without = dates_module._candidates(text, ref)
        assert with_skip == without, text
