"""Explaining jargon where it appears: the first acronym in a plan gets spelled out."""

from __future__ import annotations

import re
from collections.abc import Callable

from iepprep.core.content.reference import Glossary
from iepprep.core.planning.plan import ChecklistItem, Plan, PlanQuestion

# Short capitals that are ordinary words in headings or too vague to expand mid-sentence.
_NEVER_EXPAND = {"AT", "IDEA"}


class FirstUseExplainer:
    """Spells out each acronym the first time it appears, in reading order."""

    def __init__(self, glossary: Glossary) -> None:
        self.terms = {k: v for k, v in glossary.acronyms.items() if k not in _NEVER_EXPAND}
        names = sorted(self.terms, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, names)) + r")(?![\w&])")
        self.seen: set[str] = set()

    def __call__(self, text: str) -> str:
        def expand(match: re.Match[str]) -> str:
            acronym = match.group(1)
            already = text[match.end() : match.end() + 2].lstrip().startswith("(")
            # "comunicación aumentativa y alternativa (AAC)": spelled out just before it
            glossed = text[: match.start()].endswith("(")
            if acronym in self.seen or already:
                return acronym
            self.seen.add(acronym)
            if glossed:
                return acronym
            return f"{acronym} ({self.terms[acronym].expansion})"

        return self.pattern.sub(expand, text)


def explain_plan(plan: Plan, glossary: Glossary) -> Plan:
    """The same plan with each acronym spelled out where it first appears."""
    explain: Callable[[str], str] = FirstUseExplainer(glossary)
    checklist: list[ChecklistItem] = []
    for item in plan.checklist:
        checklist.append(
            item.model_copy(update={"text": explain(item.text), "why": explain(item.why)})
        )
    questions: list[PlanQuestion] = [
        q.model_copy(update={"text": explain(q.text)}) for q in plan.questions
    ]
    return plan.model_copy(update={"checklist": checklist, "questions": questions})
