"""The layers of the architecture (the table of ../shared/ARCHITECTURE.md) hold: every `import`
of our own package in src/, read with `ast` (type-only and function-level imports included), goes
to a layer the importing layer may use. In particular the JSON contract and the item types live in
`domain/`, so `web/` and `files/` never import `store/`; `store/` never imports `texts/` (nor
`auth/`); `reports/` never imports `texts/`; the CLI reaches `texts/` and `files/` only through
`services/`."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "intersector"

# layer → the layers it may import (besides itself)
ALLOWED: dict[str, frozenset[str]] = {
    "domain": frozenset(),
    "settings": frozenset({"domain"}),
    "texts": frozenset({"domain"}),
    "files": frozenset({"domain"}),
    "store": frozenset({"domain"}),
    "auth": frozenset({"domain"}),
    "coordination": frozenset({"domain", "texts"}),
    "reports": frozenset({"domain", "coordination"}),
    "services": frozenset(
        {"domain", "texts", "files", "store", "coordination", "reports", "auth", "settings"}
    ),
    # the doors: services, reports and domain; the settings they read at the edge, and (web)
    # the sign-in and role rules its requests pass through
    "web": frozenset({"services", "reports", "domain", "settings", "auth"}),
    "cli": frozenset({"services", "reports", "domain", "settings", "cli_help"}),
    "cli_help": frozenset(),  # the CLI's --help: examples and plain types, nothing of ours
}


def layer_of(path: Path) -> str:
    parts = path.relative_to(SRC).parts
    return parts[0] if len(parts) > 1 else path.stem


def imported_layers(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, layer) of every import of `intersector.<layer>…` in a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
            if node.module == "intersector":  # `from intersector import services`
                modules = [f"intersector.{alias.name}" for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == "intersector" and len(parts) > 1:
                yield node.lineno, parts[1]


def modules() -> list[Path]:
    found = sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)
    assert len(found) > 50
    return found


def violations(path: Path) -> list[str]:
    layer = layer_of(path)
    allowed = ALLOWED[layer] | {layer}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(SRC.parent)}:{line}: {layer}/ imports {target}/"
        for line, target in imported_layers(tree)
        if target not in allowed
    ]


def test_every_layer_is_known() -> None:
    assert {layer_of(p) for p in modules()} <= set(ALLOWED)


def test_no_layer_imports_one_it_may_not() -> None:
    found = [v for path in modules() for v in violations(path)]
    assert found == []


@pytest.mark.parametrize(
    ("layer", "source", "bad"),
    [
        ("web", "from intersector.store.codec import to_dict\n", "store"),
        ("files", "from intersector.store import codec\n", "store"),
        ("store", "from intersector.texts.document_json import document_to_dict\n", "texts"),
        ("reports", "def f():\n    from intersector.texts.align import Change\n", "texts"),
        ("cli", "from intersector import files\n", "files"),
        ("cli", "import intersector.texts.align\n", "texts"),
    ],
)
def test_the_check_sees_each_kind_of_import(layer: str, source: str, bad: str) -> None:
    """The control: the imports the rules forbid are found, however they are written."""
    found = {target for _, target in imported_layers(ast.parse(source))}
    assert bad in found and bad not in ALLOWED[layer]
