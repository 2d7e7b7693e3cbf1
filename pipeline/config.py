"""Configuration: the commented defaults shipped in ``pipeline/data/defaults.toml``, overridden
key by key by a user TOML file. Typed sections, so stages never read raw dicts."""

from __future__ import annotations

import hashlib
import math
import json
import tomllib
from dataclasses import asdict, dataclass, fields
from importlib import resources
from pathlib import Path

from .datafiles import load_toml
from .errors import ConfigError

__all__ = ["Config", "load_config", "gazetteer_dir", "PACKAGED_GAZETTEERS", "RANGES"]


@dataclass(frozen=True, slots=True)
class RunConfig:
    workers: int
    cache_dir: str
    engine: str
    scheduler: str


@dataclass(frozen=True, slots=True)
class IngestConfig:
    max_document_bytes: int


@dataclass(frozen=True, slots=True)
class OutputConfig:
    excel_safe: bool


@dataclass(frozen=True, slots=True)
class CleanConfig:
    title_max_words: int
    byline_max_words: int
    tail_lines: int
    max_paragraph_chars: int
    caption_max_words: int


@dataclass(frozen=True, slots=True)
class DedupeConfig:
    near_duplicate_ratio: float
    contained_ratio: float
    near_duplicate_min_chars: int
    near_duplicate_max_paragraphs: int
    document_threshold: float
    num_perm: int
    shingle_words: int


def _packaged_gazetteers() -> Path:
    """The gazetteers that ship with the package (``pipeline/data/gazetteers``, the checkout's
    ``gazetteers/``): found whatever the current folder is."""
    return Path(str(resources.files("pipeline").joinpath("data", "gazetteers")))


PACKAGED_GAZETTEERS = ""  # the value of tag.gazetteers that means "the packaged ones"


def gazetteer_dir(config: "Config") -> Path:
    """Where the run's gazetteers are: tag.gazetteers (relative to the current folder), or the
    packaged ones when it is empty."""
    value = config.tag.gazetteers
    return Path(value) if value != PACKAGED_GAZETTEERS else _packaged_gazetteers()


def names_model_path(tag: "TagConfig") -> Path:
    """The names model the run reads: tag.names_model (relative to the current folder), or the
    packaged one (trained on the project's gold) when it is empty."""
    value = tag.names_model
    path = Path(value) if value else Path(str(resources.files("pipeline").joinpath("data", "names_model.json")))
    if not path.is_file():
        raise ConfigError(f"tag.names_model = {value!r}: {path} is not a file; give a model written by "
                          "scripts/train_names.py, or leave it empty for the packaged one")
    return path


@dataclass(frozen=True, slots=True)
class TagConfig:
    gazetteers: str
    fuzzy_ratio: float
    fuzzy_min_chars: int
    tenure_score: float
    ner_proposer: bool
    ner_score: float
    ner_types: list[str]
    names_proposer: bool
    names_model: str
    names_threshold: float
    names_score: float
    names_types: list[str]
    names_type_thresholds: dict[str, float]


@dataclass(frozen=True, slots=True)
class EventsConfig:
    min_confidence: float


@dataclass(frozen=True, slots=True)
class Config:
    run: RunConfig
    ingest: IngestConfig
    clean: CleanConfig
    dedupe: DedupeConfig
    tag: TagConfig
    events: EventsConfig
    output: OutputConfig

    def as_dict(self) -> dict:
        return asdict(self)

    def digest(self) -> str:
        """sha256 of the settings that shape outputs (what the manifest and the cache key record).

        Leaves out how a run is executed (workers, cache location) and where the gazetteers are:
        their content is hashed on its own, so the same data from another path gives the same digest.
        """
        settings = self.as_dict()
        del settings["run"]
        del settings["tag"]["gazetteers"]
        blob = json.dumps(settings, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()


_SECTIONS = {f.name: f.type for f in fields(Config)}
_CLASSES = {
    "run": RunConfig,
    "ingest": IngestConfig,
    "clean": CleanConfig,
    "dedupe": DedupeConfig,
    "tag": TagConfig,
    "events": EventsConfig,
    "output": OutputConfig,
}

_INF = float("inf")
# The range of every numeric key, inclusive. Outside it a setting does not mean anything the
# stages can honour (a ratio over 100, a paragraph too short to hold a sentence, a shingle of
# no words), so it is refused before the run starts instead of giving silently odd outputs.
RANGES: dict[str, tuple[float, float]] = {
    "run.workers": (1, 256),
    "ingest.max_document_bytes": (1024, 1 << 40),
    "clean.title_max_words": (1, 1000),
    "clean.byline_max_words": (1, 1000),
    "clean.tail_lines": (0, 1000),
    "clean.max_paragraph_chars": (200, 100_000_000),
    "clean.caption_max_words": (1, 100_000),
    "dedupe.near_duplicate_ratio": (0, 100),
    "dedupe.contained_ratio": (0, 100),
    "dedupe.near_duplicate_min_chars": (0, _INF),
    "dedupe.near_duplicate_max_paragraphs": (0, _INF),
    "dedupe.document_threshold": (0, 1),
    "dedupe.num_perm": (16, 1024),
    "dedupe.shingle_words": (1, 50),
    "tag.fuzzy_ratio": (0, 100),
    "tag.fuzzy_min_chars": (1, 1000),
    "tag.tenure_score": (0, 1),
    "tag.ner_score": (0, 1),
    "tag.names_threshold": (0, 1),
    "tag.names_score": (0, 1),
    "events.min_confidence": (0, 1),
}


def _check_ranges(data: dict) -> None:
    for name, (lo, hi) in RANGES.items():
        section, key = name.split(".")
        value = data[section][key]
        if not (math.isfinite(value) and lo <= value <= hi):
            upper = "no upper bound" if hi == _INF else f"{hi:g}"
            raise ConfigError(f"{name} = {value!r} is out of range: it must be a number from {lo:g} to {upper}")


# Keys whose value is a list of names from a fixed set.
CHOICES: dict[str, frozenset[str]] = {
    "tag.ner_types": frozenset({"PERSON", "ORG", "GPE"}),
    "tag.names_types": frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT"}),
}


def _check_choices(data: dict) -> None:
    for name, allowed in CHOICES.items():
        section, key = name.split(".")
        bad = [v for v in data[section][key] if v not in allowed]
        if bad:
            raise ConfigError(f"{name} = {data[section][key]!r}: {', '.join(map(repr, bad))} is not one of "
                              f"{', '.join(sorted(allowed))}")


def _check_type_thresholds(data: dict) -> None:
    """``tag.names_type_thresholds``: a probability for each of the names model's types."""
    allowed = CHOICES["tag.names_types"]
    for etype, value in data["tag"]["names_type_thresholds"].items():
        if etype not in allowed:
            raise ConfigError(f"tag.names_type_thresholds: {etype!r} is not one of {', '.join(sorted(allowed))}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"tag.names_type_thresholds.{etype} = {value!r} is out of range: it must be a number "
                              "from 0 to 1")


def _defaults() -> dict:
    return load_toml("defaults.toml", what="default config")[0]


def _merge(base: dict, override: dict, origin: str) -> dict:
    merged = {k: dict(v) for k, v in base.items()}
    for section, values in override.items():
        if section not in merged or not isinstance(values, dict):
            raise ConfigError(f"{origin}: unknown section [{section}]; known: {', '.join(sorted(merged))}")
        for key, value in values.items():
            if key not in merged[section]:
                raise ConfigError(
                    f"{origin}: unknown key {section}.{key}; known: {', '.join(sorted(merged[section]))}"
                )
            default = merged[section][key]
            # bool is an int in Python; a float setting accepts an int.
            ok = type(value) is type(default) or (isinstance(default, float) and type(value) is int)
            if not ok:
                raise ConfigError(
                    f"{origin}: {section}.{key} must be {type(default).__name__}, got {value!r}"
                )
            merged[section][key] = value
    return merged


def load_config(path: str | Path | None = None, **overrides: dict) -> Config:
    """Defaults, then the user file at ``path`` (if any), then ``overrides`` ({section: {key: value}})."""
    data = _defaults()
    if path is not None:
        p = Path(path)
        try:
            user = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{p}: config file not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: not valid TOML ({exc}); fix the syntax or drop --config") from None
        data = _merge(data, user, str(p))
    if overrides:
        data = _merge(data, overrides, "overrides")
    _check_ranges(data)
    _check_choices(data)
    _check_type_thresholds(data)
    return Config(**{name: _CLASSES[name](**data[name]) for name in _SECTIONS})
