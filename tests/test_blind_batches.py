"""The blind batches are the seeded draws `scripts/sample_batch.py` says they are, and share no article
with the dev or held-out gold or with each other (a batch measured "blind" must be text no rule was
written from)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, load_script

EVAL = ROOT / "eval"


def _sampler():
    return load_script("sample_batch")


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


def _event_sampler():
    return load_script("sample_events")


def test_the_ordinary_news_sample_leaves_out_every_gold_set(tmp_path):
    """`scripts/sample_events.py` never hands the checker an event of an annotated article: of the dev
    set, the held-out set or any blind batch, the newest included (issue #14 item 3)."""
    import csv

    sampler = _event_sampler()
    eval_dir = tmp_path / "eval"
    annotated = {"gold": "news_sport_001", "heldout": "news_health_002", "blind13": "news_tech_003",
                 "blind14": "news_travel_004", "blind99": "news_science_005"}
    for folder, doc_id in annotated.items():
        (eval_dir / folder).mkdir(parents=True)
        (eval_dir / folder / f"{doc_id}.json").write_text("{}", encoding="utf-8")
    (eval_dir / "blind14.measured-blind.json").write_text("{}", encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    docs = list(annotated.values()) + ["news_sport_010", "news_health_011", "news_world_012", "baomoi-1"]
    with (run / "events.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=sampler.FIELDS)
        writer.writeheader()
        for doc_id in docs:
            for k in range(3):
                writer.writerow({**dict.fromkeys(sampler.FIELDS, ""), "event_id": f"{doc_id}:E{k}:0", "doc_id": doc_id})
    assert sampler.gold_ids(eval_dir) == set(annotated.values())
    drawn = sampler.sample(run, 20261205, 50, eval_dir)
    # only the two unannotated articles outside world news (dantri's categories) are drawn from
    assert {r["doc_id"] for r in drawn} == {"news_sport_010", "news_health_011"} and len(drawn) == 6
    assert sampler.sample(run, 20261205, 4, eval_dir) == sampler.sample(run, 20261205, 4, eval_dir)


def test_the_ordinary_news_sample_knows_every_annotated_folder():
    # every folder of eval/ that holds documents adds its ids to what the sampler leaves out
    left_out = _event_sampler().gold_ids()
    for folder in (p for p in EVAL.iterdir() if p.is_dir()):
        assert _ids(folder.name) <= left_out, folder.name


# A row of the README's table of blind batches as first measured: the batch, its folder, its documents, entity F1
# (P / R), events P / R.
_README_ROW = re.compile(r"^\| (\d+) \(all categories[^|]*`eval/blind\1/` \| (\d+) \| \**([\d.]+)\** "
                         r"\(P ([\d.]+) / R ([\d.]+)\) \| \**([\d.]+) / ([\d.]+)\** \|$", re.M)


def test_the_readme_gives_each_batch_the_figures_it_was_measured_blind_with():
    # The README promises each batch "scored once before use (eval/blindN.measured-blind.json)": its row
    # must give that file's figures (the file keeps four decimals, the table three), and no batch is left out.
    rows = {int(m.group(1)): m for m in _README_ROW.finditer((ROOT / "README.md").read_text(encoding="utf-8"))}
    assert set(rows) == set(_batches())
    for batch, row in rows.items():
        system = json.loads((EVAL / f"blind{batch}.measured-blind.json").read_text(encoding="utf-8"))["system"]
        ents, events = system["entities_micro"], system["events_micro"]
        measured = (ents["f1"], ents["precision"], ents["recall"], events["precision"], events["recall"])
        given = tuple(float(x) for x in row.group(3, 4, 5, 6, 7))
        assert all(abs(g - m) <= 0.0006 for g, m in zip(given, measured)), (batch, given, measured)
        assert int(row.group(2)) == len(_ids(f"blind{batch}")), batch


def test_the_project_quotes_the_articles_its_rules_were_written_from():
    # Round 26's example of a body's written document came from a bench article that batch 29 then held.
    quoted = _sampler().quoted_articles()
    assert "news_society_260" in quoted and "news_health_094" in quoted
    assert not any(i.startswith("seed") for i in quoted)


def test_a_batch_from_30_on_leaves_out_the_articles_quoted_when_it_was_drawn(tmp_path, monkeypatch, bench_root):
    sampler = _sampler()
    monkeypatch.setattr(sampler, "EVAL", tmp_path)
    monkeypatch.setitem(sampler.BATCHES, 30, (20261227, 3, 10))
    with pytest.raises(SystemExit, match="--freeze"):
        sampler.main(30, str(bench_root))
    (tmp_path / "blind30.quoted.txt").write_text("", encoding="utf-8")
    unfrozen = sampler.main(30, str(bench_root))
    (tmp_path / "blind30.quoted.txt").write_text("\n".join(unfrozen[:5]) + "\n", encoding="utf-8")
    drawn = sampler.main(30, str(bench_root))
    assert len(drawn) == len(set(drawn)) == 40
    assert not set(drawn) & set(unfrozen[:5])
