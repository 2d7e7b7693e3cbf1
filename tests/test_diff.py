"""`vnews diff`: record-by-record changes between two output directories, with their reasons.

Each test copies the committed outputs/ of corpus/ and edits the copy the way a new run would."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.review.diff import diff_outputs, manifest_reasons

from conftest import ROOT

COMMITTED = ROOT / "outputs"


def copy(tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    shutil.copytree(COMMITTED, out, ignore=shutil.ignore_patterns(".cache", "run.json", ".tmp*"))
    return out


def rewrite(path: Path, edit) -> None:
    """Apply ``edit(rows, header)`` to a CSV, keeping the writer's format."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = list(reader.fieldnames or []), list(reader)
    header = edit(rows, header) or header
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_same_directory_is_equal_and_says_nothing_differs(tmp_path):
    d = diff_outputs(COMMITTED, copy(tmp_path, "b"))
    assert d.equal and d.changes == []
    assert d.reasons == ["nothing differs: the two manifests agree, outputs included"]
    assert "no record changed" in d.to_text()


def test_shifted_mentions_are_changes_not_removals_and_additions(tmp_path):
    new = copy(tmp_path, "new")
    doc = "002_80fa98daa23ce963"

    def shift(rows, header):
        for r in rows:
            if r["doc_id"] == doc and r["paragraph"] == "4":
                r["start"], r["end"] = str(int(r["start"]) + 3), str(int(r["end"]) + 3)
                r["mention_id"] = f"{doc}:4:{r['start']}-{r['end']}"

    rewrite(new / "mentions.csv", shift)
    moved = pd.read_csv(COMMITTED / "mentions.csv", keep_default_na=False)
    n = int(((moved.doc_id == doc) & (moved.paragraph == 4)).sum())
    d = diff_outputs(COMMITTED, new)
    assert n > 0 and len(d.changes) == n
    assert {c.kind for c in d.changes} == {"changed"}
    assert all(set(c.fields) == {"start", "end"} for c in d.changes)
    assert all(c.old_id != c.new_id for c in d.changes)
    assert d.summary() == [{"table": "mentions", "type": t, "added": 0, "removed": 0, "changed": k}
                           for t, k in sorted(moved[(moved.doc_id == doc) & (moved.paragraph == 4)]
                                              .type.value_counts().items())]


def test_reresolved_mention_names_the_gazetteer_row_and_method(tmp_path):
    new = copy(tmp_path, "new")

    def reresolve(rows, header):
        for r in rows:
            if r["entity_id"] == "org:monre":
                r["entity_id"], r["canonical"] = "org:mae", "Bộ Nông nghiệp và Môi trường"

    rewrite(new / "mentions.csv", reresolve)
    manifest = json.loads((new / "manifest.json").read_text())
    committed = manifest["gazetteers"]["org.csv"][:12]  # the digest of the committed org.csv
    manifest["gazetteers"]["org.csv"] = "0" * 64
    (new / "manifest.json").write_text(json.dumps(manifest))
    d = diff_outputs(COMMITTED, new)
    assert d.reasons[0].startswith(f"gazetteer org.csv changed ({committed} → 000000000000)")
    changed = [c for c in d.changes if c.table == "mentions"]
    assert changed and all(c.kind == "changed" and c.fields["entity_id"] == ["org:monre", "org:mae"] for c in changed)
    assert "gazetteer org.csv row org:mae (file changed)" in changed[0].why
    assert changed[0].why[0].startswith("method gazetteer")
    text = d.to_text()
    assert text.index("Why") < text.index("Summary") < text.index("mentions:")


def test_event_date_refined_and_participant_added(tmp_path):
    new = copy(tmp_path, "new")
    target = "002_80fa98daa23ce963:E7:412"  # CONFERENCE dated 2024-03 ("tháng 3/2024")
    rewrite(new / "events.csv", lambda rows, h: [r.update(date="2024-03-24", date_precision="day")
                                                 for r in rows if r["event_id"] == target] and None)

    def add(rows, header):
        rows.append({"event_id": target, "entity_id": "gpe:kr", "canonical": "Hàn Quốc", "type": "GPE",
                     "role": "participant"})

    rewrite(new / "event_participants.csv", add)
    d = diff_outputs(COMMITTED, new)
    [c] = d.changes
    assert (c.table, c.kind, c.type, c.old_id, c.new_id) == ("events", "changed", "CONFERENCE", target, target)
    assert c.fields["date"] == ["2024-03", "2024-03-24"]
    assert c.fields["date_precision"] == ["month", "day"]
    old_parts, new_parts = c.fields["participant_ids"]
    assert set(new_parts.split(" | ")) - set(old_parts.split(" | ")) == {"gpe:kr (participant)"}
    assert "date from «tháng 3/2024»" in c.why


def test_event_with_a_shifted_trigger_is_matched_on_its_evidence(tmp_path):
    new = copy(tmp_path, "new")
    old_id = "002_80fa98daa23ce963:E7:412"

    def move(rows, header):
        for r in rows:
            if r["event_id"] == old_id:
                r["event_id"] = "002_80fa98daa23ce963:E7:415"

    for name in ("events.csv", "event_participants.csv"):
        rewrite(new / name, move)
    d = diff_outputs(COMMITTED, new)
    assert [(c.kind, c.fields) for c in d.changes] == [
        ("changed", {"event_id": [old_id, "002_80fa98daa23ce963:E7:415"]})]


def test_documents_status_removed_lines_and_added_column(tmp_path):
    new = copy(tmp_path, "new")
    doc = "000_075b4f3a027d94d0"

    def status(rows, header):
        for r in rows:
            r["note"] = ""  # a column the committed outputs do not have
            if r["doc_id"] == doc:
                r["status"], r["error"] = "error", "internal error in tag"
        return [*header, "note"]

    rewrite(new / "documents.csv", status)
    rewrite(new / "removed.csv", lambda rows, h: rows.pop(0) and None)
    d = diff_outputs(COMMITTED, new)
    assert "documents.csv gained column note" in d.reasons
    docs = [c for c in d.changes if c.table == "documents"]
    assert len(docs) == 1 and docs[0].fields["status"] == ["ok", "error"]
    assert docs[0].why == ["error: internal error in tag"]
    removed = [c for c in d.changes if c.table == "removed"]
    assert len(removed) == 1 and removed[0].kind == "removed" and removed[0].doc_id == doc


def test_manifest_reasons_name_code_config_gazetteer_and_input():
    old = {"vnews": "0.1.0", "config_sha256": "a" * 64, "gazetteers": {"org.csv": "1" * 64, "gpe.csv": "2" * 64},
           "inputs": [{"path": "corpus/a.txt", "sha256": "3" * 64}], "code_sha256": "x", "outputs": {}}
    new = {"vnews": "0.2.0", "config_sha256": "b" * 64, "gazetteers": {"org.csv": "4" * 64, "loc.csv": "5" * 64},
           "inputs": [{"path": "corpus/a.txt", "sha256": "6" * 64}, {"path": "corpus/b.txt", "sha256": "7"}],
           "code_sha256": "y", "outputs": {"x": 1}}
    old["libraries"], new["libraries"] = {"spacy": "3.8.2", "pandas": "2.2"}, {"spacy": "3.8.3", "pandas": "2.2"}
    assert manifest_reasons(old, new) == [
        "code version changed (0.1.0 → 0.2.0)",
        "config changed (aaaaaaaaaaaa → bbbbbbbbbbbb)",
        "gazetteer gpe.csv removed",
        "gazetteer loc.csv added",
        "gazetteer org.csv changed (111111111111 → 444444444444)",
        "input corpus/a.txt changed (333333333333 → 666666666666)",
        "input corpus/b.txt added",
        'manifest field code_sha256 changed ("x" → "y")',
        "libraries: spacy changed (3.8.2 → 3.8.3)",
    ]
    assert manifest_reasons({**old}, {**old, "outputs": {"x": 2}})[0].startswith("none recorded")


def test_cli_exit_codes_and_formats(tmp_path):
    runner = CliRunner()
    same = runner.invoke(app, ["diff", str(COMMITTED), str(copy(tmp_path, "same"))])
    assert same.exit_code == 0, same.output
    new = copy(tmp_path, "new")
    rewrite(new / "entities.csv", lambda rows, h: rows.pop() and None)
    r = runner.invoke(app, ["diff", str(COMMITTED), str(new), "--format", "json"])
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["equal"] is False and [c["kind"] for c in data["changes"]] == ["removed"]
    assert data["summary"][0]["table"] == "entities" and data["summary"][0]["removed"] == 1
    md = runner.invoke(app, ["diff", str(COMMITTED), str(new), "--format", "markdown"])
    assert md.exit_code == 1 and "## Summary" in md.stdout and "| entities |" in md.stdout
    only_manifest = copy(tmp_path, "config")
    m = json.loads((only_manifest / "manifest.json").read_text())
    m["config_sha256"] = "f" * 64  # a config change that changed no record
    (only_manifest / "manifest.json").write_text(json.dumps(m))
    r = runner.invoke(app, ["diff", str(COMMITTED), str(only_manifest)])
    assert r.exit_code == 0 and "config changed" in r.stdout and "no record changed" in r.stdout
    assert runner.invoke(app, ["diff", str(COMMITTED), str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(app, ["diff", str(COMMITTED), str(tmp_path)]).exit_code == 2  # not an output dir
    assert runner.invoke(app, ["diff", str(COMMITTED), str(new), "--format", "yaml"]).exit_code == 2


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_diff(tmp_path):
    import subprocess

    def make(*args):
        return subprocess.run(["make", "--no-print-directory", "diff", *args], cwd=ROOT, capture_output=True, text=True)

    same = make(f"OLD={COMMITTED}", f"NEW={copy(tmp_path, 'same')}", "FORMAT=markdown")
    assert same.returncode == 0 and "No record changed." in same.stdout
    usage = make(f"OLD={COMMITTED}")
    assert usage.returncode == 2 and "usage: make diff OLD=dir NEW=dir" in usage.stderr


def test_reviewing_a_gazetteer_change_end_to_end(tmp_path):
    """The README's three commands: keep the old outputs, extract with the edited gazetteer, diff."""
    gaz = tmp_path / "gazetteers"
    shutil.copytree(ROOT / "gazetteers", gaz, ignore=shutil.ignore_patterns("src"))
    org = gaz / "org.csv"
    text = org.read_text(encoding="utf-8")
    assert "org:vna,ORG,Thông tấn xã Việt Nam," in text
    org.write_text(text.replace("org:vna,ORG,Thông tấn xã Việt Nam,", "org:vna,ORG,Thông tấn xã Việt Nam (TTXVN),"),
                   encoding="utf-8")
    import os

    cwd = Path.cwd()
    os.chdir(ROOT)  # inputs are recorded as given, as `make extract` does
    try:
        r = CliRunner().invoke(app, ["extract", "corpus", "--out", str(tmp_path / "new"), "--gazetteers", str(gaz)])
    finally:
        os.chdir(cwd)
    assert r.exit_code == 0, r.output
    d = diff_outputs(COMMITTED, tmp_path / "new")
    assert d.reasons == [d.reasons[0]] and d.reasons[0].startswith("gazetteer org.csv changed")
    assert {(c.table, c.kind) for c in d.changes} == {("mentions", "changed"), ("entities", "changed")}
    ent = [c for c in d.changes if c.table == "entities"]
    assert ent[0].fields == {"canonical": ["Thông tấn xã Việt Nam", "Thông tấn xã Việt Nam (TTXVN)"]}
    assert ent[0].why == ["gazetteer org.csv row org:vna (file changed)"]
