"""The packaged data files under ``pipeline/data/`` and the user's replacements for them, read in one place.

Every loader of rules or words takes "the packaged file, or the path the user gave"; reading both the same
way keeps one error message for a file that is missing or is not TOML."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from .errors import ConfigError


def read_data(name: str, path: str | Path | None = None) -> tuple[str, str]:
    """The text of ``path`` when given, else of the packaged ``pipeline/data/<name>``, and the origin that
    error messages name. A given path that cannot be read raises :class:`ConfigError`."""
    if path is None:
        return resources.files("pipeline").joinpath("data", *name.split("/")).read_text(encoding="utf-8"), \
            f"pipeline/data/{name}"
    try:
        return Path(path).read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc}); give an existing UTF-8 file") from None


def load_toml(name: str, path: str | Path | None = None, what: str = "rules") -> tuple[dict, str]:
    """The parsed TOML of ``path`` or of the packaged ``pipeline/data/<name>``, and its origin; a file that
    is not TOML raises :class:`ConfigError` naming it and ``what`` it should hold."""
    text, origin = read_data(name, path)
    try:
        return tomllib.loads(text), origin
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: unusable {what} ({exc}); fix the file") from None
