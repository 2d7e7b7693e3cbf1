"""The blind batches are the seeded draws `scripts/sample_batch.py` says they are, and share no article
with the dev or held-out gold or with each other (a batch measured "blind" must be text no rule was
written from)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT

EVAL = ROOT / "eval"


def _sampler():
    spec = importlib.util.spec_from_file_location("sample_batch", ROOT / "scripts" / "sample_batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ids(folder: str) -> set[str]:
    return {p.stem for p in (EVAL / folder).glob("*.json")}


def _batches() -> list[int]:
    return sorted(_sampler().BATCHES)


@pytest.mark.parametrize("batch", _batches())
def test_a_batch_is_its_seeded_draw(batch, bench_root):
    folder = EVAL / f"blind{batch}"
    if not folder.is_dir():
        pytest.skip(f"eval/blind{batch} is not annotated yet")
    drawn = _sampler().main(batch, str(bench_root))
    assert len(drawn) == len(set(drawn)) == 40
    assert set(drawn) == _ids(f"blind{batch}")


# Batch 4 drew half its articles from baomoi, whose records carry no category; from batch 5 on the
# share outside world news is guaranteed by the draw itself.
@pytest.mark.parametrize("batch", [b for b in _batches() if b >= 5])
def test_half_of_a_batch_is_outside_world_news(batch, bench_root):
    drawn = _sampler().main(batch, str(bench_root))
    dantri_outside_world = [i for i in drawn if i.startswith("news_") and not i.startswith("news_world_")]
    assert len(dantri_outside_world) >= len(drawn) // 2


def test_no_article_is_in_two_gold_sets():
    folders = ["gold", "heldout"] + [f"blind{b}" for b in _batches()]
    seen: dict[str, str] = {}
    for folder in folders:
        for doc_id in _ids(folder):
            assert doc_id not in seen, f"{doc_id} is in eval/{folder} and eval/{seen[doc_id]}"
            seen[doc_id] = folder


def test_batch_files_name_their_own_article():
    for batch in _batches():
        for path in (EVAL / f"blind{batch}").glob("*.json"):
            assert json.loads(path.read_text(encoding="utf-8"))["id"] == path.stem
