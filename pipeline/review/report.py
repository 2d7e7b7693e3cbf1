"""``vnews report OUT [--against OLD]``: one self-contained HTML review page of an output directory.

The page needs no network (no CDN, no fonts, no images to fetch): styles, script, data and the two
charts (inline SVG) are in the file. It holds

* an index: counts per status and type, filter chips (document status, event type, event status,
  entity type, changed), a document table and an event table, both paged;
* a timeline of events by month and type and the most-mentioned entities (SVG);
* per document, opened from the index (``#doc=ID``): the cleaned text with every mention
  highlighted by type (spaCy displaCy's look and colours, with a legend), the input lines that
  were removed struck through with their reason, the events as cards with their fields and their
  evidence sentences highlighted in the text and on the card, and the mention table;
* with ``--against OLD``: the reasons and counts of ``vnews diff OLD OUT``, changed documents
  flagged in the index, added and changed mentions and events marked, removed ones listed.

It stays usable for thousands of documents: the index tables are drawn page by page from JSON,
and each document's HTML is kept as inert text (``<script type="text/html">``) that the browser
parses only when the document is opened.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..io.publish import recover
from .diff import Change, Diff, diff_outputs, read_jsonl, read_rows

__all__ = ["write_report", "render_spans", "ReportStats", "ENTITY_COLORS"]


def _displacy_colors() -> dict[str, str]:
    """displaCy's default label colours, with vnews's types mapped onto spaCy's nearest labels."""
    try:
        from spacy.displacy.render import DEFAULT_LABEL_COLORS as spacy_colors
    except ImportError:  # spaCy is a dependency; this only keeps the page buildable without it
        spacy_colors = {}
    nearest = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "TREATY": "LAW",
               "EVENT": "EVENT", "TERM": "WORK_OF_ART"}
    fallback = {"PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "LOC": "#ff9561",
                "TREATY": "#ff8197", "EVENT": "#ffeb80", "TERM": "#f0d0ff"}
    return {t: spacy_colors.get(label, fallback[t]) for t, label in nearest.items()}


ENTITY_COLORS = _displacy_colors()
EVENT_COLORS = {"MEETING": "#4e79a7", "DIALOGUE": "#f28e2b", "CONFERENCE": "#e15759", "VISIT": "#76b7b2",
                "SIGNING": "#59a14f", "STATEMENT": "#edc948", "FUNDING": "#b07aa1", "WITHDRAWAL": "#9c755f"}
OTHER_COLOR = "#bab0ac"
TOP_ENTITIES = 20
LABEL_PX = 60  # room a month label ("2017-11") needs on the timeline's axis


@dataclass(slots=True)
class ReportStats:
    documents: int
    mentions: int
    events: int
    changes: int
    bytes: int

    def __str__(self) -> str:
        return (f"{self.documents} documents, {self.mentions} mentions, {self.events} events"
                + (f", {self.changes} changes marked" if self.changes else "") + f", {self.bytes / 1e6:.1f} MB")


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# -- text with highlights ---------------------------------------------------------------------------


def render_spans(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` with each span ``(start, end, open_tag, close_tag)`` wrapped, nested where one holds
    another. A span that crosses the end of an enclosing one is cut there, so every span is drawn
    exactly once and the markup stays well-formed."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, close tag) of open spans
    cursor = 0

    def close_until(pos: int) -> None:
        nonlocal cursor
        while stack and stack[-1][0] <= pos:
            end, close = stack.pop()
            out.append(_e(text[cursor:end]))
            out.append(close)
            cursor = end

    for start, end, open_tag, close_tag in sorted(spans, key=lambda s: (s[0], -s[1])):
        start = max(start, cursor)
        close_until(start)
        if stack and end > stack[-1][0]:
            end = stack[-1][0]
        end = max(end, start)
        out.append(_e(text[cursor:start]))
        out.append(open_tag)
        cursor = start
        stack.append((end, close_tag))
    close_until(len(text))
    out.append(_e(text[cursor:]))
    return "".join(out)


# -- reading ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    manifest: dict
    documents: list[dict]
    texts: dict[str, dict]
    removed: dict[str, list[dict]]
    mentions: dict[str, list[dict]]
    events: dict[str, list[dict]]
    entities: list[dict]

    @classmethod
    def read(cls, out: Path) -> _Run:
        recover(out)  # a publish a kill interrupted is completed before anything is read
        if not (out / "documents.csv").exists():
            raise UsageError(f"{out}: no documents.csv; give an output directory of `vnews extract`")
        manifest_path = out / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
        texts = {str(d["doc_id"]): d for d in read_jsonl(out / "documents.jsonl")}
        removed, mentions, events = defaultdict(list), defaultdict(list), defaultdict(list)
        for r in read_rows(out / "removed.csv"):
            removed[r["doc_id"]].append(r)
        for m in read_rows(out / "mentions.csv"):
            mentions[m["doc_id"]].append(m)
        flat = {e["event_id"]: e for e in read_rows(out / "events.csv")}
        for e in read_jsonl(out / "events.jsonl"):
            # events.jsonl has participants with roles and every evidence; events.csv may have more columns
            extra = {k: v for k, v in flat.get(e["event_id"], {}).items() if k not in e}
            events[e["doc_id"]].append({**e, **extra})
        return cls(manifest, read_rows(out / "documents.csv"), texts, removed, mentions, events,
                   read_rows(out / "entities.csv"))


# -- document pages ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Marks:
    """What ``--against`` says about one run's records, by id in the new run."""

    by_id: dict[tuple[str, str], Change]
    gone: dict[str, list[Change]]
    docs: dict[str, str]

    @classmethod
    def of(cls, diff: Diff | None) -> _Marks:
        by_id, gone, docs = {}, defaultdict(list), {}
        for c in diff.changes if diff else []:
            if c.kind == "removed":
                gone[c.doc_id].append(c)
            elif c.new_id:
                by_id[(c.table, c.new_id)] = c
            if c.doc_id:
                docs[c.doc_id] = "changed" if c.table != "documents" or c.kind == "changed" else c.kind
        return cls(by_id, gone, docs)

    def css(self, table: str, record_id: str) -> tuple[str, str]:
        c = self.by_id.get((table, record_id))
        if c is None:
            return "", ""
        note = "; ".join(f"{k}: {o or '∅'} → {n or '∅'}" for k, (o, n) in c.fields.items())
        return f" chg chg-{c.kind}", f" [{c.kind}{': ' + note if note else ''}]"


def _mention_span(m: dict, marks: _Marks) -> tuple[int, int, str, str]:
    # Only data here: the page script writes each mark's tooltip and the mention table from it when
    # the document is opened, which keeps a 5 000-document page a quarter smaller.
    extra, note = marks.css("mentions", m["mention_id"])
    canonical = f' data-c="{_e(m["canonical"])}"' if m["canonical"] != m["text"] else ""
    change = f' data-chg="{_e(note.strip(" []"))}"' if note else ""
    open_tag = (f'<mark class="entity ent-{_e(m["type"])}{extra}" data-mention="{_e(m["mention_id"])}" '
                f'data-e="{_e(m["entity_id"])}"{canonical} data-m="{_e(m["method"])} {_e(m["score"])}"{change}>')
    return int(m["start"]), int(m["end"]), open_tag, f'<span class="lbl">{_e(m["type"])}</span></mark>'


def _paragraph_html(doc_id: str, p: dict, mentions: list[dict], evidence: dict[tuple[int, int], list[str]],
                    marks: _Marks) -> str:
    spans = [_mention_span(m, marks) for m in mentions]
    for s in p.get("sentences", []):
        ids = evidence.get((p["index"], s["index"]))
        if ids:
            spans.append((s["start"], s["end"], f'<span class="evidence" data-events="{_e(" ".join(ids))}" '
                          f'title="evidence of {_e(", ".join(ids))}">', "</span>"))
    body = render_spans(p.get("text", ""), spans)
    kind = p.get("kind", "body")
    return (f'<p class="para kind-{_e(kind)}" id="p-{_e(doc_id)}-{p["index"]}">'
            f'<span class="pno" title="cleaned paragraph {p["index"]}, input line {_e(p.get("line", ""))}">'
            f'¶{p["index"]}</span>{body}</p>')


def _removed_html(r: dict) -> str:
    why = r.get("reason", "")
    if r.get("kept_paragraph"):
        why += f" of ¶{r['kept_paragraph']}"
    if r.get("similarity"):
        why += f" ({r['similarity']})"
    if r.get("rule"):
        why += f" · rule {r['rule']}"
    return (f'<p class="removed" title="input line {_e(r.get("paragraph"))}"><del>{_e(r.get("text"))}</del> '
            f'<span class="reason">{_e(why)}</span></p>')


def _event_card(e: dict, marks: _Marks) -> str:
    extra, note = marks.css("events", e["event_id"])
    parts = "".join(f'<li><span class="role">{_e(p["role"])}</span> {_e(p["canonical"])} '
                    f'<code>{_e(p["entity_id"])}</code></li>' for p in e.get("participants", []))
    date = e.get("date", "")
    if e.get("date_end"):
        date += f" … {e['date_end']}"
    if e.get("date_precision"):
        date += f" ({e['date_precision']})"
    fields = [("date", date), ("date words", e.get("date_text", "")), ("date basis", e.get("date_basis", "")),
              ("location", e.get("location", "")), ("instrument", e.get("instrument", "")),
              ("amount", f"{e.get('amount', '')} {e.get('currency', '')}".strip()),
              ("trigger", e.get("trigger", "")), ("confidence", e.get("confidence", "")),
              ("cluster", e.get("cluster_id", ""))]
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in fields if v not in ("", None))
    evid = []
    for i, v in enumerate(e.get("evidences", [])):
        text = v.get("text", "")
        trig = e.get("trigger", "")
        at = text.find(trig) if (i == 0 and trig) else -1
        spans = [(at, at + len(trig), '<b class="trigger">', "</b>")] if at >= 0 else []
        evid.append(f'<li><a href="#p-{_e(e["doc_id"])}-{v["paragraph"]}">¶{v["paragraph"]}</a> '
                    f'{render_spans(text, spans)}</li>')
    change = f'<p class="change">{_e(note.strip(" []"))}</p>' if note else ""
    return (f'<div class="card ev-{_e(e["type"])}{extra}" id="ev-{_e(e["event_id"])}" data-type="{_e(e["type"])}" '
            f'data-status="{_e(e.get("status", ""))}"><h4><span class="etype">{_e(e["type"])}</span> '
            f'{_e(e.get("plover", ""))} · {_e(e.get("status", ""))} <code>{_e(e["event_id"])}</code></h4>{change}'
            f'<table class="fields">{rows}</table><ul class="parts">{parts}</ul>'
            f'<ol class="evidences">{"".join(evid)}</ol></div>')


def _mention_table(count: int) -> str:
    # Filled by the page script from the marks (see _mention_span).
    return (f'<details class="mentions"><summary>{count} mentions</summary><table class="grid">'
            '<thead><tr><th>where</th><th>text</th><th>type</th><th>entity</th><th>canonical</th><th>method, score</th>'
            '<th>change</th></tr></thead><tbody></tbody></table></details>')


def _gone_html(gone: list[Change]) -> str:
    if not gone:
        return ""
    items = "".join(f'<li>{_e(c.table)} {_e(c.type)} «{_e(c.label)}» <code>{_e(c.old_id)}</code> '
                    f'<span class="why">{_e("; ".join(c.why))}</span></li>' for c in gone)
    return f'<div class="gone"><h3>Removed since the old run ({len(gone)})</h3><ul>{items}</ul></div>'


def _document_html(doc: dict, run: _Run, marks: _Marks) -> str:
    doc_id = doc["doc_id"]
    text = run.texts.get(doc_id, {})
    mentions = run.mentions.get(doc_id, [])
    events = run.events.get(doc_id, [])
    evidence: dict[tuple[int, int], list[str]] = defaultdict(list)
    for e in events:
        for v in e.get("evidences", []):
            evidence[(v["paragraph"], v["sentence"])].append(e["event_id"])
    by_para: dict[int, list[dict]] = defaultdict(list)
    for m in mentions:
        by_para[int(m["paragraph"])].append(m)
    # Cleaned paragraphs and removed input lines in input order, so a removal shows where it was.
    blocks = [(int(p.get("line") or 0), 1, _paragraph_html(doc_id, p, by_para.get(p["index"], []), evidence, marks))
              for p in text.get("paragraphs", [])]
    blocks += [(int(r.get("paragraph") or 0), 0, _removed_html(r)) for r in run.removed.get(doc_id, [])]
    body = "".join(b for _, _, b in sorted(blocks, key=lambda b: (b[0], b[1])))
    meta = [("status", doc.get("status")), ("published", doc.get("published")),
            ("year estimate", text.get("year_estimate") or doc.get("year_estimate")), ("source", doc.get("source")),
            ("url", doc.get("url")), ("author", text.get("author")), ("origin", text.get("origin")),
            ("duplicate of", doc.get("duplicate_of")), ("error", doc.get("error"))]
    meta_html = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in meta if v)
    cards = "".join(_event_card(e, marks) for e in events)
    return (f'<article class="doc" data-doc="{_e(doc_id)}"><h2>{_e(doc.get("title") or doc_id)}</h2>'
            f'<p class="docid"><code>{_e(doc_id)}</code></p><table class="fields">{meta_html}</table>'
            f'{_gone_html(marks.gone.get(doc_id, []))}'
            f'<div class="cols"><div class="text">{body or "<p><em>no text</em></p>"}</div>'
            f'<div class="events"><h3>{len(events)} events</h3>{cards}</div></div>'
            f'{_mention_table(len(mentions))}</article>')


# -- charts -----------------------------------------------------------------------------------------


def _timeline_svg(events: list[dict]) -> str:
    months: Counter[tuple[str, str]] = Counter()
    for e in events:
        if e.get("date_precision") in ("day", "month") and len(e.get("date", "")) >= 7:
            months[(e["date"][:7], e["type"])] += 1
    if not months:
        return '<p class="empty">No event has a date at month precision.</p>'
    keys = sorted({m for m, _ in months})
    first, last = keys[0], keys[-1]
    axis = []
    y, mo = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{mo:02d}" <= last:
        axis.append(f"{y:04d}-{mo:02d}")
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    totals = Counter()
    for (m, _), n in months.items():
        totals[m] += n
    top = max(totals.values())
    width, height, left, bottom = 900, 220, 30, 30
    bar = (width - left) / len(axis)
    parts = [f'<svg class="chart" id="timeline" viewBox="0 0 {width} {height + bottom}" role="img" '
             f'aria-label="events by month and type">']
    types = sorted({t for _, t in months})
    for i, m in enumerate(axis):
        y0 = height
        for t in types:
            n = months.get((m, t), 0)
            if not n:
                continue
            h = n / top * (height - 10)
            y0 -= h
            parts.append(f'<rect x="{left + i * bar:.1f}" y="{y0:.1f}" width="{max(bar - 1, 1):.1f}" height="{h:.1f}" '
                         f'fill="{EVENT_COLORS.get(t, OTHER_COLOR)}"><title>{m} {t}: {n}</title></rect>')
        to_january = (13 - int(m[5:7])) % 12
        if m.endswith("-01") or (i == 0 and (to_january == 0 or to_january * bar >= LABEL_PX or to_january >= len(axis))):
            parts.append(f'<text x="{left + i * bar:.1f}" y="{height + 18}" class="tick">{m[:4] if m.endswith("-01") else m}</text>')
    parts.append(f'<text x="0" y="12" class="tick">{top}</text><line x1="{left}" y1="{height}" x2="{width}" '
                 f'y2="{height}" stroke="#888"/></svg>')
    legend = "".join(f'<span class="key"><i style="background:{EVENT_COLORS.get(t, OTHER_COLOR)}"></i>{_e(t)}</span>'
                     for t in types)
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def _entities_svg(entities: list[dict]) -> str:
    top = sorted(entities, key=lambda e: (-int(e.get("mentions") or 0), e["entity_id"]))[:TOP_ENTITIES]
    if not top:
        return '<p class="empty">No entity.</p>'
    most = max(int(e["mentions"]) for e in top)
    row, label_w, width = 20, 300, 900
    parts = [f'<svg class="chart" id="top-entities" viewBox="0 0 {width} {row * len(top) + 4}" role="img" '
             'aria-label="most-mentioned entities">']
    for i, e in enumerate(top):
        n = int(e["mentions"])
        w = n / most * (width - label_w - 60)
        color = ENTITY_COLORS.get(e["type"], OTHER_COLOR)
        name = e.get("canonical") or e["entity_id"]
        parts.append(f'<text x="{label_w - 6}" y="{i * row + 14}" text-anchor="end" class="tick">{_e(name[:48])}</text>'
                     f'<rect x="{label_w}" y="{i * row + 3}" width="{w:.1f}" height="{row - 6}" fill="{color}">'
                     f'<title>{_e(e["entity_id"])} ({_e(e["type"])}): {n} mentions in {_e(e.get("documents"))} documents'
                     f'</title></rect><text x="{label_w + w + 4:.1f}" y="{i * row + 14}" class="tick">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


# -- the page ---------------------------------------------------------------------------------------


def _index_data(run: _Run, marks: _Marks) -> dict:
    docs, events = [], []
    for d in run.documents:
        doc_id = d["doc_id"]
        evs = run.events.get(doc_id, [])
        ms = run.mentions.get(doc_id, [])
        docs.append({"id": doc_id, "title": d.get("title", ""), "status": d.get("status", ""),
                     "published": d.get("published", ""), "year": str(run.texts.get(doc_id, {}).get("year_estimate") or ""),
                     "mentions": len(ms), "events": len(evs), "etypes": sorted({e["type"] for e in evs}),
                     "estatus": sorted({e.get("status", "") for e in evs}), "mtypes": sorted({m["type"] for m in ms}),
                     "changed": marks.docs.get(doc_id, "")})
        for e in evs:
            c = marks.by_id.get(("events", e["event_id"]))
            events.append({"id": e["event_id"], "doc": doc_id, "type": e["type"], "status": e.get("status", ""),
                           "date": e.get("date", ""), "trigger": e.get("trigger", ""),
                           "participants": " | ".join(p["canonical"] for p in e.get("participants", [])),
                           "ptypes": sorted({p["type"] for p in e.get("participants", [])}),
                           "docstatus": d.get("status", ""), "changed": c.kind if c else ""})
    return {"docs": docs, "events": events}


def _chips(group: str, label: str, counts: Counter) -> str:
    chips = "".join(f'<button type="button" class="chip" data-group="{group}" data-value="{_e(v)}">{_e(v)} '
                    f'<small>{n}</small></button>' for v, n in sorted(counts.items()) if v)
    return f'<div class="chips" data-group="{group}"><span class="glabel">{label}</span>{chips}</div>'


def _diff_html(diff: Diff | None) -> str:
    if diff is None:
        return ""
    reasons = "".join(f"<li>{_e(r)}</li>" for r in diff.reasons)
    rows = "".join(f"<tr><td>{_e(s['table'])}</td><td>{_e(s['type'])}</td><td>+{s['added']}</td>"
                   f"<td>-{s['removed']}</td><td>~{s['changed']}</td></tr>" for s in diff.summary())
    gone_docs = [c for c in diff.changes if c.table == "documents" and c.kind == "removed"]
    gone = "".join(f"<li><code>{_e(c.old_id)}</code></li>" for c in gone_docs)
    return (f'<section id="changes"><h2>Changes against <code>{_e(diff.old)}</code></h2><ul>{reasons}</ul>'
            f'<table class="grid"><tr><th>file</th><th>type</th><th>added</th><th>removed</th><th>changed</th></tr>'
            f'{rows or "<tr><td colspan=5>no record changed</td></tr>"}</table>'
            + (f"<p>Documents only in the old run:</p><ul>{gone}</ul>" if gone else "") + "</section>")


def _counts_html(run: _Run) -> str:
    status = Counter(d.get("status", "") for d in run.documents)
    mtypes = Counter(m["type"] for ms in run.mentions.values() for m in ms)
    etypes = Counter(e["type"] for es in run.events.values() for e in es)
    removed = Counter(r.get("reason", "") for rs in run.removed.values() for r in rs)

    def table(title: str, c: Counter) -> str:
        rows = "".join(f"<tr><td>{_e(k)}</td><td>{n}</td></tr>" for k, n in sorted(c.items()))
        return f'<table class="grid counts"><tr><th>{title}</th><th>{sum(c.values())}</th></tr>{rows}</table>'

    return (table("documents", status) + table("mentions", mtypes) + table("events", etypes)
            + table("removed lines", removed))


ENTITY_MEANING = {"PERSON": "person", "ORG": "organisation", "GPE": "country, province, city",
                  "LOC": "other place", "TREATY": "agreement, plan", "EVENT": "named meeting", "TERM": "term"}


def _legend() -> str:
    # Same look as a highlight, another class: the legend is never counted as a mention.
    return "".join(f'<mark class="key ent-{t}" title="{ENTITY_MEANING.get(t, "")}">{t}</mark> '
                   for t in ENTITY_COLORS)


def write_report(out_dir: str | Path, target: str | Path, against: str | Path | None = None) -> ReportStats:
    """Write the HTML review page of ``out_dir`` to ``target`` (see the module doc)."""
    out = Path(out_dir)
    if not out.is_dir():
        raise UsageError(f"{out}: not a directory; give an output directory of `vnews extract`")
    run = _Run.read(out)
    diff = diff_outputs(against, out) if against is not None else None
    marks = _Marks.of(diff)
    docs_html = "".join(
        f'<script type="text/html" id="doc-{_e(d["doc_id"])}">{_document_html(d, run, marks)}</script>'
        for d in run.documents)
    data = _index_data(run, marks)
    all_events = [e for es in run.events.values() for e in es]
    chips = (_chips("status", "document status", Counter(d["status"] for d in data["docs"]))
             + _chips("etype", "event type", Counter(e["type"] for e in data["events"]))
             + _chips("estatus", "event status", Counter(e["status"] for e in data["events"]))
             + _chips("mtype", "entity type", Counter(m["type"] for ms in run.mentions.values() for m in ms)))
    if diff is not None:
        chips += _chips("changed", "changed", Counter(d["changed"] for d in data["docs"] if d["changed"]))
    m = run.manifest
    runinfo = (f"vnews {_e(m.get('vnews', '?'))} · {len(m.get('inputs', []))} input files · "
               f"{m.get('documents', len(run.documents))} documents · config {_e(str(m.get('config_sha256', ''))[:12])}")
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    page = (PAGE.replace("{{STYLE}}", _style()).replace("{{SCRIPT}}", SCRIPT)
            .replace("{{TITLE}}", _e(f"vnews report: {out}")).replace("{{RUNINFO}}", runinfo)
            .replace("{{LEGEND}}", _legend()).replace("{{CHANGES}}", _diff_html(diff))
            .replace("{{COUNTS}}", _counts_html(run)).replace("{{TIMELINE}}", _timeline_svg(all_events))
            .replace("{{ENTITIES}}", _entities_svg(run.entities)).replace("{{CHIPS}}", chips)
            .replace("{{DATA}}", payload).replace("{{DOCS}}", docs_html))
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{target}: cannot write the report ({exc.strerror}); choose another --html path") from exc
    return ReportStats(len(run.documents), sum(len(v) for v in run.mentions.values()), len(all_events),
                       len(diff.changes) if diff else 0, len(page.encode("utf-8")))


def _style() -> str:
    colors = "".join(f".ent-{t}{{background:{c}}}" for t, c in ENTITY_COLORS.items())
    cards = "".join(f".ev-{t} .etype{{background:{c};color:#fff}}" for t, c in EVENT_COLORS.items())
    return STYLE + colors + cards


STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header,main{padding:0 1.5rem}header{background:#263238;color:#eee;padding:.6rem 1.5rem}header h1{margin:0;font-size:1.3rem}
header a{color:#9cf}code{font-size:.85em;color:#555}.runinfo{font-size:.85em;color:#bbb}
section{margin:1rem 0}.counts{display:inline-table;margin:0 1rem 1rem 0;vertical-align:top}
table.grid{border-collapse:collapse;font-size:.9em}table.grid td,table.grid th{border:1px solid #ddd;padding:2px 6px;text-align:left}
table.grid tr:nth-child(even){background:#f2f2f2}.chips{margin:.3rem 0}.glabel{display:inline-block;width:9em;color:#666;font-size:.85em}
.chip{border:1px solid #bbb;background:#fff;border-radius:1em;padding:1px 10px;margin:2px;cursor:pointer;font:inherit;font-size:.85em}
.chip.active{background:#263238;color:#fff;border-color:#263238}.pager{margin:.4rem 0;font-size:.9em}.pager button{font:inherit}
mark.entity{padding:.1em .3em;margin:0 .1em;line-height:1.9;border-radius:.35em;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.entity .lbl{font-size:.65em;font-weight:bold;margin-left:.35em;vertical-align:middle;opacity:.75}
mark.key{padding:.05em .4em;border-radius:.35em;font-size:.8em;font-weight:bold}
mark.entity mark.entity{border:1px solid rgba(0,0,0,.35)}
.evidence{background:linear-gradient(transparent 88%,#e15759 88%)}
.legend{margin:.3rem 0}.legend .key{margin-right:1em;font-size:.85em}.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
.chart{width:100%;max-width:900px;background:#fff;border:1px solid #ddd}.tick{font-size:11px;fill:#444}
.doc .cols{display:flex;gap:1.5rem;align-items:flex-start}.doc .text{flex:3;background:#fff;padding:.5rem 1rem;border:1px solid #ddd}
.doc .events{flex:2}.para{margin:.5rem 0}.kind-title{font-weight:bold;font-size:1.1em}.kind-caption{font-style:italic;color:#555}
.pno{color:#aaa;font-size:.75em;margin-right:.5em}.removed{color:#999;margin:.3rem 0;font-size:.9em}
.removed del{text-decoration:line-through}.reason{background:#eee;color:#555;border-radius:.3em;padding:0 .4em;font-size:.85em}
.card{background:#fff;border:1px solid #ddd;border-radius:.4em;padding:.4rem .7rem;margin-bottom:.7rem}
.card h4{margin:.1rem 0 .3rem;font-size:.95em}.etype{border-radius:.3em;padding:0 .4em}
table.fields th{text-align:left;color:#666;font-weight:normal;padding-right:1em;vertical-align:top}table.fields{font-size:.9em}
.parts{margin:.2rem 0;padding-left:1.2em;font-size:.9em}.role{color:#666;font-size:.85em}.evidences{font-size:.9em;padding-left:1.4em}
.trigger{background:#ffe08a}.chg{outline:2px solid #e15759;outline-offset:1px}.chg-added{outline-color:#59a14f}
tr.chg-added{background:#e3f4df!important}tr.chg-changed{background:#fde2e2!important}.change{color:#b03030;font-size:.85em;margin:.1rem 0}
.gone{background:#fff4f4;border:1px solid #f3c0c0;padding:.3rem .8rem;margin:.5rem 0}.why{color:#777;font-size:.85em}
.flag{font-size:.75em;border-radius:.3em;padding:0 .3em;background:#fde2e2;color:#b03030}.flag.added{background:#e3f4df;color:#2d6a26}
#doc-page nav{margin:.6rem 0}.hidden{display:none}
"""

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>{{TITLE}}</title><style>{{STYLE}}</style></head>
<body><header><h1><a href="#">vnews review</a></h1><div class="runinfo">{{RUNINFO}}</div></header>
<main>
<div id="index-page">
{{CHANGES}}
<section id="counts"><h2>Counts</h2>{{COUNTS}}</section>
<section><h2>Events by month and type</h2>{{TIMELINE}}</section>
<section><h2>Most-mentioned entities</h2>{{ENTITIES}}</section>
<section id="filters"><h2>Filters</h2>{{CHIPS}}<div class="chips"><span class="glabel">search</span>
<input id="search" type="search" placeholder="id, title, trigger, participant"></div>
<p class="legend">Entity types: {{LEGEND}}</p></section>
<section><h2>Documents <small id="doc-count"></small></h2><div class="pager" id="doc-pager"></div>
<table class="grid" id="doc-table"><thead><tr><th>document</th><th>title</th><th>status</th><th>published</th>
<th>mentions</th><th>events</th><th>event types</th></tr></thead><tbody></tbody></table></section>
<section><h2>Events <small id="ev-count"></small></h2><div class="pager" id="ev-pager"></div>
<table class="grid" id="ev-table"><thead><tr><th>date</th><th>type</th><th>status</th><th>trigger</th>
<th>participants</th><th>document</th></tr></thead><tbody></tbody></table></section>
</div>
<div id="doc-page" class="hidden"><nav><a href="#">← index</a> · <span class="legend">{{LEGEND}}</span>
· <span class="evidence">evidence of an event</span> · <del>removed line</del></nav><div id="doc-view"></div></div>
</main>
<script type="application/json" id="index-data">{{DATA}}</script>
{{DOCS}}
<script>{{SCRIPT}}</script>
</body></html>
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("index-data").textContent);
  var PAGE = {doc: 50, ev: 100};
  var state = {filters: {}, search: "", page: {doc: 0, ev: 0}};
  function esc(s) {
    return String(s === undefined || s === null ? "" : s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function has(list, v) { return list.indexOf(v) >= 0; }
  function docMatches(d) {
    var f = state.filters;
    if (f.status && d.status !== f.status) return false;
    if (f.etype && !has(d.etypes, f.etype)) return false;
    if (f.estatus && !has(d.estatus, f.estatus)) return false;
    if (f.mtype && !has(d.mtypes, f.mtype)) return false;
    if (f.changed && d.changed !== f.changed) return false;
    if (state.search && (d.id + " " + d.title).toLowerCase().indexOf(state.search) < 0) return false;
    return true;
  }
  function eventMatches(e) {
    var f = state.filters;
    if (f.status && e.docstatus !== f.status) return false;
    if (f.etype && e.type !== f.etype) return false;
    if (f.estatus && e.status !== f.estatus) return false;
    if (f.mtype && !has(e.ptypes, f.mtype)) return false;
    if (f.changed && e.changed !== f.changed && !(f.changed === "changed" && e.changed)) return false;
    if (state.search && (e.id + " " + e.trigger + " " + e.participants).toLowerCase().indexOf(state.search) < 0) return false;
    return true;
  }
  function docLink(id) { return '<a href="#doc=' + encodeURIComponent(id) + '">' + esc(id) + "</a>"; }
  function flag(c) { return c ? ' <span class="flag ' + esc(c) + '">' + esc(c) + "</span>" : ""; }
  var rows = {
    doc: function (d) {
      return '<tr data-status="' + esc(d.status) + '"><td>' + docLink(d.id) + flag(d.changed) + "</td><td>" + esc(d.title) +
        "</td><td>" + esc(d.status) + "</td><td>" + esc(d.published || (d.year ? "~" + d.year : "")) + "</td><td>" +
        d.mentions + "</td><td>" + d.events + "</td><td>" + esc(d.etypes.join(", ")) + "</td></tr>";
    },
    ev: function (e) {
      return '<tr data-type="' + esc(e.type) + '" data-status="' + esc(e.status) + '"><td>' + esc(e.date) + "</td><td>" +
        esc(e.type) + flag(e.changed) + "</td><td>" + esc(e.status) + "</td><td>" + esc(e.trigger) + "</td><td>" +
        esc(e.participants) + '</td><td><a href="#doc=' + encodeURIComponent(e.doc) + "&ev=" + encodeURIComponent(e.id) +
        '">' + esc(e.doc) + "</a></td></tr>";
    }
  };
  function draw(kind, list) {
    var size = PAGE[kind], pages = Math.max(1, Math.ceil(list.length / size));
    if (state.page[kind] >= pages) state.page[kind] = pages - 1;
    var p = state.page[kind], slice = list.slice(p * size, (p + 1) * size);
    document.querySelector("#" + kind + "-table tbody").innerHTML = slice.map(rows[kind]).join("");
    document.getElementById(kind + "-count").textContent = "(" + list.length + ")";
    var pager = document.getElementById(kind + "-pager");
    pager.innerHTML = pages > 1 ? '<button type="button" data-step="-1"' + (p ? "" : " disabled") + ">‹ previous</button> page " +
      (p + 1) + " of " + pages + ' <button type="button" data-step="1"' + (p + 1 < pages ? "" : " disabled") + ">next ›</button>" : "";
    pager.onclick = function (ev) {
      var step = ev.target.getAttribute("data-step");
      if (step) { state.page[kind] += Number(step); refresh(); }
    };
  }
  function refresh() {
    draw("doc", data.docs.filter(docMatches));
    draw("ev", data.events.filter(eventMatches));
  }
  document.querySelectorAll(".chip").forEach(function (chip) {
    chip.addEventListener("click", function () {
      var g = chip.getAttribute("data-group"), v = chip.getAttribute("data-value");
      var on = state.filters[g] !== v;
      state.filters[g] = on ? v : "";
      document.querySelectorAll('.chip[data-group="' + g + '"]').forEach(function (c) { c.classList.remove("active"); });
      if (on) chip.classList.add("active");
      state.page = {doc: 0, ev: 0};
      refresh();
    });
  });
  document.getElementById("search").addEventListener("input", function (ev) {
    state.search = ev.target.value.trim().toLowerCase();
    state.page = {doc: 0, ev: 0};
    refresh();
  });
  function describeMentions(view) {
    var out = [];
    view.querySelectorAll(".text mark.entity").forEach(function (m) {
      var lbl = m.querySelector(":scope > .lbl"), clone = m.cloneNode(true);
      clone.querySelectorAll(".lbl").forEach(function (x) { x.remove(); });
      var text = clone.textContent;
      var e = m.getAttribute("data-e"), c = m.getAttribute("data-c") || text, how = m.getAttribute("data-m");
      var chg = m.getAttribute("data-chg") || "", where = m.getAttribute("data-mention").split(":").slice(-2).join(":");
      m.title = e + " · " + c + " · " + how + (chg ? " [" + chg + "]" : "");
      out.push('<tr class="' + esc(m.classList.contains("chg") ? "chg-" + (m.classList.contains("chg-added") ? "added" : "changed") : "") +
        '"><td>¶' + esc(where) + "</td><td>" + esc(text) + "</td><td>" + esc(lbl ? lbl.textContent : "") + "</td><td><code>" + esc(e) +
        "</code></td><td>" + esc(c) + "</td><td>" + esc(how) + "</td><td>" + esc(chg) + "</td></tr>");
    });
    var body = view.querySelector(".mentions tbody");
    if (body) body.innerHTML = out.join("");
  }
  function route() {
    var h = location.hash.replace(/^#/, ""), params = {};
    h.split("&").forEach(function (kv) { var i = kv.indexOf("="); if (i > 0) params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); });
    var index = document.getElementById("index-page"), page = document.getElementById("doc-page");
    var src = params.doc !== undefined ? document.getElementById("doc-" + params.doc) : null;
    if (src) {
      var view = document.getElementById("doc-view");
      view.innerHTML = src.textContent;
      describeMentions(view);
      index.classList.add("hidden");
      page.classList.remove("hidden");
      var target = params.ev ? document.getElementById("ev-" + params.ev) : null;
      if (target) target.scrollIntoView(); else window.scrollTo(0, 0);
    } else if (!h || params.doc !== undefined) {
      page.classList.add("hidden");
      index.classList.remove("hidden");
      document.getElementById("doc-view").innerHTML = "";
    }
  }
  window.addEventListener("hashchange", route);
  refresh();
  route();
})();
"""
