"""Corruption run: the whole pipeline on ../shared/bench with random corruption injected into a
share of the documents (seeded), then the checks: documents in = documents out, and errors only
where corruption was injected.

    python scripts/fuzz.py ../shared/bench [--rate 0.05] [--seed 7] [--limit 0]

Corruptions: binary garbage, truncation inside a UTF-8 sequence, cp1258 re-encoding, UTF-16,
a TCVN3 legacy-font look-alike, an HTML soup, NFD decomposition, CR-only line ends, an empty
``# doc_id =`` header, a broken JSON line, a JSON line without text, an empty file; and the
hostile bytes of issue #12: a lone surrogate, JSON nested 100 000 deep, a 5 000-digit id, line-end
characters (CR, U+2028, …) inside metadata fields, a formula as url, an impossible published date. Some are repaired by vnews (encodings, HTML, NFD), some must become
``error`` or ``empty`` rows; none may crash the run or lose a document. Exit 1 when a check fails.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from pipeline.config import load_config  # noqa: E402
from pipeline.runner import extract  # noqa: E402

# Legacy-font text as a Windows code page shows it: every Vietnamese letter is another glyph.
_GLYPHS = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞß«¬"
_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
TCVN3 = str.maketrans({c: _GLYPHS[i % len(_GLYPHS)] for i, c in enumerate(_VIETNAMESE + _VIETNAMESE.upper())})


def corrupt_text(kind: str, text: str, rng: random.Random) -> bytes:
    if kind == "binary":
        return bytes(rng.randrange(256) for _ in range(400)) + b"\x00"
    if kind == "truncated-utf8":
        data = text.encode()
        cut = next((i for i in range(len(data) // 2, len(data)) if data[i] >= 0xC0), len(data) // 2) + 1
        return data[:cut]
    if kind == "cp1258":
        return unicodedata.normalize("NFD", text).encode("cp1258", errors="replace")
    if kind == "utf16":
        return text.encode("utf-16")
    if kind == "tcvn3":
        return text.translate(TCVN3).encode("utf-8")
    if kind == "html":
        return ("<div>" + "".join(f"<p>{line}&nbsp;</p>" for line in text.splitlines()) + "</div>").encode()
    if kind == "nfd":
        return unicodedata.normalize("NFD", text).encode()
    if kind == "empty":
        return b""
    if kind == "cr-only":
        return text.replace("\r\n", "\n").replace("\n", "\r").encode()
    raise ValueError(kind)


FILE_KINDS = ["binary", "truncated-utf8", "cp1258", "utf16", "tcvn3", "html", "nfd", "empty", "cr-only", "empty-id"]
LINE_KINDS = ["broken-json", "no-text", "tcvn3", "html", "nfd", "surrogate", "deep-json", "huge-id",
              "line-ends-in-fields", "formula", "bad-published"]
# Corruptions vnews repairs or tolerates: the document must come out without an error.
REPAIRED = {"cp1258", "utf16", "html", "nfd", "cr-only", "empty-id", "line-ends-in-fields", "formula", "bad-published"}


def corrupt_line(kind: str, record: dict, lineno: int, rng: random.Random) -> tuple[str, str]:
    """(the JSONL line, the doc_id it must come out as) for a line-level corruption."""
    doc_id = record["id"]
    if kind == "surrogate":
        line = json.dumps({**record, "text": record["text"][:200] + "\ud800"})  # ASCII-escaped: a lone surrogate
    elif kind == "deep-json":
        line, doc_id = "[" * 100_000, f"baomoi:{lineno}"
    elif kind == "huge-id":
        line, doc_id = '{"id": ' + "9" * 5000 + ', "text": "x"}', f"baomoi:{lineno}"
    elif kind == "line-ends-in-fields":
        br = rng.choice(["\r", "\n", "\r\n", "\u2028", "\x85", "\x0b"])
        line = json.dumps({**record, "title": f"{record.get('title', '')}{br}tiếp", "source": f"Báo{br}Mới"},
                          ensure_ascii=False)
    elif kind == "formula":
        line = json.dumps({**record, "url": '=HYPERLINK("http://evil.example","x")'}, ensure_ascii=False)
    elif kind == "bad-published":
        line = json.dumps({**record, "published": rng.choice(["2017-02-30", "9999-99-99", 10 ** 30, {"a": 1}, -5000])},
                          ensure_ascii=False)
    else:
        raise ValueError(kind)
    return line + "\n", doc_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (0 = all)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corrupted: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="vnews-fuzz-") as tmp:
        dump = Path(tmp) / "dump"
        (dump / "dantri").mkdir(parents=True)
        expected: list[str] = []
        files = sorted((args.bench / "dantri-2020-2021").glob("*.txt"))
        for path in files[: args.limit or None]:
            doc_id = path.stem
            for line in path.read_text(encoding="utf-8").splitlines()[:3]:
                if line.startswith("# doc_id ="):
                    doc_id = line.split("=", 1)[1].strip()
            target = dump / "dantri" / path.name
            if rng.random() < args.rate:
                kind = rng.choice(FILE_KINDS)
                text = path.read_text(encoding="utf-8")
                header, body = (text.split("\n", 3)[:3], text.split("\n", 3)[3]) if text.startswith("#") else ([], text)
                data = corrupt_text(kind if kind != "empty-id" else "nfd", body, rng)
                if kind == "empty-id":  # "# doc_id = " keeps the path id
                    header = ["# doc_id = "] + [h for h in header if not h.startswith("# doc_id")]
                    doc_id = f"dantri/{path.stem}"
                # Corrupting the header would change the id; keep it readable unless the file is binary.
                if header and kind not in ("binary", "utf16", "cp1258", "truncated-utf8"):
                    data = ("\n".join(header) + "\n").encode() + data
                elif kind in ("utf16", "cp1258", "truncated-utf8"):
                    doc_id = f"dantri/{path.stem}"
                    data = corrupt_text(kind, body, rng)
                if kind == "binary":
                    doc_id = f"dantri/{path.stem}"
                target.write_bytes(data)
                corrupted[doc_id] = kind
            else:
                target.write_bytes(path.read_bytes())
            expected.append(doc_id)
        with (args.bench / "baomoi-2017.jsonl").open(encoding="utf-8") as src, \
                (dump / "baomoi.jsonl").open("w", encoding="utf-8") as dst:
            for lineno, line in enumerate(src, 1):
                if args.limit and lineno > args.limit:
                    break
                record = json.loads(line)
                doc_id = record["id"]
                if rng.random() < args.rate:
                    kind = rng.choice(LINE_KINDS)
                    if kind == "broken-json":
                        line = line[: len(line) // 2] + "\n"
                        doc_id = f"baomoi:{lineno}"
                    elif kind == "no-text":
                        line = json.dumps({"id": doc_id, "title": record.get("title", "")}, ensure_ascii=False) + "\n"
                    elif kind not in ("tcvn3", "html", "nfd"):
                        line, doc_id = corrupt_line(kind, record, lineno, rng)
                    else:
                        record["text"] = corrupt_text(kind, record["text"], rng).decode("utf-8", errors="replace")
                        line = json.dumps(record, ensure_ascii=False) + "\n"
                    corrupted[doc_id] = kind
                dst.write(line)
                expected.append(doc_id)
        out = Path(tmp) / "out"
        summary = extract([str(dump)], out, load_config(run={"workers": args.workers, "cache_dir": ""}))
        docs = pd.read_csv(out / "documents.csv", keep_default_na=False, dtype=str)
        with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
            csv_rows = sum(1 for _ in csv.DictReader(fh))
        mention_ids = pd.read_csv(out / "mentions.csv", keep_default_na=False, dtype=str)["mention_id"]
    got = Counter(docs["doc_id"])
    missing = sorted(set(expected) - set(got))
    doubled = sorted(d for d, n in got.items() if n > 1)
    errors = docs[docs["status"] == "error"]
    unexpected = sorted(set(errors["doc_id"]) - {d for d, k in corrupted.items() if k not in REPAIRED})
    broken_csv = csv_rows != len(docs)
    doubled_mentions = int(mention_ids.duplicated().sum())
    print(f"documents in: {len(expected)}, out: {len(docs)}; corrupted: {len(corrupted)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(corrupted.values()).items()))})")
    print(f"summary: {summary.line()}")
    by_kind = Counter((corrupted[d], s) for d, s in zip(docs["doc_id"], docs["status"]) if d in corrupted)
    for (kind, status), n in sorted(by_kind.items()):
        print(f"  {kind:<15} -> {status:<9} {n}")
    ok = (not missing and not doubled and not unexpected and len(docs) == len(expected)
          and not broken_csv and not doubled_mentions)
    if broken_csv:
        print(f"CSV BROKEN: csv module reads {csv_rows} rows, pandas {len(docs)}")
    if doubled_mentions:
        print(f"DUPLICATE MENTION IDS: {doubled_mentions}")
    if missing:
        print(f"MISSING {len(missing)}: {missing[:10]}")
    if doubled:
        print(f"DOUBLED {len(doubled)}: {doubled[:10]}")
    if unexpected:
        print(f"ERRORS WITHOUT CORRUPTION {len(unexpected)}: {unexpected[:10]}")
        print(errors[errors["doc_id"].isin(unexpected)]["error"].head(5).to_string())
    print("fuzz: " + ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
