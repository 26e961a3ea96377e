"""Imports point one way: models ← stages (in pipeline order) ← pipeline ← cli."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "copydesk"
STAGES = ["read", "directives", "segment", "claims", "citations", "verify", "suppress"]


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("copydesk")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def test_layering_nothing_imports_cli() -> None:
    assert [m for m, deps in MODULES.items() if "copydesk.cli" in deps] == ["copydesk.__main__"]


def test_layering_models_import_nothing_of_copydesk() -> None:
    assert MODULES["copydesk.models"] == set()


def test_layering_reporters_import_only_models_rules_and_reporters() -> None:
    allowed = {"copydesk", "copydesk.models", "copydesk.rules"}
    for module, deps in MODULES.items():
        if module.startswith("copydesk.reporters"):
            assert all(d in allowed or d.startswith("copydesk.reporters") for d in deps), module


def test_layering_stages_import_no_later_stage() -> None:
    for i, stage in enumerate(STAGES):
        later = {f"copydesk.pipeline.{s}" for s in STAGES[i + 1 :]} | {"copydesk.pipeline"}
        assert not MODULES[f"copydesk.pipeline.{stage}"] & later, stage


def test_layering_config_ledger_and_selection_import_no_pipeline_runner() -> None:
    for module in (
        "copydesk.config",
        "copydesk.ledger",
        "copydesk.selection",
        "copydesk.yamlfile",
        "copydesk.atomic",
    ):
        assert not MODULES[module] & {"copydesk.pipeline", "copydesk.cli"}, module


def test_layering_each_low_module_imports_first_without_a_cycle() -> None:
    # The benchmarks and the pipeline import copydesk.nlp first; a stage that
    # imports it back at the top would leave it half-initialised.
    import subprocess
    import sys

    for module in ("copydesk.nlp", "copydesk.pipeline.names", "copydesk.pipeline.labels"):
        result = subprocess.run(
            [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
