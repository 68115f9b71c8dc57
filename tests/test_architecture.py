"""STYLE §1–2: imports flow ui → services → store → domain. Nothing below ui imports Qt,
and no widget talks to the database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "clusterdesk"
LOWER_LAYERS = ("domain", "store", "services", "imports", "exports", "demo")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files_in(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.exists() else []


@pytest.mark.parametrize("layer", LOWER_LAYERS)
def test_lower_layers_never_import_qt(layer):
    offenders = [f"{p.relative_to(PACKAGE)}: {m}" for p in files_in(layer)
                 for m in imported_modules(p)
                 if m.split(".")[0] in {"PySide6", "shiboken6", "qtpy", "qtawesome"}]
    assert offenders == []


def test_domain_imports_neither_qt_nor_sqlalchemy():
    offenders = [f"{p.relative_to(PACKAGE)}: {m}" for p in files_in("domain")
                 for m in imported_modules(p) if m.split(".")[0] in {"sqlalchemy", "alembic"}]
    assert offenders == []


def test_widgets_do_not_query_the_database():
    offenders = []
    for path in files_in("ui"):
        source = path.read_text(encoding="utf-8")
        modules = imported_modules(path)
        if any(m.split(".")[0] == "sqlalchemy" for m in modules):
            offenders.append(f"{path.relative_to(PACKAGE)} imports sqlalchemy")
        for needle in ("session.execute", "session.query", "session.add", "select(", "uow()"):
            if needle in source:
                offenders.append(f"{path.relative_to(PACKAGE)} uses {needle}")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and "store.models" in node.module:
                offenders.append(f"{path.relative_to(PACKAGE)} imports ORM models")
    assert offenders == []


# Where a date is written for an entry field, a file name, a sort key or a cell width, not
# for a person to read: everything else goes through domain/formatting.
DATE_TEXT_ALLOWED = {
    "ui/common/forms.py",  # the DateField shows what it reads: dd-mm-yyyy
    "ui/common/table_model.py",  # ISO text as the proxy's sort key
    "ui/open_flow.py",  # the name of a damaged file kept aside
    "exports/excel.py",  # measuring the width of typed date cells
}


def test_dates_for_people_go_through_domain_formatting():
    """STYLE: one way to write a date on screen, in messages and in PDFs (format_date)."""
    import re

    pattern = re.compile(r"\.strftime\(|\.isoformat\(\)|%d/%m|%Y-%m-%d|:%d-%m-%Y|style=[\"'](short|long)[\"']")
    offenders = []
    for layer in ("ui", "exports"):
        for path in files_in(layer):
            name = str(path.relative_to(PACKAGE))
            if name in DATE_TEXT_ALLOWED:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    offenders.append(f"{name}:{number}: {line.strip()}")
    assert offenders == []
