# Together in Wrexham: `make run` serves the site with demo content; `make test` runs the tests.
# Both build what they need first: .venv, Python packages and the compiled Welsh strings.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The suite runs on both cores (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2
# make run PORT=8001 (or PORT=8001 make run) serves on another port.
PORT ?= 8000
# apt-get needs root; use sudo when we are not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test check bench bench-search lighthouse messages gettext chromium nginx clean leaflet

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# gettext compiles the Welsh strings (msgfmt) and checks them (xgettext).
gettext:
	@command -v msgfmt >/dev/null && command -v xgettext >/dev/null || \
		{ echo "Installing gettext…"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }

# Debian's chromium runs the browser tests (Playwright drives it; it never downloads a browser of
# its own). Only the tests need it.
chromium:
	@command -v chromium >/dev/null || \
		{ echo "Installing chromium…"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# Debian's nginx stands in front of gunicorn in tests/deploy/test_nginx.py, with deploy/nginx's
# site; the test starts its own and never the system's service.
nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || \
		{ echo "Installing nginx…"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx; }

# Leaflet (the maps) is installed from the npm registry at the version pinned in package.json and
# package-lock.json, and its built files are kept in static/vendor/leaflet/ so that a fresh
# machine serves them without node. Run after changing the pin; commit what it copies.
LEAFLET_DIR := static/vendor/leaflet
leaflet:
	npm ci --no-audit --no-fund --ignore-scripts
	rm -rf $(LEAFLET_DIR) && mkdir -p $(LEAFLET_DIR)/images
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE $(LEAFLET_DIR)/
	cp node_modules/leaflet/dist/images/*.png $(LEAFLET_DIR)/images/
	# No source map is shipped: the manifest storage (collectstatic) would look for it.
	sed -i '/sourceMappingURL/d' $(LEAFLET_DIR)/leaflet.js
	node -p '"leaflet " + require("./node_modules/leaflet/package.json").version + " from the npm registry (make leaflet)"' > $(LEAFLET_DIR)/VERSION

messages: $(VENV)/.installed gettext
	$(MANAGE) compilemessages --ignore '$(VENV)/*' -v 0

run: messages
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo_content
	@echo "Serving on http://127.0.0.1:$(PORT) (Welsh: http://127.0.0.1:$(PORT)/cy/; admin: /admin/). Ctrl-C stops."
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: messages chromium nginx
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# The quick loop while editing: lint, Django's checks and the tests without the browser ones.
check: messages
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --ignore=tests/browser

# Benchmark (not a test): at the demo content and at about 10,000 pages (BENCH_SCALES="0 3000"), each
# page kind's service time at 1 connection and req/s at 8, uncached and cached (gunicorn, wrk), beside
# bakerydemo's figures; writes docs/benchmarks.md. Each size's database is built once and kept in /tmp.
bench: messages
	@command -v wrk >/dev/null || { echo "Installing wrk…"; $(SUDO) apt-get install -y -qq wrk; }
	$(BIN)/python tools/bench.py

# Search latency alone at about 1,000 and 10,000 live pages; appends to docs/benchmarks.md.
bench-search: messages
	$(BIN)/python tools/bench.py search 270 3000

# Lighthouse (mobile) on the public pages in both languages, in Debian's chromium; Lighthouse is
# pinned in tools/lighthouse/package.json and its lock. Writes docs/benchmarks.md's "Lighthouse".
lighthouse: messages chromium
	cd tools/lighthouse && npm ci --no-audit --no-fund --ignore-scripts --silent
	$(BIN)/python tools/lighthouse.py

clean:
	rm -rf $(VENV) db.sqlite3 media test-media staticfiles
