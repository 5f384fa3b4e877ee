# `make demo` and `make test` install whatever is missing, then run. Both are idempotent:
# a stamp file per step means a second run only checks timestamps.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := clang-22 llvm-22 csmith libcsmith-dev valgrind hyperfine g++ cmake
STAMP := .stamps

.PHONY: demo test lint deps apt clean

demo: deps
	$(VENV)/bin/optsmith bench --suite builtin --optimizer random --budget 200

test: deps
	$(PY) -m pytest -q

lint: deps
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy
	PYTHONPATH=src $(VENV)/bin/lint-imports --no-cache

deps: apt $(STAMP)/venv

# Checked every time (dpkg -s is fast), so a removed package is noticed.
apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP)/venv: pyproject.toml
	@mkdir -p $(STAMP)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

clean:
	rm -rf $(VENV) $(STAMP)
