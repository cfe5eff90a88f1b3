# The front door. `make run` sets everything up and starts the assistant; `make test` runs all tests.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export RASA_PORT ?= 5005
export ACTIONS_PORT ?= 5055
export WEB_PORT ?= 8000
export CORS_ORIGINS ?= http://localhost:$(WEB_PORT) http://127.0.0.1:$(WEB_PORT)
export TRACKER_STORE_URL ?= sqlite:///$(CURDIR)/var/tracker.db
export DATABASE_URL ?= sqlite:///$(CURDIR)/var/assistant.db
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed

# The model's name carries a fingerprint of everything it is trained from: it is retrained when,
# and only when, that changes.
TRAINING_FILES = config.yml domain.yml data/rules.yml $(sort $(wildcard data/nlu/*.yml data/stories/*.yml))
FINGERPRINT = $(shell cat $(TRAINING_FILES) | sha256sum | cut -c1-12)
export MODEL = models/model-$(FINGERPRINT).tar.gz

.PHONY: help install ingest train run shell test clean constraints

help:
	@echo "make run    install, ingest the article, train if needed, start the assistant"
	@echo "make test   install as needed and run every test"
	@echo "make train  train the model if the training data changed"
	@echo "make shell  talk to the assistant in this terminal"
	@echo "make ingest load data/article/*.md into the article store"

$(INSTALLED): requirements.txt constraints.txt
	@echo "==> Installing Python packages into $(VENV) (about 2 minutes on a fresh machine)"
	@test -x $(PY) || $$(scripts/find-python310.sh) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade 'pip==26.3' 'setuptools==70.3.0' 'wheel==0.45.1'
	@$(PY) -m pip install --progress-bar on -c constraints.txt -r requirements.txt \
	  2>&1 | grep -v -e "^Location file:" -e "is ignored" || true
	@$(PY) -m pip check | grep -v -e "^Location file:" -e "is ignored"
	@touch $@

install: $(INSTALLED)

ingest: $(INSTALLED)
	@mkdir -p var
	@$(PY) -m article.ingest

$(MODEL): | $(INSTALLED)
	@echo "==> Training the model $(MODEL) (about 3 minutes on 2 cores)"
	@mkdir -p models
	@$(RASA) train --config config.yml --domain domain.yml \
	  --data data/nlu data/stories data/rules.yml --out models \
	  --fixed-model-name model-$(FINGERPRINT)

train: $(MODEL)
	@echo "Model: $(MODEL)"

run: ingest train
	@scripts/run.sh $(MODEL)

shell: ingest train
	@scripts/run.sh $(MODEL) shell

test: ingest train
	@$(PY) -m pytest tests

constraints: $(INSTALLED)
	@{ echo "# The whole resolved dependency set, pinned (regenerate: make constraints)."; \
	  $(PY) -m pip freeze 2>/dev/null | grep -v -e '^-e' -e '@ file' | sort -f; } > constraints.txt

clean:
	rm -rf models var reports results .pytest_cache
