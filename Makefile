# `make demo` and `make test` install whatever is missing, then run. Both are idempotent:
# a stamp file per step means a second run only checks timestamps.
# `make demo` installs the core only (no torch, no llama.cpp build); `make test` adds the
# test and model dependencies (the `dev` extra).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := clang-22 llvm-22 csmith libcsmith-dev valgrind hyperfine bubblewrap g++ cmake
STAMP := .stamps
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON

.PHONY: demo test lint deps core apt clean

demo: core
	$(VENV)/bin/optsmith bench --suite builtin --budget 200

test: deps
	$(PY) -m pytest -q

lint: deps
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/mypy
	PYTHONPATH=src $(VENV)/bin/lint-imports --no-cache

core: apt $(STAMP)/core

deps: apt $(STAMP)/dev

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

$(STAMP)/venv:
	@mkdir -p $(STAMP)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	@touch $@

$(STAMP)/core: pyproject.toml $(STAMP)/venv
	$(PY) -m pip install -q -e .
	@touch $@

# The dev extra includes the core; its stamp also satisfies `core`. llama-cpp-python is
# built from source first, for a portable x86-64 (AVX2) CPU: a native build (GGML_NATIVE)
# uses whatever the build machine reports (AMX, AVX-512) and dies with SIGILL where the
# kernel or hypervisor does not enable it. --no-cache-dir, so that a natively built wheel in
# pip's cache is never reused; an installed one is kept (pip skips a satisfied requirement).
$(STAMP)/dev: pyproject.toml $(STAMP)/venv
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip install -q --no-cache-dir 'llama-cpp-python[server]>=0.3'
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@ $(STAMP)/core

clean:
	rm -rf $(VENV) $(STAMP)
