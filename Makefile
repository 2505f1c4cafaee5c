VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB := demo.db

.PHONY: demo test bench lint install clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	INTERSECTOR_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/intersector demo
	printf 'demo-password\n' | INTERSECTOR_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/intersector user add demo --role coordinator --password-stdin
	@echo "web: sign in as demo / demo-password (coordinator); Ctrl-C stops the server"
	INTERSECTOR_DATABASE_URL=sqlite:///$(DEMO_DB) INTERSECTOR_ANONYMOUS_READ=1 $(BIN)/intersector serve

test: $(STAMP)
	$(BIN)/pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DEMO_DB) build *.egg-info
