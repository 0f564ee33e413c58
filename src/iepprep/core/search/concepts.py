"""The concept layer's file format (data/concepts.yaml and data/<lang>/concepts.yaml):
what parents write, and what the tips call it. Read by `tips` (English) and
`translated` (other languages)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from iepprep.core.content.models import Strict
from iepprep.core.family.profile import Concern


class ConceptEntry(Strict):
    """One entry of concepts.yaml: what parents write, and what the tips call it."""

    says: Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]
    means: Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]
    about: Annotated[str, Field(min_length=3, max_length=80)]
    glossary: str | None = None
    concerns: list[Concern] = Field(default_factory=list)
    # Words that, next to `says`, show the sentence means something else: "sent home"
    # with "IEP", "papers" or "notice" is a paper sent home, not a child.
    unless: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)


class ConceptsFile(Strict):
    version: Literal[1] = 1
    light_words: list[str] = Field(default_factory=list)
    concepts: list[ConceptEntry] = Field(default_factory=list)
