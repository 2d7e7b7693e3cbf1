"""The command line, driven through typer's CliRunner, outputs read back with pandas."""

import os
import stat

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from conftest import TEST_GAZ

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def dump(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    (d / "a.txt").write_text("Việt Nam và Nhật Bản đối thoại\nNgày 24/11, Bộ trưởng Trần Hồng Hà gặp Bộ trưởng "
                             "Tsuyoshi Yamaguchi tại Tokyo.\n", encoding="utf-8")
    (d / "b.jsonl").write_text('{"id": "b1", "text": "Hai bên ký kết thỏa thuận."}\n{broken\n', encoding="utf-8")
    return d


def test_extract_writes_outputs_pandas_can_load(dump, tmp_path):
    out = tmp_path / "out"
    result = run("extract", dump, "--out", out, "--gazetteers", TEST_GAZ)
    assert result.exit_code == 0, result.output
    assert "2 ok, 0 duplicate, 0 empty, 1 errors" in result.output
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert list(docs["doc_id"]) == ["a", "b1", "b:2"]
    assert list(docs["status"]) == ["ok", "ok", "error"]
    assert docs["paragraphs_out"].dtype == "int64" and docs["sentences"].dtype == "int64"
    mentions = pd.read_csv(out / "mentions.csv")
    assert {"Trần Hồng Hà", "Tokyo"} <= set(mentions["text"])
    assert mentions["start"].dtype == "int64" and mentions["score"].dtype == "float64"
    assert not list(out.glob(".stage-*")) and not (out / ".publish").exists()


def test_a_run_in_a_pipe_or_ci_is_quiet_but_for_its_summary_line(dump, tmp_path, monkeypatch):
    # README, The command line: a progress bar on a terminal; in pipes and CI (CI set) the run is quiet,
    # and it ends with one summary line "N ok, M duplicate, K empty, E errors; C from the cache"
    import sys

    import pipeline.cli as cli

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert cli._interactive()
    monkeypatch.setenv("CI", "true")
    assert not cli._interactive()
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not cli._interactive()
    monkeypatch.undo()
    result = run("extract", dump, "--out", tmp_path / "o", "--gazetteers", TEST_GAZ)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 1 and "2 ok, 0 duplicate, 0 empty, 1 errors; 0 from the cache" in lines[0], result.output


def test_extract_uses_no_network(dump, tmp_path, monkeypatch):
    # README, Two commands: "No network is used at run time" (underthesea's segmenters ship inside the
    # package): every way out of the process is closed and the run still extracts
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError(f"vnews tried the network: {args!r}")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    result = run("extract", dump, "--out", tmp_path / "o", "--gazetteers", TEST_GAZ, "--no-cache")
    assert result.exit_code == 0, result.output
    assert "2 ok, 0 duplicate, 0 empty, 1 errors" in result.output
    assert len(pd.read_csv(tmp_path / "o" / "mentions.csv")) > 0


def test_bad_document_does_not_stop_the_run_but_strict_fails(dump, tmp_path):
    result = run("extract", dump, "--out", tmp_path / "o", "--gazetteers", TEST_GAZ, "--strict")
    assert result.exit_code == 1
    assert (tmp_path / "o" / "documents.csv").exists()


def test_missing_input_is_one_line_and_exit_2(tmp_path):
    result = run("extract", tmp_path / "nope", "--out", tmp_path / "o", "--gazetteers", TEST_GAZ)
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no such file" in result.output


def test_empty_dump(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("extract", tmp_path / "empty", "--out", tmp_path / "o", "--gazetteers", TEST_GAZ)
    assert result.exit_code == 2 and "empty dump" in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_out_dir(dump, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    result = run("extract", dump, "--out", locked / "o", "--gazetteers", TEST_GAZ)
    assert result.exit_code == 2 and "not writable" in result.output


def test_out_path_that_is_a_file(dump, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    result = run("extract", dump, "--out", f, "--gazetteers", TEST_GAZ)
    assert result.exit_code == 2 and "not writable" in result.output


def test_bad_config_and_bad_gazetteer_exit_2(dump, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[dedupe]\nnear_duplicate_ratio = 'high'\n")
    result = run("extract", dump, "--out", tmp_path / "o", "--config", cfg)
    assert result.exit_code == 2 and "near_duplicate_ratio" in result.output
    cfg.write_text("[dedupe\n")
    result = run("extract", dump, "--out", tmp_path / "o", "--config", cfg)
    assert result.exit_code == 2 and "c.toml" in result.output
    bad = tmp_path / "gaz"
    bad.mkdir()
    (bad / "org.csv").write_text((TEST_GAZ / "org.csv").read_text() + "org:jica,ORG,X,,,,,,,,,t\n")
    result = run("extract", dump, "--out", tmp_path / "o", "--gazetteers", bad)
    assert result.exit_code == 2 and "org.csv:" in result.output and "duplicate id" in result.output


def test_gazetteer_lint_command():
    result = run("gazetteer", "lint", TEST_GAZ)
    assert result.exit_code == 0 and "0 problems" in result.output


# -- no machine path in any output; the same dump anywhere gives the same bytes (issue #11) --------

def _output_bytes(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.suffix in (".csv", ".jsonl", ".json")
            and p.name != "run.json"}


def test_moved_or_relatively_named_dump_gives_identical_outputs_and_reuses_the_cache(dump, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("extract", dump, "--out", out, "--gazetteers", TEST_GAZ).exit_code == 0
    first = _output_bytes(out)
    for name, data in first.items():
        assert str(tmp_path).encode() not in data, f"{name} holds a machine path"
    moved = tmp_path / "elsewhere" / "renamed-dump"
    moved.parent.mkdir()
    dump.rename(moved)
    monkeypatch.chdir(moved.parent)
    result = run("extract", "renamed-dump", "--out", out, "--gazetteers", TEST_GAZ)
    assert result.exit_code == 0, result.output
    assert _output_bytes(out) == first
    import json

    run_info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run_info["cached"] == 3  # every document came from the cache


def test_vnews_finds_its_gazetteers_from_any_folder(dump, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no gazetteers/ here
    out = tmp_path / "out"
    result = run("extract", dump, "--out", out)
    assert result.exit_code == 0, result.output
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    assert "gazetteer" in set(mentions["method"])
    assert run("gazetteer", "lint").exit_code == 0


def test_licence_is_an_spdx_string():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"


def test_a_library_upgrade_invalidates_the_cache_and_shows_in_the_manifest(dump, tmp_path, monkeypatch):
    import json

    import pipeline.runner as runner_module

    out = tmp_path / "out"
    assert run("extract", dump, "--out", out, "--gazetteers", TEST_GAZ).exit_code == 0
    versions = runner_module.library_versions()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["libraries"] == versions
    monkeypatch.setattr(runner_module, "library_versions", lambda: {**versions, "underthesea": "99.0"})
    assert run("extract", dump, "--out", out, "--gazetteers", TEST_GAZ).exit_code == 0
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["cached"] == 0


def test_every_data_file_ships_in_the_package():
    """The installed command finds its rules and gazetteers from any folder only if a wheel carries
    them: every rule file and gazetteer CSV under pipeline/data matches a package-data pattern."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["pipeline"]
    data = root / "pipeline" / "data"
    import os

    files = [Path(d) / f for d, _, names in os.walk(data, followlinks=True) for f in names]  # gazetteers is a link
    needed = [p.relative_to(root / "pipeline").as_posix() for p in files
              if p.suffix in (".toml", ".csv") and "src" not in p.relative_to(data).parts]
    assert any(n.startswith("data/gazetteers/imported/") for n in needed)
    missing = [n for n in needed if not any(fnmatch.fnmatchcase(n, pat) and n.count("/") == pat.count("/")
                                            for pat in patterns)]
    assert missing == []
