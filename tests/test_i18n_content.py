"""Every bundled text has its Spanish, and the completeness check itself catches gaps."""

from __future__ import annotations

import unicodedata

import pytest

from iepprep.core.i18n import completeness, content
from iepprep.core.i18n.translations import TRANSLATION_MODELS, TipsText, TipText
from iepprep.core.questionnaire import _enum_of, load_questionnaire


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
