"""Duplicates found before extraction, the cache (never changes outputs, re-tags on a gazetteer
change without re-segmenting, --no-cache), Ctrl-C, the progress total."""

import gzip
import json
import shutil

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import load_config
from pipeline.errors import RunInterrupted
from pipeline.io.count import count_documents
from pipeline.runner import extract
from pipeline.stages.segment import Segmenter

from conftest import TEST_GAZ

ARTICLE = ("Bộ trưởng Trần Hồng Hà gặp Bộ trưởng Tsuyoshi Yamaguchi tại Tokyo ngày 24/11 để bàn về "
           "hợp tác môi trường giữa hai nước trong giai đoạn mới.")


def _dump(root, extra=()):
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.txt").write_text(f"Việt Nam và Nhật Bản đối thoại\n{ARTICLE}\n", encoding="utf-8")
    (root / "b.txt").write_text(f"Việt Nam và Nhật Bản đối thoại\n{ARTICLE}\n", encoding="utf-8")  # copy of a
    (root / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "Hai bên ký kết thỏa thuận về khí hậu tại Hà Nội."}, ensure_ascii=False)
        + "\n\n" + json.dumps({"id": "c2", "text": "Bộ trưởng Trần Hồng Hà phát biểu tại hội nghị."},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    for name, text in extra:
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def segmented(monkeypatch):
    """doc_ids the segmenter is called on, in this process (one worker)."""
    seen: list[str] = []
    original = Segmenter.__call__

    def spy(self, doc):
        seen.append(doc.doc_id)
        return original(self, doc)

    monkeypatch.setattr(Segmenter, "__call__", spy)
    return seen


def _cfg(gaz=TEST_GAZ, cache=".cache"):
    return load_config(tag={"gazetteers": str(gaz)}, run={"cache_dir": cache})


def _outputs(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "run.json"}


def test_a_copy_is_marked_before_it_is_segmented(tmp_path, segmented):
    summary = extract([str(_dump(tmp_path / "d"))], tmp_path / "o", _cfg(cache=""))
    assert summary.counts["duplicate"] == 1
    assert sorted(segmented) == ["a", "c1", "c2"]  # b, the copy of a, never reached the segmenter
    docs = [json.loads(line) for line in (tmp_path / "o" / "documents.jsonl").read_text().splitlines()]
    b = next(d for d in docs if d["doc_id"] == "b")
    assert (b["status"], b["duplicate_of"], b["sentences"]) == ("duplicate", "a", 0)
    assert b["paragraphs"] and all(p["sentences"] == [] for p in b["paragraphs"])


def test_cache_never_changes_outputs_and_reruns_extract_nothing(tmp_path, segmented):
    dump = _dump(tmp_path / "d")
    extract([str(dump)], tmp_path / "plain", _cfg(cache=""))
    first = extract([str(dump)], tmp_path / "o", _cfg())
    assert first.cached == 0
    segmented.clear()
    again = extract([str(dump)], tmp_path / "o", _cfg())
    assert segmented == [] and again.cached == 4  # the copy b too: cached as cleaned, never segmented
    assert _outputs(tmp_path / "o") == _outputs(tmp_path / "plain")


def test_a_cached_copy_whose_original_is_gone_is_extracted_then(tmp_path, segmented):
    dump = _dump(tmp_path / "d")
    extract([str(dump)], tmp_path / "o", _cfg())
    (dump / "a.txt").unlink()
    segmented.clear()
    summary = extract([str(dump)], tmp_path / "o", _cfg())
    assert segmented == ["b"] and summary.cached == 3 and summary.counts["duplicate"] == 0
    extract([str(dump)], tmp_path / "plain", _cfg(cache=""))
    assert _outputs(tmp_path / "o") == _outputs(tmp_path / "plain")


def test_a_cached_document_that_became_a_copy_loses_its_extraction(tmp_path):
    dump = _dump(tmp_path / "d")
    extract([str(dump)], tmp_path / "o", _cfg())
    # "0.txt" sorts first: now a (cached, extracted) is a copy of it.
    (dump / "0.txt").write_text((dump / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    cached = extract([str(dump)], tmp_path / "o", _cfg())
    plain = extract([str(dump)], tmp_path / "plain", _cfg(cache=""))
    assert cached.counts == plain.counts and cached.counts["duplicate"] == 2
    assert _outputs(tmp_path / "o") == _outputs(tmp_path / "plain")


def test_gazetteer_change_retags_without_resegmenting(tmp_path, segmented):
    gaz = tmp_path / "gaz"
    shutil.copytree(TEST_GAZ, gaz)
    dump = _dump(tmp_path / "d")
    extract([str(dump)], tmp_path / "o", _cfg(gaz))
    header, *rows = (gaz / "term.csv").read_text(encoding="utf-8").splitlines()
    rows.append("term:hop-tac-moi-truong,TERM,hợp tác môi trường,,environmental cooperation,,,,,,,test")
    # Gazetteer rows stay sorted by id (the lint refuses them otherwise).
    (gaz / "term.csv").write_text("\n".join([header, *sorted(rows)]) + "\n", encoding="utf-8")
    segmented.clear()
    retagged = extract([str(dump)], tmp_path / "o", _cfg(gaz))
    assert segmented == [] and retagged.cached == 4
    assert "term:hop-tac-moi-truong" in (tmp_path / "o" / "mentions.csv").read_text(encoding="utf-8")
    extract([str(dump)], tmp_path / "plain", _cfg(gaz, cache=""))
    assert _outputs(tmp_path / "o") == _outputs(tmp_path / "plain")


def test_no_cache_flag_forces_a_full_run(tmp_path):
    dump = _dump(tmp_path / "d")
    args = ["extract", str(dump), "--out", str(tmp_path / "o"), "--gazetteers", str(TEST_GAZ)]
    CliRunner().invoke(app, args)
    cached = CliRunner().invoke(app, args)
    assert "4 from the cache" in cached.output, cached.output
    full = CliRunner().invoke(app, args + ["--no-cache"])
    assert full.exit_code == 0 and "0 from the cache" in full.output


def test_interrupt_says_what_was_kept_and_a_rerun_resumes(tmp_path):
    dump = _dump(tmp_path / "d")

    def stop(n):
        if n == 2:
            raise KeyboardInterrupt

    with pytest.raises(RunInterrupted) as info:
        extract([str(dump)], tmp_path / "o", _cfg(), progress=stop)
    assert info.value.processed == 2 and info.value.kept >= 1
    assert "kept in" in str(info.value) and "previous outputs are untouched" in str(info.value)
    assert not (tmp_path / "o" / "documents.csv").exists()
    resumed = extract([str(dump)], tmp_path / "o", _cfg())
    assert resumed.cached == info.value.kept


def test_progress_total_counts_documents_without_parsing(tmp_path):
    dump = _dump(tmp_path / "d", extra=[("notes.md", "not an article")])
    with gzip.open(dump / "z.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write('{"id": "z1", "text": "x"}\n{"id": "z2", "text": "y"}\n')
    # a, b, c1, c2 (blank line skipped), notes.md (an error row), z1, z2
    assert count_documents([str(dump)]) == 7
    summary = extract([str(dump)], tmp_path / "o", _cfg(cache=""))
    assert summary.documents == 7


def test_cli_prints_what_was_kept_on_ctrl_c(tmp_path, monkeypatch):
    import pipeline.runner

    def interrupted(*args, **kwargs):
        raise RunInterrupted(7, 5, tmp_path / "o" / ".cache")

    monkeypatch.setattr(pipeline.runner, "extract", interrupted)
    result = CliRunner().invoke(app, ["extract", str(_dump(tmp_path / "d")), "--out", str(tmp_path / "o")])
    assert result.exit_code == 130
    assert "interrupted after 7 documents: 5 newly finished documents were kept in" in result.output


def test_progress_bar_shows_done_of_total_rate_and_eta():
    import io
    import time

    from rich.console import Console

    from pipeline.cli import _progress_bar

    buf = io.StringIO()
    bar, tick = _progress_bar(10, console=Console(file=buf, force_terminal=True, width=160))
    bar.start()
    time.sleep(0.05)
    tick(4)
    bar.refresh()
    bar.stop()
    shown = buf.getvalue()
    assert "4/10" in shown and "40%" in shown and "docs/s" in shown and "ETA" in shown


def test_a_names_model_given_by_path_is_part_of_the_cache_key(tmp_path):
    """A model file outside the package (tag.names_model) is data: editing it re-runs what it shapes."""
    from pipeline.config import names_model_path

    model = tmp_path / "names.json"
    shutil.copy(names_model_path(load_config().tag), model)
    dump = _dump(tmp_path / "d", [("e.txt", "Bàn thắng muộn\nPhút 86, Jota đưa bóng vào lưới và mang về chiến thắng.\n")])

    def cfg(cache=".cache"):
        return load_config(tag={"gazetteers": str(TEST_GAZ), "names_model": str(model)}, run={"cache_dir": cache})

    extract([str(dump)], tmp_path / "o", cfg())
    assert ",Jota,PERSON," in (tmp_path / "o" / "mentions.csv").read_text(encoding="utf-8")
    data = json.loads(model.read_text(encoding="utf-8"))
    data["weights"]["bias"] = [50.0, 0.0, 0.0, 0.0, 0.0, 0.0]  # nothing is a name any more
    model.write_text(json.dumps(data), encoding="utf-8")
    extract([str(dump)], tmp_path / "o", cfg())
    assert ",Jota,PERSON," not in (tmp_path / "o" / "mentions.csv").read_text(encoding="utf-8")
    extract([str(dump)], tmp_path / "plain", cfg(cache=""))
    assert _outputs(tmp_path / "o") == _outputs(tmp_path / "plain")
