"""Configuration: the commented defaults shipped in ``pipeline/data/defaults.toml``, overridden
key by key by a user TOML file. Typed sections, so stages never read raw dicts."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import asdict, dataclass, fields
from importlib import resources
from pathlib import Path

from .errors import ConfigError

__all__ = ["Config", "load_config", "gazetteer_dir", "PACKAGED_GAZETTEERS"]


@dataclass(frozen=True, slots=True)
class RunConfig:
    workers: int
    cache_dir: str


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


@dataclass(frozen=True, slots=True)
class TagConfig:
    gazetteers: str
    fuzzy_ratio: float
    fuzzy_min_chars: int
    tenure_score: float


@dataclass(frozen=True, slots=True)
class EventsConfig:
    min_confidence: float


@dataclass(frozen=True, slots=True)
class Config:
    run: RunConfig
    clean: CleanConfig
    dedupe: DedupeConfig
    tag: TagConfig
    events: EventsConfig

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
    "clean": CleanConfig,
    "dedupe": DedupeConfig,
    "tag": TagConfig,
    "events": EventsConfig,
}


def _defaults() -> dict:
    text = resources.files("pipeline").joinpath("data/defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


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
    cfg = Config(**{name: _CLASSES[name](**data[name]) for name in _SECTIONS})
    if cfg.run.workers < 1:
        raise ConfigError(f"run.workers must be >= 1, got {cfg.run.workers}")
    return cfg
