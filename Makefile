# `make test` and `make docs` set up their own virtual environment from PyPI.
SHELL := /bin/bash

# The newest Python found here; Sphinx 9.2 needs 3.13.
PYTHON ?= $(shell for v in 3.14 3.13 3.12 3.11 3.10; do \
	for p in python$$v $$HOME/.pyenv/versions/$$v*/bin/python$$v; do \
	$$p -c '' >/dev/null 2>&1 && { echo $$p; exit 0; }; done; done; echo python3)
PYTHON_OLDEST ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10; do \
	$$p -c '' >/dev/null 2>&1 && { echo $$p; exit 0; }; done; echo python3)

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENV_OLDEST := .venv-oldest
STAMP_OLDEST := $(VENV_OLDEST)/.installed
PYTEST_ARGS ?=

.PHONY: test lint pytest docs docs-pdf dist test-oldest test-matrix fuzz bench bench-federated mutate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,docs]'
	touch $(STAMP)

test: lint pytest

lint: $(STAMP)
	$(BIN)/ruff check sphinxcontrib_enhspec tests docs/conf.py benchmarks .ci/latex_overflow.py \
		mutation
	$(BIN)/mypy
	$(BIN)/lint-imports

# The JUnit report feeds the docs: `make docs` shows it and gates the project's own spec.
pytest: $(STAMP)
	$(BIN)/python -m pytest -n 2 --junitxml=reports/junit.xml $(PYTEST_ARGS)

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html

# The PDF, with TeX Live and latexmk; fails when a line of the extension's content is more
# than 10 pt too wide (.ci/latex_overflow.py).
LATEX_DIR := docs/_build/latex
docs-pdf: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -b latex docs $(LATEX_DIR)
	cd $(LATEX_DIR) && latexmk -pdf -dvi- -ps- -interaction=nonstopmode -halt-on-error \
		-silent sphinxcontrib-enhspec.tex
	$(BIN)/python .ci/latex_overflow.py --max-pt 10 $(LATEX_DIR)/sphinxcontrib-enhspec.log

# The sdist and the wheel, as they would be published, checked by twine.
STAMP_RELEASE := $(VENV)/.installed-release
$(STAMP_RELEASE): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,docs,release]'
	touch $@

dist: $(STAMP_RELEASE)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

# The oldest supported stack: Sphinx 7.4 with its docutils and MyST-Parser.
$(STAMP_OLDEST): pyproject.toml
	test -x $(VENV_OLDEST)/bin/python || $(PYTHON_OLDEST) -m venv $(VENV_OLDEST)
	$(VENV_OLDEST)/bin/python -m pip install -q --upgrade pip
	$(VENV_OLDEST)/bin/python -m pip install -q 'sphinx==7.4.7' 'docutils==0.20.1' \
		'myst-parser==4.0.*' -e '.[test]'
	touch $(STAMP_OLDEST)

test-oldest: $(STAMP_OLDEST)
	$(VENV_OLDEST)/bin/python -m pytest -n 2 $(PYTEST_ARGS)

# The releases between: Sphinx 8.1 and 8.2, each with the docutils it pins.
MATRIX := 8.1 8.2
.venv-sphinx%/.installed: pyproject.toml
	test -x .venv-sphinx$*/bin/python || $(PYTHON) -m venv .venv-sphinx$*
	.venv-sphinx$*/bin/python -m pip install -q --upgrade pip
	.venv-sphinx$*/bin/python -m pip install -q 'sphinx==$*.*' 'myst-parser==4.0.*' -e '.[test]'
	touch $@

test-matrix: $(foreach v,$(MATRIX),.venv-sphinx$(v)/.installed)
	for v in $(MATRIX); do \
		.venv-sphinx$$v/bin/python -c 'import sphinx, docutils; print("Sphinx", sphinx.__version__, "docutils", docutils.__version__)'; \
		.venv-sphinx$$v/bin/python -m pytest -n 2 $(PYTEST_ARGS) || exit 1; \
	done

# The property tests searched long and at random: rounds of random edit sequences, options
# and JUnit files (a few minutes each) until FUZZ_MINUTES have passed (never part of
# `make test`).
FUZZ_MINUTES ?= 20
fuzz: $(STAMP)
	end=$$(( $$(date +%s) + $(FUZZ_MINUTES) * 60 )); round=0; \
	while [ $$(date +%s) -lt $$end ]; do \
		round=$$((round + 1)); echo "fuzz round $$round"; \
		ENHSPEC_FUZZ=1 $(BIN)/python -m pytest -n 2 -q --hypothesis-show-statistics \
			tests/test_random_edits.py tests/test_fuzz_options.py tests/test_fuzz_junit.py \
			|| exit 1; \
	done; echo "fuzz: $$round rounds without a finding"

# The benchmark: never part of `make test`. BENCH_ARGS="--sizes 1000 --runs 3" to change it.
VENV_NEEDS := benchmarks/.venv-needs
BENCH_ARGS ?=
$(VENV_NEEDS)/.installed: $(STAMP)
	test -x $(VENV_NEEDS)/bin/python || $(PYTHON) -m venv $(VENV_NEEDS)
	$(VENV_NEEDS)/bin/python -m pip install -q --upgrade pip
	$(VENV_NEEDS)/bin/python -m pip install -q "sphinx==$$($(BIN)/python -c 'import sphinx; print(sphinx.__version__)')" sphinx-needs
	touch $@

bench: $(STAMP) $(VENV_NEEDS)/.installed
	cd benchmarks && ../$(BIN)/python run.py --needs-python .venv-needs/bin/python $(BENCH_ARGS)

# One project of 20,000 requirements against ten sub-projects and a hub (docs/design.rst).
FEDERATED_ARGS ?=
bench-federated: $(STAMP)
	cd benchmarks && ../$(BIN)/python federated.py $(FEDERATED_ARGS)

# Mutation testing of the pure modules with cosmic-ray: never part of `make test`. It edits
# those modules in place while it runs, one mutant at a time, and puts each back.
STAMP_MUTATE := $(VENV)/.installed-mutate
MUTATION_SESSION := mutation/session.sqlite
MUTATION_BAR ?= 90
$(STAMP_MUTATE): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,docs,mutate]'
	touch $@

mutate: $(STAMP_MUTATE)
	rm -f $(MUTATION_SESSION)
	$(BIN)/cosmic-ray init mutation/cosmic-ray.toml $(MUTATION_SESSION)
	$(BIN)/cosmic-ray baseline mutation/cosmic-ray.toml
	$(BIN)/python mutation/session.py exclude $(MUTATION_SESSION)
	$(BIN)/cosmic-ray exec mutation/cosmic-ray.toml $(MUTATION_SESSION)
	$(BIN)/python mutation/session.py score $(MUTATION_SESSION) --fail-under $(MUTATION_BAR)

clean:
	rm -rf $(VENV) $(VENV_OLDEST) .venv-sphinx* $(VENV_NEEDS) docs/_build benchmarks/_work dist build \
		.mypy_cache .ruff_cache .pytest_cache $(MUTATION_SESSION)
