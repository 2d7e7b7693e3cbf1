"""The README's accuracy table is what `vnews eval --run` gives at this code: every cell of every column
(dev, held-out, the tuned-on batches and the newest blind batch) is recomputed, so a rule change that moves
a figure without the table being rewritten fails here rather than in a reader's hands."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from pipeline.config import load_config
from pipeline.eval import run_eval

_HEADER = re.compile(r"^\| \| (.*`eval/gold`.*) \|$", re.M)
_FOLDER = re.compile(r"`eval/([\w-]+)`")
_CELL = re.compile(r"^([\d.]+) / ([\d.]+) / \*\*([\d.]+)\*\*(?: \((\d+) gold\))?$")
_TYPES = ("PERSON", "ORG", "GPE", "LOC", "TREATY", "EVENT", "TERM")


def _table() -> tuple[list[str], dict[str, list[str]]]:
    """The folders of the table's columns and its rows (label -> cells), read from the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    header = _HEADER.search(readme)
    assert header, "README: the accuracy table (a header naming `eval/gold`) is gone"
    folders = [_FOLDER.search(col).group(1) for col in header.group(1).split(" | ")]
    rows: dict[str, list[str]] = {}
    for line in readme[header.end():].lstrip("\n").splitlines()[1:]:
        if not line.startswith("| "):
            break
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        rows[cells[0].strip("* ")] = cells[1:]
    return folders, rows


def _expected(cell: str) -> tuple[float, float, float, int | None] | None:
    """A cell's P, R, F1 (and the gold count it gives when under ten), or None for a type without gold."""
    if cell == "— (0 gold)":
        return None
    m = _CELL.match(cell)
    assert m, f"README accuracy table: cannot read the cell {cell!r}"
    return float(m[1]), float(m[2]), float(m[3]), int(m[4]) if m[4] else None


@pytest.mark.parametrize("column", range(len(_table()[0])))
def test_the_readme_accuracy_table_is_what_eval_gives(column, bench_root):
    folders, rows = _table()
    assert set(rows) >= {*_TYPES, "entities, micro", "events, micro"}, sorted(rows)
    report = run_eval(ROOT / "eval" / folders[column], run=True, bench_root=bench_root, config=load_config(),
                      baseline=False, repo_root=ROOT).to_json()["system"]
    measured = {**{t: report["entities"][t] for t in _TYPES}, "entities, micro": report["entities_micro"],
                "events, micro": report["events_micro"]}
    for label, figures in measured.items():
        given = _expected(rows[label][column])
        if given is None:
            assert figures["gold"] == 0, (folders[column], label)
            continue
        got = (figures["precision"], figures["recall"], figures["f1"])
        assert all(abs(g - m) <= 0.0006 for g, m in zip(given[:3], got)), (folders[column], label, given, got)
        if given[3] is not None:
            assert given[3] == figures["gold"], (folders[column], label)
        else:
            assert figures["gold"] >= 10 or label.endswith("micro"), (folders[column], label, figures["gold"])
