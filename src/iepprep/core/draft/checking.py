"""The checks: what a parent should ask about in a draft, and what changed since last year.

Deterministic and readable: every finding quotes the line it is about, says in one
sentence why it matters and gives a question for the meeting. The checks cannot tell
whether the goals are right for the child; the report says so.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from iepprep.core.common.safety import one_line
from iepprep.core.draft.models import (
    DraftReport,
    Finding,
    Goal,
    Kind,
    Service,
    fold,
    load_checks,
    load_checks_in,
)
from iepprep.core.draft.parsing import ParsedDraft, draft_language, parse_draft, percent_target
from iepprep.core.draft.reading import DraftDocument
from iepprep.core.i18n.language import current
from iepprep.core.i18n.messages import _, ngettext

REPEATED = 0.85  # goals this alike are the same goal, reworded at most
SAME_GOAL = 0.55  # goals this alike are the same goal, changed
TRANSITION_AGE = 16
MOST_ITEMS = 100  # goals or services checked; an IEP has a few dozen at most
MOST_WORDING = 40  # vague phrases listed; past that the report would drown the rest
_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "with",
        "for",
        "by",
        "will",
        "his",
        "her",
        "their",
        "he",
        "she",
        "they",
        "student",
        "child",
        "given",
        "when",
        "at",
        "least",
        "as",
        "is",
        "be",
        "from",
        "into",
        "using",
        "per",
        "each",
        # Spanish
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "de",
        "del",
        "y",
        "o",
        "en",
        "con",
        "para",
        "por",
        "su",
        "sus",
        "estudiante",
        "alumno",
        "alumna",
        "cuando",
        "menos",
        "desde",
        "cada",
    }
)


def check_draft(
    document: DraftDocument,
    *,
    previous: DraftDocument | None = None,
    age: int | None = None,
) -> DraftReport:
    """Check a draft (and compare it with last year's when given)."""
    draft = parse_draft(document)
    not_checked: list[str] = []
    for kind, found in (("goals", draft.goals), ("services", draft.services)):
        if len(found) > MOST_ITEMS:
            template = (
                _(
                    "Only the first {most} of {count} goals were checked: this is far more "
                    "than one IEP has. Check a single draft at a time."
                )
                if kind == "goals"
                else _(
                    "Only the first {most} of {count} services were checked: this is far "
                    "more than one IEP has. Check a single draft at a time."
                )
            )
            not_checked.append(template.format(most=MOST_ITEMS, count=len(found)))
            del found[MOST_ITEMS:]
    findings: list[Finding] = []
    findings += _goal_findings(draft)
    findings += _service_findings(draft)
    findings += _vague_wording(draft)
    findings += _ambiguous_dates(draft)
    findings += _esy_deferred(draft)
    missing, unsure = _missing_sections(draft, age)
    findings += missing
    not_checked += unsure
    checked = [
        ngettext(
            "{count} goal: a starting point, a number to reach, a date and how progress "
            "is measured",
            "{count} goals: a starting point, a number to reach, a date and how progress "
            "is measured",
            len(draft.goals),
        ).format(count=len(draft.goals)),
        ngettext(
            "{count} service: how often, how long, where and from when (34 CFR 300.320(a)(7))",
            "{count} services: how often, how long, where and from when (34 CFR 300.320(a)(7))",
            len(draft.services),
        ).format(count=len(draft.services)),
        _("wording that leaves a service to someone's judgment later"),
        _(
            "the parts iepprep checks: the decision about extended school year, state tests, "
            "progress reports, your concerns, and transition if your child turns 16 while "
            "this IEP is in effect (or earlier)"
        ),
    ]
    if not draft.goals:
        not_checked.append(
            _(
                "No goals were found. If the draft has goals, they may be laid out in a way "
                "iepprep cannot read: check them yourself."
            )
        )
    if not draft.services:
        not_checked.append(
            _(
                "No services were found. Check the services page yourself: each needs how "
                "often, how long, where and a start date."
            )
        )
    previous_name = None
    if previous is not None:
        last_year = parse_draft(previous)
        findings += compare(draft, last_year)
        previous_name = one_line(previous.name)
        checked.append(
            _(
                "last year's goals and services: repeated or dropped goals, lower targets, "
                "fewer minutes"
            )
        )
    return DraftReport(
        source=one_line(document.name),
        previous=previous_name,
        findings=findings,
        goals=draft.goals,
        services=draft.services,
        checked=checked,
        not_checked=not_checked,
    )


def _finding(kind: Kind, quote: str, page: int | None, *, what: str | None = None) -> Finding:
    text = load_checks_in(current()).kinds[kind]
    short = what if what is not None else short_quote(quote)
    return Finding(
        kind=kind,
        section=text.section,
        quote=long_quote(quote),
        message=text.message,
        question=text.question.replace("{quote}", short),
        page=page,
    )


def short_quote(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def long_quote(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _goal_findings(draft: ParsedDraft) -> list[Finding]:
    findings = []
    for goal in draft.goals:
        if not goal.readable:
            findings.append(_finding("goal-unreadable", goal.text, goal.page))
            continue
        if not goal.baseline:
            findings.append(_finding("goal-no-baseline", goal.text, goal.page))
        if goal.criterion is None:
            findings.append(_finding("goal-no-criterion", goal.text, goal.page))
        if not goal.timeframe:
            findings.append(_finding("goal-no-timeframe", goal.text, goal.page))
        if not goal.measurement:
            findings.append(_finding("goal-no-measurement", goal.text, goal.page))
    return findings


def _service_findings(draft: ParsedDraft) -> list[Finding]:
    findings = []
    for service in draft.services:
        for kind, value in (
            ("service-no-frequency", service.frequency),
            ("service-no-duration", service.duration),
            ("service-no-location", service.location),
            ("service-no-start", service.start),
        ):
            if value is None:
                findings.append(_finding(kind, service.text, service.page, what=service.name))  # type: ignore[arg-type]
    return findings


def _vague_wording(draft: ParsedDraft) -> list[Finding]:
    phrases = load_checks().vague_phrases
    # "improve his skills" also catches "improve his reading skills".
    alternatives = [
        re.escape(p).replace(r"\ skills", r"(?:\s+\w+)?\s+skills")
        for p in sorted(phrases, key=len, reverse=True)
    ]
    alternatives = [fold(p).replace(r"\ skills", r"(?:\s+\w+)?\s+skills") for p in alternatives]
    pattern = re.compile(r"\b(" + "|".join(alternatives) + r")\b", re.IGNORECASE)
    findings = []
    for line in draft.lines:
        if not line.text or line.section == "sections":
            continue
        # Matched with accents off, quoted as written ("segun" finds "según" too).
        for match in pattern.finditer(fold(line.text)):
            said = line.text[match.start() : match.end()].lower()
            findings.append(_finding("vague-wording", line.text, line.page, what=said))
            if len(findings) >= MOST_WORDING:
                return findings
    return findings


MOST_DATES = 20  # ambiguous dates listed; a draft repeats the same few
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b")


def _ambiguous_dates(draft: ParsedDraft) -> list[Finding]:
    """In a Spanish draft, a date like 01/11/2027 is day first to the school and may be
    read month first by anyone used to US forms: both readings are named so the parent
    can ask. An English draft's dates are taken as US month first."""
    if draft_language(draft.text) != "es":
        return []
    import datetime as dt

    from babel.dates import format_date

    lang = current()
    pattern = "d 'de' MMMM" if lang == "es" else "MMMM d"
    text = load_checks_in(lang).kinds["ambiguous-date"]
    findings: list[Finding] = []
    seen: set[str] = set()
    for line in draft.lines:
        for match in _NUMERIC_DATE.finditer(line.text):
            first, second, year = int(match[1]), int(match[3]), int(match[4])
            written = match[0]
            if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
                continue
            if written in seen:
                continue
            seen.add(written)
            year += 2000 if year < 100 else 0
            day_first = format_date(dt.date(year, second, first), pattern, locale=lang)
            month_first = format_date(dt.date(year, first, second), pattern, locale=lang)
            words = {"date": written, "day_first": day_first, "month_first": month_first}
            findings.append(
                Finding(
                    kind="ambiguous-date",
                    section=text.section,
                    quote=long_quote(line.text),
                    message=text.message.format(**words),
                    question=text.question.replace("{quote}", written).format(**words),
                    page=line.page,
                )
            )
            if len(findings) >= MOST_DATES:
                return findings
    return findings


# ESY named, and the decision put off ("will be considered in the spring", "por
# determinar"); matched on the folded, lower-case text. A real decision right after
# the name ("ESY: no", "Año escolar extendido: sí, porque…") is kept as it is.
_ESY = re.compile(r"\b(?:extended school year|esy|ano escolar extendido)\b")
_ESY_DECIDED = re.compile(
    r"^[\s:|.,-]*(?:services?\s*)?(?:yes|no|not needed|not required|needed|required|"
    r"eligible|not eligible|qualifies|does not qualify|si|no lo necesita|no necesita|"
    r"no es necesario|no se necesita|no califica|califica)\b"
)
_ESY_LATER = re.compile(
    r"\bwill be (?:considered|discussed|decided|determined|reviewed|revisited)\b|"
    r"\bto be (?:determined|decided|discussed|considered)\b|\btbd\b|\blater\b|"
    r"\bpending\b|\bin the spring\b|\b(?:considerar|decidir|determinar|discutir|revisar)an?\b|"
    r"\bpor (?:determinar|decidir)\b|\bmas adelante\b|\bmas tarde\b|\ben la primavera\b|"
    r"\bpendiente\b"
)


def _esy_deferred(draft: ParsedDraft) -> list[Finding]:
    """A draft that names extended school year only to put the decision off has not
    decided it: the parent should ask when and how it will be, and in writing."""
    lines = [line for line in draft.lines if line.text]
    for number, line in enumerate(lines):
        folded = fold(line.text.lower())
        match = _ESY.search(folded)
        if match is None:
            continue
        after = folded[match.end() :]
        said = line
        if not after.strip(" :|.-") and number + 1 < len(lines):  # a heading: read on
            said = lines[number + 1]
            after = fold(said.text.lower())
        if _ESY_DECIDED.search(after):
            continue
        if _ESY_LATER.search(folded) or _ESY_LATER.search(after):
            return [_finding("esy-deferred", said.text, said.page, what=said.text)]
    return []


def _missing_sections(draft: ParsedDraft, age: int | None) -> tuple[list[Finding], list[str]]:
    text = fold(draft.text.lower())
    findings = []
    not_checked = []
    if age is None:
        age = age_in_draft(draft.text)
    checks = load_checks_in(current())
    for rule in checks.sections:
        if rule.id == "transition":
            if age is None:
                not_checked.append(
                    _(
                        "Transition planning: your child's age is not known (give --age). It "
                        "must be in the IEP in effect when your child turns 16, or earlier, if "
                        "the IEP team or your state decides."
                    )
                )
                continue
            if age + 1 < TRANSITION_AGE:  # not 16 during this IEP's year
                continue
        if _section_pattern(rule.id).search(text):
            continue
        findings.append(
            Finding(
                kind="missing-section",
                section="sections",
                quote=rule.what[0].upper() + rule.what[1:],
                message=_(
                    "This part is not in the draft; it is needed {when} ({citation})."
                ).format(when=rule.needed, citation=rule.citation),
                question=checks.kinds["missing-section"].question.replace("{quote}", rule.what),
                page=None,
                about=rule.id,
            )
        )
    return findings, not_checked


@cache
def _section_pattern(rule_id: str) -> re.Pattern[str]:
    """One pattern for all the ways a draft names a part (its words, any plural, and
    the rule's own patterns): one pass over the text instead of one per word."""
    (rule,) = [r for r in load_checks().sections if r.id == rule_id]
    words = [re.escape(fold(word.lower())) + r"(?:s|es)?" for word in rule.words]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b" + "".join(f"|{p}" for p in rule.patterns))


def age_in_draft(text: str) -> int | None:
    """The child's age from 'Age: 15' ('Edad: 15') or a date of birth, at the start of
    this IEP. A Spanish date of birth is day first (14/03/2015)."""
    import datetime as dt

    if match := re.search(r"\b(?:age|edad)\s*[:|]?\s*(\d{1,2})\b", text, re.IGNORECASE):
        return int(match.group(1))
    birth = re.search(
        r"(?:date of birth|birth ?date|d\.?o\.?b\.?|(fecha de nacimiento|f\.?\s?de\s?nac\.?))"
        r"\s*[:|]?\s*(\d{1,2})/(\d{1,2})/(\d{4})",
        text,
        re.IGNORECASE,
    )
    if birth is None:
        return None
    month, day = int(birth.group(2)), int(birth.group(3))
    if birth.group(1):  # día/mes/año
        month, day = day, month
    try:
        born = dt.date(int(birth.group(4)), month, day)
    except ValueError:
        return None
    today = dt.date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


# ------------------------------------------------------------------ last year


def _words(text: str) -> list[str]:
    text = re.sub(r"\d+(?:\.\d+)?\s*%?", " ", text.lower())
    return [w for w in re.findall(r"[a-z]+", fold(text)) if w not in _STOP]


def likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def compare(draft: ParsedDraft, last_year: ParsedDraft) -> list[Finding]:
    findings: list[Finding] = []
    readable = [goal for goal in draft.goals if goal.readable]
    for old in (goal for goal in last_year.goals if goal.readable):
        best, score = _best_match(old, readable)
        if best is None or score < SAME_GOAL:
            if not _noted_as_met(old, draft):
                findings.append(_finding("goal-dropped", old.text, None))
            continue
        if score >= REPEATED:
            findings.append(_finding("goal-repeated", best.text, best.page))
        before, now = percent_target(old), percent_target(best)
        if before is not None and now is not None and now < before:
            finding = _finding("criterion-lowered", best.text, best.page)
            findings.append(
                finding.model_copy(
                    update={
                        "message": finding.message
                        + " "
                        + _("Last year: {before}; now: {now}.").format(
                            before=old.criterion, now=best.criterion
                        )
                    }
                )
            )
    findings += _services_reduced(draft.services, last_year.services)
    return findings


def _best_match(goal: Goal, candidates: list[Goal]) -> tuple[Goal | None, float]:
    scored = [(likeness(goal.text, other.text), other) for other in candidates]
    if not scored:
        return None, 0.0
    score, best = max(scored, key=lambda pair: pair[0])
    return best, score


def _noted_as_met(goal: Goal, draft: ParsedDraft) -> bool:
    """The draft says the old goal was met ("Goal 2 (reading fluency) was met")."""
    words = set(_words(goal.text))
    for line in draft.lines:
        lowered = line.text.lower()
        if re.search(
            r"\b(met|mastered|achieved|completed|se cumpli[oó]|cumplida|cumplido|alcanzad[ao]|"
            r"se alcanz[oó]|lograda|logrado|se logr[oó]|dominada|dominado)\b",
            lowered,
        ) and (len(words & set(_words(line.text))) >= 3):
            return True
    return False


def _service_key(service: Service) -> str:
    name = service.name.lower()
    for canonical, words in (
        ("speech", ("speech", "language", "habla", "lenguaje")),
        ("occupational therapy", ("occupational", "ot", "terapia ocupacional")),
        ("physical therapy", ("physical therapy", "pt", "fisioterapia", "terapia fisica")),
        ("counseling", ("counsel", "social work", "psycholog", "consejer", "trabajo social")),
        ("reading", ("reading", "lectura")),
        ("math", ("math", "matematic")),
        ("writing", ("writ", "escritura")),
        ("behavior", ("behavior", "conduct", "comportamiento")),
        ("aide", ("aide", "paraprofessional", "paraprofesional", "asistente")),
        (
            "specialized instruction",
            ("specialized academic", "instruccion academica especializada"),
        ),
    ):
        if any(re.search(r"\b" + word, fold(name)) for word in words):
            return canonical
    return " ".join(_words(name)) or name


def _services_reduced(now: list[Service], before: list[Service]) -> list[Finding]:
    findings = []
    current: dict[str, Service] = {}
    for service in now:
        current.setdefault(_service_key(service), service)
    for old in before:
        new = current.get(_service_key(old))
        if new is None:
            finding = _finding("service-reduced", old.text, None, what=old.name)
            findings.append(
                finding.model_copy(
                    update={
                        "message": _(
                            "{service} was in last year's IEP and is not in the draft."
                        ).format(service=old.name)
                    }
                )
            )
            continue
        if (
            old.minutes_per_week
            and new.minutes_per_week
            and new.minutes_per_week < old.minutes_per_week - 0.5
        ):
            finding = _finding("service-reduced", new.text, new.page, what=new.name)
            findings.append(
                finding.model_copy(
                    update={
                        "message": _(
                            "{service}: about {now} minutes a week now, {before} last year."
                        ).format(
                            service=new.name,
                            now=f"{new.minutes_per_week:.0f}",
                            before=f"{old.minutes_per_week:.0f}",
                        )
                    }
                )
            )
    return findings
