import shutil
from pathlib import Path

import pytest

from pipeline.errors import GazetteerError
from pipeline.gazetteer import Gazetteer

from conftest import ROOT, TEST_GAZ


def test_project_gazetteers_pass_lint():
    gaz = Gazetteer.load(ROOT / "gazetteers", strict=False)
    assert gaz.lint() == []
    types = {e.type for e in gaz.entries.values()}
    assert types == {"PERSON", "ORG", "GPE", "LOC", "TREATY", "EVENT", "TERM"}


def test_test_gazetteer_loads(test_gazetteer):
    assert test_gazetteer.entries["org:monre"].valid_on("2021-11-24")
    assert not test_gazetteer.entries["org:monre"].valid_on("2025-06-01")
    assert [o.person_id for o in test_gazetteer.holders("Bộ trưởng Tài nguyên và Môi trường", "2021-11-24")] == [
        "person:tran-hong-ha"]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "gaz"
    shutil.copytree(TEST_GAZ, target)
    return target


def _append(path: Path, row: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(row + "\n")


@pytest.mark.parametrize("row, message", [
    ("org:jica,ORG,Khác,,,,,,,,,test", "duplicate id"),
    ("org:x,ORG,Tổ chức X,,,,,,2020-13-01,,,test", "not YYYY"),
    ("org:y,ORG,Tổ chức Y,,,,,,2021,2019,,test", "is after"),
    ("org:z,ORG,Tổ chức Z,JICA,,,,,,,,test", "also a name of"),
    ("org:w,ORG,Thoả thuận W,,,,,,,,,test", "normal form"),
    ("org:v,ORG,Tổ chức V,,,,,,,,,", "no source"),
    ("org:u,ORG,Tổ chức U,,,,,,,,Q12x,test", "Q-id"),
])
def test_lint_rejects(tmp_path, row, message):
    gaz_dir = _copy(tmp_path)
    _append(gaz_dir / "org.csv", row)
    problems = Gazetteer.load(gaz_dir, strict=False).lint()
    assert any(message in p and "org.csv:" in p for p in problems), problems
    with pytest.raises(GazetteerError):
        Gazetteer.load(gaz_dir)


def test_shared_alias_in_disjoint_windows_is_allowed(tmp_path):
    gaz_dir = _copy(tmp_path)
    _append(gaz_dir / "org.csv", "org:monre-new,ORG,Bộ Tài nguyên Mới,MONRE,,,,VN,2025-03-01,,,test")
    assert Gazetteer.load(gaz_dir, strict=False).lint() == []
    _append(gaz_dir / "org.csv", "org:monre-old,ORG,Bộ Tài nguyên Cũ,MONRE,,,,VN,2020,,,test")
    assert any("MONRE" in p for p in Gazetteer.load(gaz_dir, strict=False).lint())


def test_missing_columns_name_the_file(tmp_path):
    gaz_dir = _copy(tmp_path)
    (gaz_dir / "loc.csv").write_text("id,canonical\nloc:x,X\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="loc.csv:1: missing columns"):
        Gazetteer.load(gaz_dir)
