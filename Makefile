# berita: the pipeline as file rules. `make all` sets up .venv and runs clean -> tag -> summarize
# on corpus/; an artifact depends on its inputs, its stage's code and its parameters, so a second
# `make all` with nothing changed does no work.

SHELL := /bin/bash
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
BERITA := $(BIN)/berita
INSTALLED := $(VENV)/.installed
BUILD := build
SHARED ?= ../shared
INDOSUM ?= $(SHARED)/data/indosum

# Parameters (override on the command line, e.g. `make all TRAIN=../shared/data/indosum`)
CORPUS ?= corpus
TRAIN ?= $(CORPUS)
TOPICS_K ?= 5
SENTENCES ?= 3
METHOD ?= auto
MIN_SCORE ?= 0.6
WORKERS ?= 1
BENCH_RUNS ?= 3
BENCH_REPLICATE ?= 10

find_inputs = $(shell find $(1) -type f \( -name '*.txt' -o -name '*.json' -o -name '*.jsonl' -o -name '*.csv' \) 2>/dev/null | LC_ALL=C sort)
CORPUS_FILES := $(call find_inputs,$(CORPUS))
TRAIN_FILES := $(call find_inputs,$(TRAIN))
COMMON_CODE := pipeline/__init__.py pipeline/cli.py pipeline/artifacts.py pipeline/runner.py pipeline/errors.py \
	pipeline/commands/options.py
CLEAN_CODE := $(COMMON_CODE) pipeline/commands/clean.py pipeline/clean_stage.py pipeline/clean.py \
	pipeline/readers.py pipeline/indosum.py pipeline/segment.py pipeline/langid.py \
	pipeline/language.py $(wildcard pipeline/data/*)
TAG_CODE := $(CLEAN_CODE) pipeline/commands/tag.py pipeline/tag.py pipeline/terms.py \
	pipeline/keywords.py pipeline/nbsvm.py
TOPICS_CODE := $(CLEAN_CODE) pipeline/commands/tag.py pipeline/topics.py pipeline/tag.py \
	pipeline/terms.py pipeline/keywords.py
SUMMARIZE_CODE := $(CLEAN_CODE) pipeline/commands/summarize.py pipeline/summarize.py \
	pipeline/sumy_methods.py pipeline/lexrank.py pipeline/centrality.py pipeline/supervised.py

# A stage's parameters live in build/params/<stage>; the file changes (and the stage reruns) only
# when the values change.
define params_file
$(BUILD)/params/$(1): FORCE
	@mkdir -p $$(@D)
	@echo '$(2)' | cmp -s - $$@ || echo '$(2)' > $$@
endef
$(eval $(call params_file,clean,corpus=$(CORPUS)))
$(eval $(call params_file,train,train=$(TRAIN)))
$(eval $(call params_file,tag,min_score=$(MIN_SCORE)))
$(eval $(call params_file,topics,k=$(TOPICS_K)))
$(eval $(call params_file,summarize,method=$(METHOD) sentences=$(SENTENCES)))

.PHONY: all setup test lint clean-text model tag summarize topics evaluate bench help clean distclean FORCE

## all: set up .venv and run the whole pipeline on corpus/ into build/
all: $(BUILD)/summaries.jsonl $(BUILD)/topics.json

## setup: create .venv and install the project with its test tools
setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.11 not found (set PYTHON=...)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

## clean-text: the clean stage -> build/clean.jsonl (+ build/clean.report.json)
clean-text: $(BUILD)/clean.jsonl
$(BUILD)/clean.jsonl: $(CORPUS_FILES) $(CLEAN_CODE) $(BUILD)/params/clean | $(INSTALLED)
	$(BERITA) clean $(CORPUS) -o $@ --workers $(WORKERS)

## model: train the topic classifier on TRAIN (default corpus/) -> build/model/
model: $(BUILD)/model/model.pkl
$(BUILD)/model/model.pkl: $(TRAIN_FILES) $(TAG_CODE) $(BUILD)/params/train | $(INSTALLED)
	$(BERITA) train $(TRAIN) -o $(@D) --jobs 2

## tag: topic and keyword tags -> build/tags.jsonl
tag: $(BUILD)/tags.jsonl
$(BUILD)/tags.jsonl: $(BUILD)/clean.jsonl $(BUILD)/model/model.pkl $(TAG_CODE) $(BUILD)/params/tag
	$(BERITA) tag $< --model $(BUILD)/model -o $@ --min-score $(MIN_SCORE) --workers $(WORKERS)

## topics: unsupervised topic discovery (NMF) on the clean corpus -> build/topics.json
topics: $(BUILD)/topics.json
$(BUILD)/topics.json: $(BUILD)/clean.jsonl $(TOPICS_CODE) $(BUILD)/params/topics
	$(BERITA) topics $< -k $(TOPICS_K) -o $@

## summarize: extractive summaries -> build/summaries.jsonl
summarize: $(BUILD)/summaries.jsonl
$(BUILD)/summaries.jsonl: $(BUILD)/tags.jsonl $(SUMMARIZE_CODE) $(BUILD)/params/summarize
	$(BERITA) summarize $< -o $@ --method $(METHOD) --sentences $(SENTENCES) --workers $(WORKERS)

## evaluate: held-out quality of every stage on IndoSum (needs ../shared) -> build/eval/
evaluate: $(INSTALLED)
	@if [ ! -d "$(INDOSUM)" ]; then echo "skip: $(INDOSUM) not found"; exit 0; fi; \
	set -e; \
	$(BERITA) evaluate segmentation $(INDOSUM) -o $(BUILD)/eval/segmentation.json; \
	$(BERITA) evaluate tags $(INDOSUM) -o $(BUILD)/eval; \
	$(BERITA) evaluate summaries $(INDOSUM) --corpus $(CORPUS) -o $(BUILD)/eval/summaries.json

## bench: throughput, peak memory, LexRank vs sumy, stemming, workers (needs ../shared) -> build/bench.json
bench: $(INSTALLED)
	@if [ ! -d "$(INDOSUM)" ]; then echo "skip: $(INDOSUM) not found"; exit 0; fi; \
	$(BERITA) bench $(INDOSUM) -o $(BUILD)/bench.json --runs $(BENCH_RUNS) --replicate $(BENCH_REPLICATE)

## test: set up .venv, then lint and run the test suite
test: $(INSTALLED)
	$(BIN)/ruff check pipeline tests
	$(BIN)/python -m pytest

## lint: ruff on the package and tests
lint: $(INSTALLED)
	$(BIN)/ruff check pipeline tests

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## /  /' -e 's/: /\t/' | expand -t 18

## clean: remove build/ (artifacts only; `make distclean` also removes .venv)
clean:
	rm -rf $(BUILD)

## distclean: remove build/ and .venv
distclean: clean
	rm -rf $(VENV)
