# Two entry points on a fresh machine: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The main job on the embedded default: analyse the example articles into records.jsonl, ingest them into
# the store kronika.db (a rerun adds nothing), then print the events and the relations they produce (each
# table fits 100 columns) and say how to open the web UI.
run: $(STAMP)
	$(BIN)/kronika analyze examples/ -o records.jsonl
	@echo "wrote records.jsonl ($$(wc -l < records.jsonl) articles)"
	$(BIN)/kronika ingest examples/ --db kronika.db
	$(BIN)/kronika stats --db kronika.db --format table
	$(BIN)/kronika events --db kronika.db --format table
	$(BIN)/kronika relations CHN PRK --by month --db kronika.db --format table
	$(BIN)/kronika relations CHN RUS --by month --db kronika.db --format table
	@echo
	@echo "Browse it all (events, articles with their evidence highlighted, actors, relations) in the web UI:"
	@echo "    $(BIN)/kronika serve --db kronika.db    then open http://127.0.0.1:8000/"

# The web tests drive Debian's Chromium: install it when it is missing (as root, the way CI and the
# developers' machines run); Playwright's own browser download is never used.
CHROMIUM := /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM) || { echo "chromium is missing: run 'apt-get install chromium' as root" >&2; exit 1; }

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Evaluation runners read ../shared; they are not part of the test suite.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/sentences.py
	$(BIN)/python bench/lemmatization.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/ner.py
	$(BIN)/python bench/score_dev.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) records.jsonl .pytest_cache
