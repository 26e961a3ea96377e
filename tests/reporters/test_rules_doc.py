"""docs/rules.md is generated from the rule table, so it cannot go stale."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from copydesk.rules import RULES, Rule

RULES_DOC = Path(__file__).parents[2] / "docs" / "rules.md"
INTRO = """\
# Rules

<!-- Generated from copydesk.rules.RULES by tests/reporters/test_rules_doc.py.
     Do not edit by hand: change the table, then run
     `pytest tests/reporters --update-golden` and review the diff. -->

Every verdict copydesk gives comes from one rule with a stable code. Codes come
in blocks: CD0xx supported, CD1xx citations, CD2xx support, CD3xx editorial.
`copydesk rules` lists them and `copydesk explain CODE` prints one entry.
By default only unsupported claims (level `error`) fail the run;
`--fail-on warning` adds unused sources and `--fail-on opinion` adds opinion.
"""


def render_rules_doc(rules: tuple[Rule, ...]) -> str:
    """Return the Markdown reference of every rule: an index, then a section each."""
    rows = [
        f"| [{r.code}](#{anchor(r)}) | {r.name} | {r.level.value} | "
        f"{r.verdict.value if r.verdict else 'file finding'} | {cell(r.summary)} |"
        for r in rules
    ]
    index = "\n".join(
        ["| Code | Name | Level | Verdict | Summary |", "|---|---|---|---|---|", *rows]
    )
    return "\n\n".join([INTRO.rstrip(), index, *map(rule_section, rules)]) + "\n"


def rule_section(rule: Rule) -> str:
    """Return the section of one rule: what, why, example, instead."""
    verdict = rule.verdict.value if rule.verdict else "none (a finding about the file)"
    return "\n\n".join(
        [
            f"## {rule.code} {rule.name}",
            rule.summary,
            f"- Level: `{rule.level.value}`\n- Verdict: {verdict}\n- Reason: `{rule.reason.value}`",
            f"**Why:** {rule.why}",
            f"**Example:**\n\n```text\n{rule.example}\n```",
            f"**Instead:** {rule.instead}",
        ]
    )


def cell(text: str) -> str:
    """Return ``text`` safe inside a table cell."""
    return text.replace("|", "\\|")


def anchor(rule: Rule) -> str:
    """Return the GitHub anchor of a rule's heading (``cd201-uncited-claim``)."""
    return f"{rule.code}-{rule.name}".lower()


def test_rules_doc_matches_rule_table(golden: Callable[[Path, str], None]) -> None:
    golden(RULES_DOC, render_rules_doc(RULES))


def test_rules_doc_has_a_section_per_rule() -> None:
    headings = [line for line in render_rules_doc(RULES).splitlines() if line.startswith("## ")]
    assert headings == [f"## {rule.code} {rule.name}" for rule in RULES]
