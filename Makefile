# The README's two commands: `make run` and `make test`. Both set everything up first and are
# fast when nothing changed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
REDIS := /usr/bin/redis-server
DEV := DEBUG=1

.PHONY: run test test-fast setup demo browser tools lint migrations-check messages clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

setup: $(INSTALLED)

# Debian's packages the tests need (root or sudo on a fresh machine): chromium for the browser
# tests, redis-server for the tests of the shared cache with Redis.
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

$(CHROMIUM):
	@$(APT_INSTALL) chromium >/dev/null

$(REDIS):
	@$(APT_INSTALL) redis-server >/dev/null

browser: $(CHROMIUM)

tools: $(CHROMIUM) $(REDIS)

demo: setup
	$(DEV) $(BIN)/python manage.py migrate --no-input -v 0
	$(DEV) $(BIN)/python manage.py load_demo_data
	$(DEV) $(BIN)/python manage.py ensure_admin
	$(DEV) $(BIN)/python manage.py create_demo_accounts

run: demo
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: setup
	$(BIN)/ruff check .

# Two processes (pytest-xdist), each with its own throwaway PostgreSQL; a test module stays in
# one process, so its module-wide fixtures are built once.
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile

test: setup tools lint
	$(PYTEST)

# Everything but the browser tests, for development (CI runs `make test`).
test-fast: setup $(REDIS) lint
	$(PYTEST) -m "not browser"

migrations-check: setup
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

# The English translation: collect the German msgids into locale/en/LC_MESSAGES/django.po,
# then compile django.mo (committed, so machines without gettext need not compile).
messages: setup
	$(DEV) $(BIN)/python manage.py makemessages -l en --ignore=$(VENV) --ignore=var --ignore=tests --no-obsolete
	$(DEV) $(BIN)/python manage.py compilemessages --ignore=$(VENV)

clean:
	rm -rf $(VENV) var
