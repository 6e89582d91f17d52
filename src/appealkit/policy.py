"""Rule policy: which rules report and at what severity, from ``select`` / ``extend-select`` / ``ignore`` and
``severity`` (configuration file, then command line), in the manner of ruff.

A selector is a rule id (``figure-qualifier``), a category (``figure``) or ``ALL``. Each place that sets rules
(the configuration file, then the command line) is a layer applied in order: a ``select`` replaces the rules
enabled so far (earlier ``ignore`` still apply unless the layer has its own), ``extend-select`` adds to them,
``ignore`` removes from them. Severities apply in the same order;
within one layer a rule's own severity beats its category's.

The policy decides what is *reported*: every rule still runs, so alignment and suppression matching do not
depend on the house style, and an entry in the ignore file for a rule switched off is not called unused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from appealkit.findings import Finding

if TYPE_CHECKING:
    from appealkit.checker import PairResult
    from appealkit.reports import RuleInfo
    from appealkit.suppressions import Outcome

ALL = "ALL"


@dataclass(frozen=True)
class Layer:
    """The rule settings of one place (a configuration file or the command line); ``source`` says which."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (selector, level) in the order written
    sources: Mapping[str, str] = field(default_factory=dict)  # setting (or "severity.<selector>") -> where

    def source(self, setting: str) -> str:
        return self.sources.get(setting, "default")

    @property
    def sets_nothing(self) -> bool:
        return self.select is None and not (self.extend_select or self.ignore or self.severity)


@dataclass(frozen=True)
class RuleState:
    """One rule under the policy: enabled or not, its severity, and where each came from."""

    id: str
    category: str
    default_severity: str
    enabled: bool
    severity: str
    enabled_by: str = "default"
    severity_by: str = "default"


@dataclass(frozen=True)
class RulePolicy:
    rules: dict[str, RuleState] = field(default_factory=dict)

    def enabled(self, rule_id: str) -> bool:
        state = self.rules.get(rule_id)
        return state.enabled if state else True

    def severity(self, finding: Finding) -> str:
        state = self.rules.get(finding.rule)
        return state.severity if state and state.severity_by != "default" else finding.severity

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings of enabled rules, each at the severity the policy gives its rule."""
        kept = []
        for finding in findings:
            if self.enabled(finding.rule):
                severity = self.severity(finding)
                kept.append(finding if severity == finding.severity else replace(finding, severity=severity))
        return kept

    def apply_to_results(self, results: Sequence[PairResult]) -> list[PairResult]:
        return [replace(result, findings=self.apply(result.findings)) for result in results]

    def apply_to_outcome(self, outcome: Outcome) -> Outcome:
        """Results and suppressed findings as the policy reports them (suppressions were matched on all rules)."""
        suppressed = [replace(s, finding=f) for s in outcome.suppressed for f in self.apply([s.finding])]
        return replace(outcome, results=self.apply_to_results(outcome.results), suppressed=suppressed)


def catalogue() -> list[RuleInfo]:
    """Every rule a finding can carry (the registry and ``suppression-unused``)."""
    from appealkit.reports import rule_catalogue

    return rule_catalogue()


def expand(selector: str, rules: Sequence[RuleInfo]) -> set[str]:
    """The rule ids a selector names; ValueError with a suggestion when it names none."""
    if selector == ALL:
        return {r.id for r in rules}
    named = {r.id for r in rules if selector in (r.id, r.category)}
    if not named:
        choices = sorted({r.id for r in rules} | {r.category for r in rules})
        import difflib  # only on this error path: appeal check starts faster without it

        close = difflib.get_close_matches(selector, choices, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else " (see 'appeal rules')"
        raise ValueError(f"unknown rule or category '{selector}'{hint}")
    return named


def _by_specificity(pairs: Iterable[tuple[str, str]], rules: Sequence[RuleInfo]) -> list[tuple[str, str]]:
    """``ALL`` first, then categories, then rule ids: within a layer the most specific setting wins."""
    categories = {r.category for r in rules}
    rank = {ALL: 0, **dict.fromkeys(categories, 1)}
    return sorted(pairs, key=lambda pair: rank.get(pair[0], 2))


def resolve(layers: Sequence[Layer], rules: Sequence[RuleInfo] | None = None) -> RulePolicy:
    """The policy after applying each layer in order (see the module docstring).

    When no layer sets anything and no ``rules`` are given, every rule reports at its default severity: the
    empty policy, which does that without the catalogue (importing every rule would slow down the start of a
    check that the result cache answers)."""
    if rules is None and all(layer.sets_nothing for layer in layers):
        return RulePolicy()
    rules = list(rules if rules is not None else catalogue())
    enabled = {r.id: (True, "default") for r in rules}
    severity = {r.id: (r.severity, "default") for r in rules}
    ignored: list[tuple[str, str]] = []  # (selector, source) of every ignore so far
    for layer in layers:
        if layer.select is not None:
            chosen = set().union(*(expand(s, rules) for s in layer.select)) if layer.select else set()
            enabled = {r.id: (r.id in chosen, layer.source("select")) for r in rules}
            if not layer.ignore:  # as in ruff: a select without an ignore of its own keeps the earlier ignores
                for selector, source in ignored:
                    enabled.update(dict.fromkeys(expand(selector, rules), (False, source)))
        for selector in layer.extend_select:
            enabled.update({rule_id: (True, layer.source("extend-select")) for rule_id in expand(selector, rules)})
        for selector in layer.ignore:
            enabled.update({rule_id: (False, layer.source("ignore")) for rule_id in expand(selector, rules)})
            ignored.append((selector, layer.source("ignore")))
        for selector, level in _by_specificity(layer.severity, rules):
            where = layer.source(f"severity.{selector}")
            severity.update(dict.fromkeys(expand(selector, rules), (level, where)))
    return RulePolicy(
        {
            r.id: RuleState(
                r.id, r.category, r.severity, enabled[r.id][0], severity[r.id][0], enabled[r.id][1], severity[r.id][1]
            )
            for r in rules
        }
    )
