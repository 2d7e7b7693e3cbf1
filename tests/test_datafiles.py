"""The one reader of packaged data files and of the user's replacements."""

import pytest

from pipeline.datafiles import load_toml, read_data
from pipeline.errors import ConfigError
from pipeline.events.lexicon import Lexicon
from pipeline.stages.clean import FurnitureRules


def test_packaged_file_is_read_and_named_by_its_package_path():
    data, origin = load_toml("furniture.toml")
    assert origin == "pipeline/data/furniture.toml"
    assert "credit" in data and "metadata" in data


def test_nested_packaged_name_is_found():
    text, origin = read_data("rules/patterns.toml")
    assert origin == "pipeline/data/rules/patterns.toml" and text.strip()


def test_given_path_wins_over_the_packaged_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[credit]\nmarker = "x"\n', encoding="utf-8")
    data, origin = load_toml("furniture.toml", path)
    assert data == {"credit": {"marker": "x"}} and origin == str(path)


@pytest.mark.parametrize("loader", [FurnitureRules.load, lambda p: Lexicon.load(p)])
def test_missing_user_file_is_a_config_error_naming_it(tmp_path, loader):
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match="nope.toml: cannot read it"):
        loader(missing)


@pytest.mark.parametrize("loader, what", [(FurnitureRules.load, "furniture rules"),
                                          (lambda p: Lexicon.load(p), "events lexicon")])
def test_bad_toml_is_a_config_error_naming_file_and_content(tmp_path, loader, what):
    bad = tmp_path / "bad.toml"
    bad.write_text("[unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"bad.toml: unusable {what}.*fix the file"):
        loader(bad)
