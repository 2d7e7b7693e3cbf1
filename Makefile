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

.PHONY: install extract test eval eval-heldout eval-blind audit lint gazetteers gazetteers-snapshot bench fuzz clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

extract: $(STAMP)
	$(BIN)/vnews extract $(IN) --out $(OUT) $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/vnews eval $(GOLD) --run

# The held-out set: articles never looked at while tuning rules. Compare with `make eval`.
eval-heldout: $(STAMP)
	$(BIN)/vnews eval eval/heldout --run

# The fourth blind batch (40 articles of every category, scored once blind: eval/blind4.measured-blind.json).
eval-blind: $(STAMP)
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

bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH)

# What the normaliser changes on the bench (must equal tests/golden/normalize_changes.tsv) and the
# boilerplate audit over a seeded sample of 500 bench articles of both corpora.
audit: $(STAMP)
	$(BIN)/python scripts/audit.py $(BENCH)

fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py $(BENCH)

clean:
	rm -rf $(VENV) build *.egg-info
