"""Clean stage: normalise every line, remove page furniture, lift metadata out of the text.

Requires: a document from ingest (``lines`` = raw input paragraphs, metadata from the header
or JSON fields). Sets: ``paragraphs`` (headline as paragraph 0 when there is one, then body and
caption paragraphs, each normalised), ``removed`` (every input line that is not in the cleaned
text, with reason ``boilerplate`` or ``metadata`` and the rule that fired), ``title``, ``url``,
``published``, ``source``, ``author`` when the text gives them, ``paragraphs_in``,
``boilerplate_removed`` and status ``empty`` when no body is left. Empties ``lines``.

The rules are data (``pipeline/data/furniture.toml``); this module only decides where they apply.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from ..config import CleanConfig
from ..datafiles import load_toml
from ..dates import parse_iso_date
from ..errors import ConfigError
from ..model import Document, Paragraph, Removal
from ..normalize import fold, normalize_text
from ..unglue import Unglue
from ..wordseg import dictionary_words, in_both_placements

__all__ = ["FurnitureRule", "FurnitureRules", "Cleaner"]

_HEAD_LINES = 4  # furniture above a headline never runs longer than this
_FINAL_PUNCT = (".", "…", ";", ":", ",")
_NAME_SPLIT = re.compile(r"[\s\-–—/,;&+]+|\bvà\b")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*\s")


def split_long(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at sentence ends when possible.

    Linear in the length of ``text``: each window is searched once and the rest of the text is
    never copied (a 100 MB line would otherwise be copied once per piece).
    """
    limit = max(limit, 1)  # config keeps it >= 200; below 1 no cut would advance
    pieces = []
    pos, end = 0, len(text)
    while end - pos > limit:
        cut = max((m.end() for m in _SENTENCE_END.finditer(text, pos, pos + limit)), default=pos) - pos
        if cut < max(limit // 4, 1):  # no sentence end in reach: cut at a space, else anywhere
            cut = text.rfind(" ", pos, pos + limit) + 1 - pos
            cut = cut if cut > 0 else limit
        pieces.append(text[pos:pos + cut].strip())
        pos += cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        pieces.append(text[pos:].strip())
    return [p for p in pieces if p]


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    name: str
    regex: re.Pattern[str]
    where: str  # any | head | tail


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    boilerplate: tuple[FurnitureRule, ...]
    inline: tuple[FurnitureRule, ...]
    section_labels: tuple[FurnitureRule, ...]
    url: re.Pattern[str]
    url_date: re.Pattern[str]
    source_line: re.Pattern[str]
    # A closing line naming only the sources ("Theo Reuters, NYT, CNA", "Minh PhươngTheo SCMP"): the
    # [credit] section's source_line, the one definition the tagger's credit rule reads too.
    source_theo: re.Pattern[str]
    byline_datetime: re.Pattern[str]
    byline_agency: re.Pattern[str]
    caption: re.Pattern[str]
    year_mention: re.Pattern[str]
    year_not_now: re.Pattern[str]
    year_context: re.Pattern[str]
    year_named: re.Pattern[str]
    year_background: re.Pattern[str]
    year_period: re.Pattern[str]
    year_forward: re.Pattern[str]
    year_bound: re.Pattern[str]
    news_month: re.Pattern[str]
    byline_names: re.Pattern[str]
    byline_after_end: re.Pattern[str]
    # A name glued to the next word by a lost space ("bà Hươngnói"): the space put back ([glued]).
    unglue: Unglue

    @classmethod
    def load(cls, path: str | Path | None = None, dictionary: frozenset[str] | None = None) -> "FurnitureRules":
        """Load the rules file (the packaged one by default). ``dictionary``: the segmentation
        model's words for ``Unglue`` in both tone placements (``pipeline.wordseg.in_both_placements``
        of ``dictionary_words``: the text is normalised to the traditional placement, the model's
        dictionary is in the new one), read here when the caller does not hand over the set it built
        for its other stages (the tagger's ``known_words``)."""
        if dictionary is None:
            dictionary = in_both_placements(dictionary_words())
        data, origin = load_toml("furniture.toml", path, "furniture rules")
        try:
            def compile_(pattern: str, case: bool = False) -> re.Pattern[str]:
                return re.compile(pattern, 0 if case else re.IGNORECASE)

            def rules(key: str) -> tuple[FurnitureRule, ...]:
                return tuple(
                    FurnitureRule(r["name"], compile_(r["pattern"], r.get("case", False)), r.get("where", "any"))
                    for r in data.get(key, [])
                )

            meta = data["metadata"]
            return cls(
                boilerplate=rules("boilerplate"),
                inline=tuple(FurnitureRule(r["name"], re.compile(r["pattern"]), "any") for r in data.get("inline", [])),
                section_labels=rules("section_label"),
                source_theo=re.compile(data["credit"]["source_line"]),
                unglue=Unglue.from_data(data["glued"], dictionary),
                **{key: compile_(meta[key]) for key in (
                    "url", "url_date", "source_line",
                    "byline_datetime", "byline_agency", "caption", "year_mention", "year_not_now", "year_context", "year_named",
                    "year_background", "year_period", "year_forward", "year_bound", "news_month",
                    "byline_names", "byline_after_end")},
            )
        except (KeyError, re.error) as exc:
            raise ConfigError(f"{origin}: unusable furniture rules ({exc}); fix the file") from None


# The last sentence of a line; a byline may end on its agency's site ("… cá nhân. Bảo Long/VOV.VN"),
# whose dot ends no sentence.
_LAST_SENTENCE = re.compile(r"(?<=[.!?…”\"])\s+(?P<tail>[^.!?…”\"]{2,80}?(?:\.(?:VN|vn|com|net))?)$")


def _looks_like_names(text: str, max_words: int) -> bool:
    """"Thanh Tùng - Phạm Tuân": every word capitalised, few words."""
    words = [w for w in _NAME_SPLIT.split(text) if w]
    return 0 < len(words) <= max_words and all(w[0].isupper() for w in words)


@dataclass(slots=True)
class _Lines:
    """One document's normalised input lines while they are cleaned, and what was removed."""

    doc_id: str
    lines: list[str]
    number: list[int]  # the input line number of each line
    removed: dict[int, Removal] = field(default_factory=dict)

    def drop(self, i: int, reason: str, rule: str) -> None:
        self.removed[i] = Removal(self.doc_id, self.number[i], self.lines[i], reason, rule=rule)


class Cleaner:
    """``Doc -> Doc``: see the module docstring."""

    def __init__(self, rules: FurnitureRules, config: CleanConfig):
        self.rules = rules
        self.config = config

    # -- line predicates -------------------------------------------------------------------
    def _headline_like(self, line: str) -> bool:
        words = line.split()
        return (
            2 <= len(words) <= self.config.title_max_words
            and not line.endswith(_FINAL_PUNCT)
            and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘(")
        )

    def _boilerplate_rule(self, line: str, zone: str) -> str | None:
        for rule in self.rules.boilerplate:
            if rule.where in ("any", zone) and rule.regex.fullmatch(line):
                return rule.name
        return None

    def _metadata(self, line: str, doc: Document, tail: bool, agency: list[str] | None = None) -> str | None:
        """Apply the metadata rules to ``line``; return the rule's name when it is a metadata line.

        A byline's agency goes to ``agency``: it names the source only when nothing better does.
        """
        r = self.rules
        if tail and (m := r.url.fullmatch(line)):
            doc.url = doc.url or m["url"]
            return "source-url"
        if tail and (m := r.source_line.fullmatch(line)) and len(line.split()) <= 8:
            doc.source = doc.source or m["source"].strip(" ./:")
            return "source-line"
        if (m := r.byline_datetime.fullmatch(line)) and len(m["author"].split()) <= self.config.byline_max_words:
            date = parse_iso_date(f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}")
            if date is not None:
                doc.author = doc.author or m["author"].strip(" -–|,")
                doc.published = doc.published or date.isoformat()
                return "byline-datetime"
        if (m := r.byline_agency.fullmatch(line)) and _looks_like_names(m["author"], self.config.byline_max_words):
            doc.author = doc.author or m["author"].strip()
            if agency is not None:
                agency.append(re.sub(r"^theo\s+", "", m["agency"].strip(), flags=re.IGNORECASE))
            return "byline-agency"
        if tail and (m := r.source_theo.fullmatch(line)):
            doc.source = doc.source or m["source"].rstrip(".")
            doc.author = doc.author or m["author"]  # "" when no author is glued before "Theo"
            return "source-theo"
        if tail and (m := r.byline_names.fullmatch(line)) and _looks_like_names(m["author"], 4):
            doc.author = doc.author or m["author"]
            return "byline-names"
        return None

    # -- the stage -------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if doc.status == "error":
            doc.lines = []
            return doc
        raw_lines, inline_cuts = self._cut_inline(doc.lines)
        normal = [normalize_text(line) for line in raw_lines]
        # the words the document writes on their own confirm where a glued foreign name ends ("Biden" / "Bidenở")
        known = self.rules.unglue.words_of(normal + [normalize_text(doc.title)])
        lines = [self._unglued(line, known) for line in normal]
        # Where each line stands in the input file (its position when built in code).
        number = doc.line_numbers if len(doc.line_numbers) == len(lines) else list(range(1, len(lines) + 1))
        doc.lines, doc.line_numbers = [], []
        work = _Lines(doc.doc_id, lines, number)
        self._furniture(work)
        kept = [i for i in range(len(lines)) if i not in work.removed]
        title_line, title_text = self._headline(doc, work, kept)
        doc.title = title_text
        agency: list[str] = []
        body = self._edge_metadata(doc, work, [i for i in kept if i != title_line], agency)
        cut_off = self._end_byline(doc, work, body)
        self._settle_metadata(doc, agency)
        paragraphs = self._paragraphs(work, body, title_line, title_text)
        doc.paragraphs = paragraphs
        cut_off = _merge_cuts(cut_off, [Removal(doc.doc_id, number[i], " … ".join(texts), "boilerplate", rule="+".join(names))
                                        for i, (names, texts) in sorted(inline_cuts.items()) if i not in work.removed])
        doc.removed = sorted([work.removed[i] for i in work.removed] + cut_off, key=lambda r: r.paragraph)
        # A metadata title that is not a line of the text counts as an input paragraph too.
        doc.paragraphs_in = len(lines) + (1 if title_text and title_line is None else 0)
        # ... and so does each extra piece of a line that was too long to be one paragraph,
        # and a byline cut off the end of a line.
        doc.paragraphs_in += len(paragraphs) - len(body) - (1 if title_text else 0) + len(cut_off)
        doc.boilerplate_removed = sum(r.reason == "boilerplate" for r in doc.removed)
        if not any(p.kind != "title" for p in paragraphs):
            doc.status = "empty"
        if not doc.published:
            doc.year_estimate = self._year_estimate(p.text for p in paragraphs)
        return doc

    def _unglued(self, line: str, known: frozenset[str]) -> str:
        """``line`` (normalised) with its glued words split, normalised again where a split was made: a glued
        word is no syllable, so normalising could not place its tones ("hoàbình" -> "hoà bình" -> "hòa bình")."""
        split = self.rules.unglue(line, known)
        return normalize_text(split) if split != line else line

    def _furniture(self, work: "_Lines") -> None:
        """Pass 1: furniture that a line shows by itself."""
        related = False
        for i, line in enumerate(work.lines):
            if not line:
                work.drop(i, "boilerplate", "blank")
            elif any(rule.regex.fullmatch(line) for rule in self.rules.section_labels):
                work.drop(i, "boilerplate", "section-label")
                related = True
            elif (name := self._boilerplate_rule(line, "head" if i < _HEAD_LINES else "")) and name != "bare-url":
                work.drop(i, "boilerplate", name)
            elif related and self._headline_like(line):
                work.drop(i, "boilerplate", "related-title")

    def _headline(self, doc: Document, work: "_Lines", kept: list[int]) -> tuple[int | None, str]:
        """The headline: the metadata title, or the first line when it reads as one."""
        lines = work.lines
        title_text = self._unglued(normalize_text(doc.title), self.rules.unglue.words_of(work.lines))
        if kept and title_text and fold(lines[kept[0]]) == fold(title_text):
            return kept[0], title_text
        if kept and not title_text and self._headline_like(lines[kept[0]]) \
                and not self.rules.caption.fullmatch(lines[kept[0]]) \
                and self._metadata(lines[kept[0]], Document(doc_id=""), tail=False) is None:
            return kept[0], lines[kept[0]]
        return None, title_text

    def _edge_metadata(self, doc: Document, work: "_Lines", body: list[int], agency: list[str]) -> list[int]:
        """Bylines under the headline, source URL, source line and byline at the end (read from
        the last line up), bare URLs; returns the body lines that are left."""
        lines = work.lines
        for i in body[:2]:
            if (rule := self._metadata(lines[i], doc, tail=False, agency=agency)) is not None:
                work.drop(i, "metadata", rule)
        body = [i for i in body if i not in work.removed]
        for i in reversed(body[-self.config.tail_lines:]):
            rule = self._metadata(lines[i], doc, tail=True, agency=agency)
            if rule is None and (rule := self._boilerplate_rule(lines[i], "tail")) is None:
                break
            work.drop(i, "metadata" if rule != "tags-line" else "boilerplate", rule)
        body = [i for i in body if i not in work.removed]
        for i in body:
            if self._boilerplate_rule(lines[i], "") == "bare-url":
                work.drop(i, "boilerplate", "bare-url")
        return [i for i in body if i not in work.removed]

    def _end_byline(self, doc: Document, work: "_Lines", body: list[int]) -> list[Removal]:
        """A byline a crawl that lost its line breaks ran into the last line: "… ./. Thùy
        Vân/VOV-Paris", "… của Liên Hợp Quốc. Đức Tuân", "… tới. Nguyễn Văn Trí (TTXVN)"."""
        if not body:
            return []
        i = body[-1]
        line = work.lines[i]
        if (m := self.rules.byline_after_end.search(line)) and len(m["tail"].split()) <= self.config.byline_max_words:
            doc.author = doc.author or m["tail"]
            rule = "byline-after-end"
        elif len(line.split()) > 20 and (m := _LAST_SENTENCE.search(line)) \
                and ((a := self.rules.byline_agency.fullmatch(m["tail"])) is not None
                     and _looks_like_names(a["author"], self.config.byline_max_words)
                     or _looks_like_names(m["tail"], self.config.byline_max_words)):
            doc.author = doc.author or (a["author"].strip() if a is not None else m["tail"])
            rule = "byline-line-end"
        else:
            return []
        work.lines[i] = line[:m.start("tail")].rstrip()
        return [Removal(doc.doc_id, work.number[i], m["tail"], "metadata", rule=rule)]

    def _settle_metadata(self, doc: Document, agency: list[str]) -> None:
        """``published`` validated (else from the URL's date), ``source`` from the URL's host or
        the byline's agency when nothing better was given."""
        if not doc.published and doc.url and (m := self.rules.url_date.search(doc.url)):
            y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
            date = parse_iso_date(f"{y}-{int(mo):02d}-{int(d):02d}")
            doc.published = date.isoformat() if date else ""
        elif doc.published:
            date = parse_iso_date(doc.published)
            if date is None:  # "2017-02-30", "9999-99-99": kept out of a column declared a date
                doc.warning = f"published {doc.published[:40]!r} is not a valid date; left empty"
            doc.published = date.isoformat() if date else ""
        if not doc.source and doc.url:
            host = urlparse(doc.url if "://" in doc.url else "http://" + doc.url).hostname or ""
            doc.source = host.removeprefix("www.")
        doc.source = doc.source or (agency[0] if agency else "")

    def _paragraphs(self, work: "_Lines", body: list[int], title_line: int | None, title_text: str) -> list[Paragraph]:
        """The headline as paragraph 0, then body and caption paragraphs, long lines cut in pieces."""
        lines, removed = work.lines, work.removed
        paragraphs: list[Paragraph] = []
        if title_text:
            paragraphs.append(Paragraph(0, "title", title_text, work.number[title_line] if title_line is not None else 0))
        for i in body:
            after_image = i > 0 and removed.get(i - 1) is not None and removed[i - 1].rule == "image-file"
            # A long paragraph with an inline photo credit is text that carries a caption, not a caption.
            short = len(lines[i].split()) <= self.config.caption_max_words
            kind = "caption" if after_image or (short and self.rules.caption.fullmatch(lines[i])) else "body"
            for piece in split_long(lines[i], self.config.max_paragraph_chars):
                paragraphs.append(Paragraph(len(paragraphs) if title_text else len(paragraphs) + 1, kind, piece,
                                            work.number[i]))
        return paragraphs

    def _cut_inline(self, raw: list[str]) -> tuple[list[str], dict[int, tuple[list[str], list[str]]]]:
        """Lines without their inline furniture, and per line the rules and the text that were cut.
        A line that is nothing but furniture is kept whole (the line rules remove it)."""
        out: list[str] = []
        cuts: dict[int, tuple[list[str], list[str]]] = {}
        for i, line in enumerate(raw):
            spans = sorted((m.start(), m.end(), rule.name) for rule in self.rules.inline
                           for m in rule.regex.finditer(line) if m.end() > m.start())
            kept, names, texts, pos = [], [], [], 0
            for a, b, name in spans:
                if a < pos:
                    continue  # overlaps a cut already made
                kept.append(line[pos:a])
                names.append(name)
                texts.append(normalize_text(line[a:b]))
                pos = b
            kept.append(line[pos:])
            rest = " ".join(k.strip() for k in kept if k.strip())
            if names and rest:
                out.append(rest)
                cuts[i] = (sorted(set(names)), texts)
            else:
                out.append(line)
        return out, cuts

    def _year_estimate(self, texts) -> str:
        """The year the article is written in, or "", from the years it mentions outside
        forward-looking clauses, periods and background, in this order of trust:

        1. a year in a sentence that also dates something by day and month only or by "hôm nay"
           ("… WEF ASEAN năm 2017 tại Phnom Penh, hôm nay (12/5), …"): that sentence is the news.
           The most frequent such year, and of equals the earliest: a later year next to the news
           is more often what it prepares ("bàn giao vai trò chủ nhà Hội nghị năm 2018");
        2. the latest "năm 2017" or "/2017": not the most mentioned one, as news cites last year's
           figures more often than it names the current year, which bounds the past from above;
        3. the latest year of a named event ("APEC 2017").

        Then it rolls forward past the latest month and year something happened in ("xảy ra vào
        cuối tháng 12/2016", "kể từ tháng 11/2016"): the article is written after it, so when the
        news is dated by a day and month before that month ("Sáng nay (6/2)"), it is the next year.
        """
        news: Counter[str] = Counter()
        stated: set[str] = set()
        named: set[str] = set()
        bounds: set[tuple[int, int]] = set()
        months: set[int] = set()
        rules = self.rules
        for text in texts:
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if rules.year_background.search(sentence):
                    continue
                current = rules.year_context.search(sentence) is not None
                months |= {int(m["month"]) for m in rules.news_month.finditer(sentence)}
                for clause in re.split(r"[;]\s|,\s", sentence):
                    clause = rules.year_period.sub(" ", clause)
                    if not rules.year_forward.search(clause):
                        bounds |= {(int(m["year"]), int(m["month"] or m["month2"]))
                                   for m in rules.year_bound.finditer(clause)
                                   if 1 <= int(m["month"] or m["month2"]) <= 12}
                    if rules.year_not_now.search(clause):
                        continue
                    found = {m["year"] for m in rules.year_mention.finditer(clause)}
                    stated |= found
                    if current:
                        news.update(found)
                    named |= {m["year"] for m in rules.year_named.finditer(clause)}
        if news:
            estimate = min(news, key=lambda y: (-news[y], y))
        else:
            estimate = max(stated or named, default="")
        if not estimate:
            return ""
        return str(_roll_forward(int(estimate), bounds, months))


def _merge_cuts(byline: list[Removal], inline: list[Removal]) -> list[Removal]:
    """One removed row per input line: a byline cut off the same line as inline furniture joins it."""
    by_line = {r.paragraph: r for r in inline}
    for r in byline:
        if r.paragraph in by_line:
            other = by_line[r.paragraph]
            other.text, other.rule, other.reason = f"{other.text} … {r.text}", f"{other.rule}+{r.rule}", "metadata"
        else:
            by_line[r.paragraph] = r
    return list(by_line.values())


def _roll_forward(year: int, bounds: set[tuple[int, int]], news_months: set[int]) -> int:
    """The year of the news given that it comes after every (year, month) in ``bounds``."""
    later = [b for b in bounds if b[0] >= year]
    if not later:
        return year
    bound_year, bound_month = max(later)
    if news_months and min(news_months) < bound_month:
        return bound_year + 1
    return bound_year
