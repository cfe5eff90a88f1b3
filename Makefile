# The front door. `make run` sets everything up and starts the assistant; `make test` runs all tests.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export RASA_PORT ?= 5005
export ACTIONS_PORT ?= 5055
export WEB_PORT ?= 8000
export CORS_ORIGINS ?= http://localhost:$(WEB_PORT) http://127.0.0.1:$(WEB_PORT)
export CALLBACK_URL ?= http://localhost:5034/bot
export TRACKER_STORE_URL ?= sqlite:///$(CURDIR)/var/tracker.db
export DATABASE_URL ?= sqlite:///$(CURDIR)/var/assistant.db
export RUN_DIR ?= $(CURDIR)/var/run
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

WIDGET := widget/dist/widget.js
WIDGET_SOURCES := widget/package.json widget/package-lock.json widget/build.mjs data/topics.yml domain.yml $(wildcard widget/src/*.js)
CHROMIUM := /usr/bin/chromium

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed

# The model's name carries a fingerprint of everything it is trained from: it is retrained when,
# and only when, that changes.
TRAINING_FILES = config.yml domain.yml data/rules.yml $(sort $(wildcard data/nlu/*.yml data/stories/*.yml))
FINGERPRINT = $(shell cat $(TRAINING_FILES) | sha256sum | cut -c1-12)
export MODEL = models/model-$(FINGERPRINT).tar.gz

.PHONY: help install ingest train run status shell test test-unit test-gates test-scale test-reliability test-browser lint widget web bench bench-load escalations validate test-stories eval eval-answers eval-red-flags review clean constraints purge

help:
	@echo "make run    install, ingest the article, train if needed, start the assistant"
	@echo "make test   install as needed and run every test"
	@echo "make test-unit  the fast tier: no model, server, browser or blind-set gates (about a minute)"
	@echo "make test-gates  the accuracy gates over the blind sets at the detector (about 4 minutes)"
	@echo "make test-scale  two Rasa servers behind nginx on PostgreSQL, Redis, RabbitMQ (about 5 minutes)"
	@echo "make test-reliability  bad input, faults and load only (tests/reliability)"
	@echo "make lint   ruff: lint and format checks (settings in pyproject.toml)"
	@echo "make train  train the model if the training data changed"
	@echo "make status how the processes of a running make run are"
	@echo "make shell  talk to the assistant in this terminal"
	@echo "make web    serve the demo page with the chat widget (make run does too)"
	@echo "make ingest load data/article/*.md into the article store"
	@echo "make validate      check the training data and the article (names file and line)"
	@echo "make test-stories  run the test conversations in tests/test_stories.yml"
	@echo "make eval   NLU cross-validation report under reports/eval (slow: trains 3 times)"
	@echo "make review export unanswered messages as candidate examples for data/nlu"
	@echo "make eval-answers    right passage, did-you-mean and not-covered rates on the blind answer sets"
	@echo "make eval-red-flags  red-flag recall, false escalations, safety questions on the blind sets"
	@echo "make bench  measure the red-flag detector's and the retrieval's cost per message"
	@echo "make bench-load  ours against Rasa's stock bot: latency, throughput, memory (reports/bench.json)"
	@echo "make escalations  list recent red-flag escalations"
	@echo "make purge  count data past its keeping period (RETENTION_DAYS); APPLY=1 deletes it"

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
	@$(PY) -m article.english_words  # the word tables both servers map (var/cache), written here once

$(MODEL): | $(INSTALLED)
	@echo "==> Training the model $(MODEL) (about 2 minutes on 2 cores)"
	@mkdir -p models
	@$(RASA) train --config config.yml --domain domain.yml \
	  --data data/nlu data/stories data/rules.yml --out models \
	  --fixed-model-name model-$(FINGERPRINT)

train: $(MODEL)
	@echo "Model: $(MODEL)"

# The widget bundle: Node (>= 18) only to build it, from the committed lock file.
$(WIDGET): $(WIDGET_SOURCES)
	@echo "==> Building the chat widget (npm ci + esbuild)"
	@cd widget && npm ci --no-audit --no-fund && npm run build

widget: $(WIDGET)

# Debian's Chromium for the browser tests (Playwright drives it; never `playwright install`).
$(CHROMIUM):
	@echo "==> Installing Chromium for the browser tests"
	@apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }

# The demo page with the widget, alone (make run starts it too).
web: $(WIDGET)
	@$(PY) -m web.serve --port $(WEB_PORT) --rasa-url http://localhost:$(RASA_PORT)

run: ingest train $(WIDGET)
	@scripts/run.sh $(MODEL)

# How the processes of a running `make run` are (supervisord's view).
status: $(INSTALLED)
	@if [ -S "$(RUN_DIR)/supervisor.sock" ]; then $(VENV)/bin/supervisorctl -c scripts/supervisord.conf status; \
	else echo "The assistant is not running here (start it with: make run)."; fi

shell: ingest train
	@scripts/run.sh $(MODEL) shell

test: ingest train $(WIDGET) $(CHROMIUM)
	@$(PY) -m pytest tests

# The fast tier: no model, no server, no browser (end-to-end tests are marked e2e in tests/conftest.py)
# and not the blind-set gates (marked gate: minutes of work, run by make test and make test-gates).
test-unit: $(INSTALLED)
	@$(PY) -m pytest -m "not e2e and not gate" -q tests

# The accuracy gates over the blind sets at the detector and the overlap check (no model or server).
test-gates: $(INSTALLED)
	@$(PY) -m pytest -m gate tests

# Bad input, faults and load (also part of make test): tests/reliability, docs/reliability.md.
test-reliability: ingest train $(WIDGET)
	@$(PY) -m pytest tests/reliability

# Rasa's distributed layout on loopback (docs/scale-out.md): Debian's PostgreSQL, Redis, RabbitMQ
# and nginx, two Rasa servers, two action servers; the services stop again afterwards.
test-scale: train
	@scripts/scale-services.sh start
	@SCALE_TEST=1 $(PY) -m pytest tests/scale; status=$$?; scripts/scale-services.sh stop; exit $$status

# Lint and format checks (settings in pyproject.toml). To fix: ruff format . && ruff check --fix .
lint: $(INSTALLED)
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .

test-browser: ingest train $(WIDGET) $(CHROMIUM)
	@$(PY) -m pytest tests/browser

validate: $(INSTALLED)
	@echo "==> rasa data validate"
	@mkdir -p var; $(RASA) data validate --domain domain.yml --data data/nlu data/stories \
	  data/rules.yml --fail-on-warnings > var/validate.log 2>&1; status=$$?; \
	  grep -E "UserWarning|ERROR|error|Found|conflict" var/validate.log; \
	  [ $$status -eq 0 ] || { echo "rasa data validate failed (full output: var/validate.log)"; exit 1; }
	@echo "==> content checks"
	@$(PY) -m content.validate

test-stories: ingest train
	@$(RASA) test core --stories tests/test_stories.yml --model $(MODEL) --out reports/stories
	@cat reports/stories/failed_test_stories.yml

eval: $(INSTALLED)
	@echo "==> NLU cross-validation, 3 folds (trains the NLU model 3 times: ~15 minutes on 2 cores)"
	@$(RASA) test nlu --nlu data/nlu --config config.yml --cross-validation --folds 3 --out reports/eval
	@$(PY) -m content.eval_report reports/eval

eval-answers: ingest train
	@$(PY) -m evaluation.answers A B --model $(MODEL) $(if $(MISSES),--misses)

eval-red-flags: $(INSTALLED)
	@$(PY) -m evaluation.red_flags A B C D E F G H $(if $(MISSES),--misses)

review: $(INSTALLED)
	@$(PY) -m content.review

bench: $(INSTALLED)
	@$(PY) -m benchmarks.red_flags
	@$(PY) -m benchmarks.retrieval

# Ours against Rasa's stock `rasa init` bot, side by side, then long messages beside a second
# visitor and where a turn's time goes (about 20 minutes; docs/performance.md).
bench-load: ingest train
	@$(PY) -m benchmarks.load --model $(MODEL)
	@$(PY) -m benchmarks.bystander --model $(MODEL)
	@$(PY) -m benchmarks.breakdown --model $(MODEL)

purge: $(INSTALLED)
	@$(PY) -m operations.retention $(if $(APPLY),--apply)

escalations: $(INSTALLED)
	@$(PY) -m operations.escalations

constraints: $(INSTALLED)
	@{ echo "# The whole resolved dependency set, pinned (regenerate: make constraints)."; \
	  $(PY) -m pip freeze 2>/dev/null | grep -v -e '^-e' -e '@ file' | sort -f; } > constraints.txt

clean:
	rm -rf models var reports results .pytest_cache .ruff_cache widget/dist
