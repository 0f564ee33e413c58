"""Every bundled text has its Spanish, and the completeness check itself catches gaps.

The check works on the raw English files (not the loaded models), so it checks exactly
what ships: every English entry has its text, no text is left in English, and no
translation names an entry that does not exist.
"""

from __future__ import annotations

import string
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from iepprep.core.content.datafiles import parse_yaml
from iepprep.core.content.library import bundled_text
from iepprep.core.i18n import content
from iepprep.core.i18n.translations import TRANSLATION_MODELS, TipsText, TipText
from iepprep.core.planning.questionnaire import _enum_of, load_questionnaire

# Texts that are rightly the same in both languages (names, acronyms).
SAME_IN_BOTH: frozenset[str] = frozenset({"IDEA", "Child Find", "Endrew F."})

# Tip fields that must be translated; `asks` is optional (see README: a parent's
# own words in Spanish are written fresh, not translated one by one).
TIP_FIELDS = ("title", "body", "why")


def _english(name: str) -> Any:
    return parse_yaml(bundled_text(name), name=name)


def _compare(
    problems: list[str],
    where: str,
    english: Mapping[str, Any],
    other: Mapping[str, Any] | None,
    fields: Iterable[str],
) -> None:
    for field in fields:
        wanted = english.get(field)
        if not wanted:
            continue
        got = None if other is None else other.get(field)
        if not got:
            problems.append(f"{where}: no translation of {field!r}")
        elif " ".join(str(got).split()) == " ".join(str(wanted).split()) and (
            str(wanted).strip() not in SAME_IN_BOTH
        ):
            problems.append(f"{where}: {field!r} is the same as the English")


def _unknown(problems: list[str], name: str, known: Iterable[str], given: Iterable[str]) -> None:
    known_set = set(known)
    for key in given:
        if key not in known_set:
            problems.append(f"{name}: {key!r} is not an entry of the English file")


def _dumped(model: Any, attribute: str) -> dict[str, dict[str, Any]]:
    if model is None:
        return {}
    items = getattr(model, attribute)
    return {key: value.model_dump() for key, value in items.items()}


def check_tips(lang: str) -> list[str]:
    problems: list[str] = []
    english = {tip["id"]: tip for tip in _english("tips.yaml")["tips"]}
    translated = _dumped(content.tips_text(lang), "tips")
    for tip_id, tip in english.items():
        _compare(problems, f"tip {tip_id!r}", tip, translated.get(tip_id), TIP_FIELDS)
    _unknown(problems, f"{lang}/tips.yaml", english, translated)
    return problems


def check_questions(lang: str) -> list[str]:
    problems: list[str] = []
    data = _english("questions.yaml")
    text = content.questions_text(lang)
    topics = text.topics if text else {}
    questions = text.questions if text else {}
    for topic in data["topics"]:
        _compare(
            problems, f"topic {topic['id']!r}", topic, {"title": topics.get(topic["id"])}, ["title"]
        )
    for question in data["questions"]:
        _compare(
            problems,
            f"question {question['id']!r}",
            question,
            {"text": questions.get(question["id"])},
            ["text"],
        )
    _unknown(problems, f"{lang}/questions.yaml topics", [t["id"] for t in data["topics"]], topics)
    _unknown(problems, f"{lang}/questions.yaml", [q["id"] for q in data["questions"]], questions)
    return problems


def check_glossary(lang: str) -> list[str]:
    problems: list[str] = []
    english = {entry["term"]: entry for entry in _english("glossary.yaml")["terms"]}
    translated = _dumped(content.glossary_text(lang), "terms")
    for term, entry in english.items():
        other = translated.get(term)
        _compare(problems, f"term {term!r}", entry, other, ["definition", "example"])
        if other is None or not other.get("term"):
            problems.append(f"term {term!r}: no translation of 'term'")
    _unknown(problems, f"{lang}/glossary.yaml", english, translated)
    return problems


def check_rights(lang: str) -> list[str]:
    problems: list[str] = []
    english = {right["id"]: right for right in _english("rights.yaml")["rights"]}
    translated = _dumped(content.rights_text(lang), "rights")
    for right_id, right in english.items():
        _compare(
            problems,
            f"right {right_id!r}",
            right,
            translated.get(right_id),
            ["title", "text", "state_note"],
        )
    _unknown(problems, f"{lang}/rights.yaml", english, translated)
    return problems


def check_states(lang: str) -> list[str]:
    problems: list[str] = []
    english: dict[str, Any] = _english("states.yaml")["states"]
    translated = _dumped(content.states_text(lang), "states")
    for code, info in english.items():
        other = translated.get(code)
        _compare(problems, f"state {code}", info, other, ["meeting_name"])
        done = {" ".join(n["en"].split()): n["text"] for n in (other or {}).get("notes", [])}
        wanted = [" ".join(note["text"].split()) for note in info.get("notes", [])]
        for number, note in enumerate(wanted, start=1):
            _compare(
                problems,
                f"state {code} note {number}",
                {"text": note},
                {"text": done.get(note)},
                ["text"],
            )
        for stale in set(done) - set(wanted):
            problems.append(
                f"state {code}: a translated note's English is not in the file: {stale[:60]!r}"
            )
    _unknown(problems, f"{lang}/states.yaml", english, translated)
    return problems


def check_review(lang: str) -> list[str]:
    problems: list[str] = []
    english = {check["id"]: check for check in _english("review.yaml")["checks"]}
    translated = _dumped(content.review_text(lang), "checks")
    for check_id, check in english.items():
        _compare(problems, f"check {check_id!r}", check, translated.get(check_id), ["text", "why"])
    _unknown(problems, f"{lang}/review.yaml", english, translated)
    return problems


def _fields(texts: Iterable[str]) -> list[str]:
    found = []
    for text in texts:
        for _, name, spec, _ in string.Formatter().parse(text):
            if name:
                found.append(f"list:{spec}" if name == "list" else name)
    return found


def check_letters(lang: str) -> list[str]:
    problems: list[str] = []
    english: dict[str, Any] = _english("letters.yaml")["letters"]
    translated = _dumped(content.letters_text(lang), "letters")
    for kind, letter in english.items():
        other = translated.get(kind)
        _compare(problems, f"letter {kind!r}", letter, other, ["title", "subject"])
        if other is None:
            continue
        if _fields([letter["subject"]]) != _fields([other["subject"]]):
            problems.append(f"letter {kind!r}: the subject's {{fields}} differ from the English")
        wanted, got = _fields(letter["body"]), _fields(other["body"])
        if sorted(set(wanted)) != sorted(set(got)):
            problems.append(f"letter {kind!r}: the {{fields}} differ from the English")
        lists = [name for name in wanted if name.startswith("list:")]
        if lists != [name for name in got if name.startswith("list:")]:
            problems.append(f"letter {kind!r}: the {{list:...}} blocks differ from the English")
    _unknown(problems, f"{lang}/letters.yaml", english, translated)
    return problems


def check_questionnaire(lang: str, choices: Mapping[str, Iterable[str]]) -> list[str]:
    """`choices`: the values of each fixed-choice answer, by answers-file key."""
    problems: list[str] = []
    english = {ask["key"]: ask for ask in _english("questionnaire.yaml")["questions"]}
    text = content.questionnaire_text(lang)
    asks = _dumped(text, "questions")
    for key, ask in english.items():
        _compare(problems, f"question {key!r}", ask, asks.get(key), ["ask", "why"])
    _unknown(problems, f"{lang}/questionnaire.yaml", english, asks)
    labels = text.choices if text else {}
    for key, values in choices.items():
        for value in values:
            if not labels.get(key, {}).get(value):
                problems.append(f"choice {key}={value}: no translation")
    return problems


def check_deadlines(lang: str) -> list[str]:
    problems: list[str] = []
    data = _english("deadlines.yaml")
    text = content.deadlines_text(lang)
    federal = _dumped(text, "federal")
    for rule in data["federal"]:
        _compare(problems, f"deadline {rule['id']!r}", rule, federal.get(rule["id"]), RULE_FIELDS)
    _unknown(problems, f"{lang}/deadlines.yaml", [r["id"] for r in data["federal"]], federal)
    states = text.states if text else {}
    for code, own in data["states"].items():
        words = {rule_id: rule.model_dump() for rule_id, rule in states.get(code, {}).items()}
        for rule in own["rules"]:
            where = f"deadline {code} {rule['id']!r}"
            _compare(problems, where, rule, words.get(rule["id"]), RULE_FIELDS)
        _unknown(problems, f"{lang}/deadlines.yaml {code}", [r["id"] for r in own["rules"]], words)
    _unknown(problems, f"{lang}/deadlines.yaml states", data["states"], states)
    unverified = text.unverified if text else {}
    for code, note in data.get("unverified", {}).items():
        _compare(
            problems,
            f"deadline note {code}",
            {"note": note},
            {"note": unverified.get(code)},
            ["note"],
        )
    _unknown(problems, f"{lang}/deadlines.yaml unverified", data.get("unverified", {}), unverified)
    return problems


def check_draft_checks(lang: str) -> list[str]:
    problems: list[str] = []
    data = _english("draft_checks.yaml")
    text = content.draft_checks_text(lang)
    kinds = _dumped(text, "kinds")
    for kind, words in data["kinds"].items():
        _compare(problems, f"finding {kind!r}", words, kinds.get(kind), ["message", "question"])
        said = kinds.get(kind)
        if said and "{quote}" in words["question"] and "{quote}" not in said["question"]:
            problems.append(f"finding {kind!r}: the question lost its {{quote}}")
    _unknown(problems, f"{lang}/draft_checks.yaml", data["kinds"], kinds)
    sections = _dumped(text, "sections")
    for rule in data["sections"]:
        _compare(
            problems,
            f"draft section {rule['id']!r}",
            rule,
            sections.get(rule["id"]),
            SECTION_FIELDS,
        )
    _unknown(
        problems,
        f"{lang}/draft_checks.yaml sections",
        [r["id"] for r in data["sections"]],
        sections,
    )
    return problems


RULE_FIELDS = ("title", "note")
SECTION_FIELDS = ("what", "needed")

completeness = sys.modules[__name__]


def _fixed_choices() -> dict[str, list[str]]:
    return {
        ask.key: [member.value for member in enum]
        for ask in load_questionnaire().questions
        if (enum := _enum_of(ask.key)) is not None
    }


CHECKS = {
    "tips.yaml": completeness.check_tips,
    "questions.yaml": completeness.check_questions,
    "glossary.yaml": completeness.check_glossary,
    "rights.yaml": completeness.check_rights,
    "states.yaml": completeness.check_states,
    "review.yaml": completeness.check_review,
    "letters.yaml": completeness.check_letters,
    "questionnaire.yaml": lambda lang: completeness.check_questionnaire(lang, _fixed_choices()),
    "deadlines.yaml": completeness.check_deadlines,
    "draft_checks.yaml": completeness.check_draft_checks,
}


def test_every_content_file_has_a_check() -> None:
    assert set(CHECKS) == set(TRANSLATION_MODELS)


@pytest.mark.parametrize("name", sorted(TRANSLATION_MODELS))
def test_spanish_file_loads_and_validates(name: str) -> None:
    content._load.cache_clear()
    assert content._load("es", name) is not None


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_spanish_is_complete(name: str) -> None:
    assert CHECKS[name]("es") == []


def test_a_language_without_files_has_no_translation() -> None:
    assert content.tips_text("fr") is None
    assert content.tips_text("en") is None


def _fake_tips(monkeypatch: pytest.MonkeyPatch, tips: dict[str, TipText]) -> None:
    monkeypatch.setattr(content, "tips_text", lambda lang: TipsText(tips=tips))


def test_check_reports_a_missing_tip(monkeypatch: pytest.MonkeyPatch) -> None:
    spanish = content.tips_text("es")
    assert spanish is not None
    tips = dict(spanish.tips)
    tips.pop("take-notes")
    _fake_tips(monkeypatch, tips)
    assert completeness.check_tips("es") == [
        "tip 'take-notes': no translation of 'title'",
        "tip 'take-notes': no translation of 'body'",
        "tip 'take-notes': no translation of 'why'",
    ]


def test_check_reports_text_left_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    spanish = content.tips_text("es")
    assert spanish is not None
    tips = dict(spanish.tips)
    tips["take-notes"] = tips["take-notes"].model_copy(
        update={"title": "Take notes, or have someone take them"}
    )
    _fake_tips(monkeypatch, tips)
    assert completeness.check_tips("es") == ["tip 'take-notes': 'title' is the same as the English"]


def test_check_reports_an_id_the_english_does_not_have(monkeypatch: pytest.MonkeyPatch) -> None:
    spanish = content.tips_text("es")
    assert spanish is not None
    tips = dict(spanish.tips)
    tips["no-such-tip"] = tips["take-notes"]
    _fake_tips(monkeypatch, tips)
    assert completeness.check_tips("es") == [
        "es/tips.yaml: 'no-such-tip' is not an entry of the English file"
    ]


def test_check_reports_a_letter_whose_fields_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    spanish = content.letters_text("es")
    assert spanish is not None
    letters = dict(spanish.letters)
    recap = letters["recap"]
    letters["recap"] = recap.model_copy(
        update={"body": [line.replace("{list:open}", "{list:notes}") for line in recap.body]}
    )
    broken = spanish.model_copy(update={"letters": letters})
    monkeypatch.setattr(content, "letters_text", lambda lang: broken)
    problems = completeness.check_letters("es")
    assert "letter 'recap': the {fields} differ from the English" in problems
    assert "letter 'recap': the {list:...} blocks differ from the English" in problems


def test_check_reports_a_deadline_missing_or_left_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spanish = content.deadlines_text("es")
    assert spanish is not None
    federal = dict(spanish.federal)
    federal.pop("mdr")
    federal["iep-meeting"] = federal["iep-meeting"].model_copy(
        update={"title": "Meeting to write the first IEP"}
    )
    texas = dict(spanish.states["TX"])
    texas.pop("evaluation-complete")
    broken = spanish.model_copy(
        update={"federal": federal, "states": {**spanish.states, "TX": texas}, "unverified": {}}
    )
    monkeypatch.setattr(content, "deadlines_text", lambda lang: broken)
    assert completeness.check_deadlines("es") == [
        "deadline 'iep-meeting': 'title' is the same as the English",
        "deadline 'mdr': no translation of 'title'",
        "deadline 'mdr': no translation of 'note'",
        "deadline TX 'evaluation-complete': no translation of 'title'",
        "deadline TX 'evaluation-complete': no translation of 'note'",
        "deadline note FL: no translation of 'note'",
    ]


def test_check_reports_a_finding_missing_left_in_english_or_without_its_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spanish = content.draft_checks_text("es")
    assert spanish is not None
    kinds = dict(spanish.kinds)
    kinds.pop("goal-dropped")
    kinds["goal-no-timeframe"] = kinds["goal-no-timeframe"].model_copy(
        update={"message": "This goal does not say by when it should be met."}
    )
    kinds["service-no-start"] = kinds["service-no-start"].model_copy(
        update={"question": "¿En qué fecha empieza el servicio?"}
    )
    sections = dict(spanish.sections)
    sections.pop("esy")
    broken = spanish.model_copy(update={"kinds": kinds, "sections": sections})
    monkeypatch.setattr(content, "draft_checks_text", lambda lang: broken)
    assert completeness.check_draft_checks("es") == [
        "finding 'goal-no-timeframe': 'message' is the same as the English",
        "finding 'service-no-start': the question lost its {quote}",
        "finding 'goal-dropped': no translation of 'message'",
        "finding 'goal-dropped': no translation of 'question'",
        "draft section 'esy': no translation of 'what'",
        "draft section 'esy': no translation of 'needed'",
    ]


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def test_spanish_glossary_names_each_lead_to_one_term() -> None:
    glossary = content.glossary_text("es")
    assert glossary is not None
    owner: dict[str, str] = {}
    for english, entry in glossary.terms.items():
        for name in [entry.term, *entry.aliases]:
            key = _folded(name)
            assert owner.setdefault(key, english) == english, f"{name!r} names two terms"


def test_spanish_glossary_uses_the_osep_terms() -> None:
    glossary = content.glossary_text("es")
    assert glossary is not None
    assert glossary.terms["FAPE"].term == "Educación pública gratuita y apropiada"
    assert glossary.terms["IEP"].term == "Programa de educación individualizado"
    assert glossary.terms["PWN"].term == "Aviso previo por escrito"
    assert glossary.terms["IEE"].term == "Evaluación educativa independiente"
    assert glossary.terms["LRE"].term == "Ambiente menos restrictivo"


# ------------------------------------------------------------ stale translations
# Each translation was made from one version of the English. When the English entry
# changes (a fact corrected), its Spanish must be looked at again: the fingerprints of
# the English each translation was made from are kept in SOURCES, and a changed one
# fails here. After updating the Spanish, record the new fingerprints:
#     .venv/bin/python tests/test_i18n_content.py --record

SOURCES = Path(__file__).resolve().parent / "i18n_es_sources.json"

_FINGERPRINTED = {
    "tips.yaml": ("tips", "id", ("title", "body", "why")),
    "questions.yaml": ("questions", "id", ("text",)),
    "glossary.yaml": ("terms", "term", ("expansion", "definition", "example")),
    "rights.yaml": ("rights", "id", ("title", "text", "state_note")),
    "review.yaml": ("checks", "id", ("text", "why")),
    "questionnaire.yaml": ("questions", "key", ("ask", "why")),
}


def english_fingerprints() -> dict[str, dict[str, str]]:
    import hashlib
    import json

    found: dict[str, dict[str, str]] = {}
    for name, (key, id_field, fields) in _FINGERPRINTED.items():
        entries = _english(name)[key]
        found[name] = {
            str(entry[id_field]): hashlib.sha256(
                json.dumps(
                    [" ".join(str(entry.get(f) or "").split()) for f in fields],
                    ensure_ascii=False,
                ).encode()
            ).hexdigest()[:16]
            for entry in entries
        }
    rules = _english("deadlines.yaml")
    found["deadlines.yaml"] = {
        f"{where}/{rule['id']}": _print([rule.get(f) for f in RULE_FIELDS])
        for where, listed in [("federal", rules["federal"])]
        + [(code, own["rules"]) for code, own in rules["states"].items()]
        for rule in listed
    } | {f"unverified/{code}": _print([note]) for code, note in rules["unverified"].items()}
    checks = _english("draft_checks.yaml")
    found["draft_checks.yaml"] = {
        kind: _print([words["message"], words["question"]])
        for kind, words in checks["kinds"].items()
    } | {
        f"section/{rule['id']}": _print([rule.get(f) for f in SECTION_FIELDS])
        for rule in checks["sections"]
    }
    letters = _english("letters.yaml")["letters"]
    found["letters.yaml"] = {
        kind: hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]
        for kind, spec in letters.items()
    }
    return found


def _print(texts: list[Any]) -> str:
    import hashlib
    import json

    flat = [" ".join(str(text or "").split()) for text in texts]
    return hashlib.sha256(json.dumps(flat, ensure_ascii=False).encode()).hexdigest()[:16]


def test_no_translation_is_older_than_its_english() -> None:
    import json

    recorded = json.loads(SOURCES.read_text(encoding="utf-8"))
    stale = [
        f"{name} {entry!r}"
        for name, entries in english_fingerprints().items()
        for entry, print_ in entries.items()
        if entry in recorded.get(name, {}) and recorded[name][entry] != print_
    ]
    assert stale == [], (
        "the English changed since these were translated: update the Spanish in "
        "data/es/, then run: .venv/bin/python tests/test_i18n_content.py --record"
    )


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    import json

    SOURCES.write_text(
        json.dumps(english_fingerprints(), indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"recorded {SOURCES}")
