"""Finding the goals and services in a draft's text, whatever the district's layout.

Schools' IEP software lays drafts out in many ways: tables (which become rows of cells
separated by '|' or tabs when copied), "Service: ... | Frequency: ..." rows, numbered
goals, or plain paragraphs; in English or in Spanish (many Spanish-speaking families
get a translated draft), so every pattern knows both languages' words. The parser works line by line: it follows the section
headings, groups lines into blocks (a goal, a service row) and reads each block's
parts with patterns. It never guesses a value it cannot see: a part not found is
reported missing, and a goal it cannot make sense of is listed as unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from iepprep.core.common.safety import clean
from iepprep.core.draft.models import Goal, Service
from iepprep.core.draft.reading import DraftDocument

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Spanish months, written out: their short forms ("mar", "ago") are everyday words.
MESES = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|"
    r"diciembre"
)
DATE = (
    rf"(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|(?:{MONTHS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|(?:{MONTHS})\.?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:\s+de)?\s+(?:{MESES})(?:\s+(?:de(?:l)?\s+)?\d{{4}})?\b|(?:{MESES})(?:\s+de(?:l)?)?\s+\d{{4}})"
)

_HEADINGS = {
    "goals": re.compile(
        r"^(?:measurable\s+)?(?:annual\s+)?goals?(?:\s+and\s+(?:short[- ]term\s+)?objectives)?"
        r"(?:\s+and\s+benchmarks)?\s*:?$|^measurable annual goals?|^annual goals?\b|"
        r"^metas?(?:\s+anual(?:es)?)?(?:\s+medibles?)?(?:\s+anual(?:es)?)?"
        r"(?:\s+y\s+(?:objetivos|puntos de referencia)(?:\s+a\s+corto\s+plazo)?)?\s*:?$",
        re.IGNORECASE,
    ),
    "services": re.compile(
        r"^(?:special education(?: and related)? services|related services|services|"
        r"schedule of services|service delivery|services? summary|special education services|"
        r"servicios(?: de educaci[oó]n especial)?(?: y servicios relacionados)?|"
        r"servicios relacionados|resumen de (?:los )?servicios|horario de servicios)\b",
        re.IGNORECASE,
    ),
    "accommodations": re.compile(
        r"^(?:accommodations|modifications|supplementary aids|program modifications|"
        r"adaptaciones|modificaciones|ayudas (?:y servicios )?suplementari[oa]s|"
        r"apoyos suplementarios)\b",
        re.IGNORECASE,
    ),
    "other": re.compile(
        r"^(?:present levels?|plaafp|plep|student (?:profile|information)|transition|"
        r"post-?secondary|extended school year|esy\b|state(?:wide)? assessments?|"
        r"participation in (?:state|district)|parent(?:al|s'?)? (?:concerns|input)|"
        r"least restrictive|lre\b|placement|behavior|signatures?|progress report|"
        r"consideration of special factors|special factors|team members|meeting participants|"
        r"niveles? actual(?:es)?|rendimiento actual|perfil del (?:estudiante|alumno)|"
        r"datos del (?:estudiante|alumno)|informaci[oó]n del (?:estudiante|alumno)|"
        r"transici[oó]n|post-?secundari[oa]|a[nñ]o escolar extendido|"
        r"evaluaciones? (?:estatal|del estado|de todo el estado|del distrito)|pruebas estatales|"
        r"participaci[oó]n en (?:las )?(?:evaluaciones|pruebas)|"
        r"preocupaciones de (?:los )?padres|inquietudes de (?:los )?padres|"
        r"aportes de (?:los )?padres|(?:ambiente|entorno) menos restrictivo|colocaci[oó]n|"
        r"ubicaci[oó]n educativa|conducta|comportamiento|firmas?|informes? de progreso|"
        r"factores especiales|miembros del equipo|participantes)",
        re.IGNORECASE,
    ),
}

SERVICE_NAMES = re.compile(
    r"speech(?:[- ]language)?(?: therapy| services)?|language therapy|occupational therapy|"
    r"\bOT\b|physical therapy|\bPT\b|counsell?ing|social work|psychological services|"
    r"specialized academic instruction|\bSAI\b|resource (?:room|support|services)|"
    r"special education (?:instruction|support|services)|reading (?:instruction|intervention|support)|"
    r"math (?:instruction|intervention|support)|written expression (?:instruction|support)|"
    r"behavior(?:al)? (?:support|intervention)s?|paraprofessional|one[- ]to[- ]one aide|\baide\b|"
    r"assistive technology|vision services|orientation and mobility|hearing services|"
    r"audiology|adapted physical education|\bAPE\b|transportation|nursing services|"
    r"co-?taught|consultation|direct instruction|"
    r"terapia (?:del? )?(?:habla|lenguaje)(?: y (?:del? )?lenguaje)?|habla y lenguaje|"
    r"terapia ocupacional|fisioterapia|terapia f[ií]sica|consejer[ií]a|asesoramiento|"
    r"orientaci[oó]n (?:escolar|psicol[oó]gica)|trabajo social|servicios psicol[oó]gicos|"
    r"instrucci[oó]n acad[eé]mica especializada|instrucci[oó]n especializada|"
    r"sal[oó]n de recursos|aula de recursos|apoyo de recursos|"
    r"(?:instrucci[oó]n|apoyo|servicios) de educaci[oó]n especial|"
    r"(?:instrucci[oó]n|intervenci[oó]n|apoyo) (?:de|en) (?:lectura|matem[aá]ticas|escritura)|"
    r"(?:apoyo|intervenci[oó]n) (?:conductual|de (?:la )?conducta)|paraprofesional|"
    r"asistente (?:individual|personal|de instrucci[oó]n)|"
    r"tecnolog[ií]a (?:asistiva|de asistencia|de apoyo)|servicios de visi[oó]n|"
    r"orientaci[oó]n y movilidad|servicios de audici[oó]n|audiolog[ií]a|"
    r"educaci[oó]n f[ií]sica adaptada|transporte|servicios de enfermer[ií]a|"
    r"co-?ense[nñ]anza|consulta|instrucci[oó]n directa",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(
    r"\b\d+\s*(?:x|times?|sessions?)\s*(?:(?:per|a|each|/)\s*)?(?:week|wk|month|mo|day|cycle)|"
    r"\b(?:daily|weekly|monthly|every day|each day|per week|per month|per day|a week|a month|"
    r"/\s*week|/\s*wk|/\s*month|/\s*day|once|twice|three times)\b|"
    r"\b\d+\s*(?:veces|vez|sesi[oó]n|sesiones)\s*(?:(?:por|a la|al|cada|/)\s*)?(?:semana|mes|d[ií]a|ciclo)|"
    r"\b(?:diari[oa]s?|diariamente|semanal(?:es|mente)?|mensual(?:es|mente)?|todos los d[ií]as|"
    r"cada d[ií]a|por semana|por mes|por d[ií]a|a la semana|al mes|al d[ií]a|una vez|dos veces|"
    r"tres veces)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:-\s*\d+\s*)?(?:minutos?|min(?:ute)?s?|mins?|hours?|horas?|hrs?)\b",
    re.IGNORECASE,
)
_LOCATION = re.compile(
    r"general education|gen\.? ed|regular (?:education )?class(?:room)?|special education "
    r"(?:class(?:room)?|room|setting)|resource room|therapy room|speech room|classroom|"
    r"pull[- ]out|push[- ]in|in[- ]class|separate (?:class|setting|room)|school[- ]wide|"
    r"school campus|on campus|\bhome\b|community|counselor'?s office|office|"
    r"educaci[oó]n general|educaci[oó]n regular|sal[oó]n de (?:clases?|recursos|educaci[oó]n "
    r"(?:general|especial)|terapia)|aula(?: de (?:recursos|educaci[oó]n (?:general|especial)))?|"
    r"sala de (?:terapia|recursos)|fuera del (?:sal[oó]n|aula)|dentro del (?:sal[oó]n|aula)|"
    r"en (?:la )?clase|entorno separado|\bhogar\b|\bcasa\b|comunidad|oficina",
    re.IGNORECASE,
)
_START = re.compile(
    rf"(?:start|begin|beginning|from|initiation|effective|inicio|inicia|comienza|comenzando|"
    rf"empieza|empezando|a partir de|desde)\D{{0,20}}{DATE}|^{DATE}",
    re.IGNORECASE,
)
_ANY_DATE = re.compile(DATE, re.IGNORECASE)

_BASELINE = re.compile(
    r"\bbaseline\b|\bcurrently\b|\bpresently\b|\bat present\b|\bpresent level|"
    r"\bcurrent(?:ly)? (?:reads|performs|writes|level)|\bfrom\s+\d+(?:\.\d+)?\s*(?:%|percent|words|wpm|of)|"
    r"\bpunto de partida\b|\bl[ií]nea (?:de )?base\b|\bactualmente\b|\bnivel actual\b|"
    r"\ben este momento\b|\bdesde\s+(?:un\s+|el\s+)?\d+(?:[.,]\d+)?\s*(?:%|por\s*ciento|palabras|ppm|de)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|por\s*ciento\b)", re.IGNORECASE)
_OUT_OF = re.compile(
    r"\b(\d{1,3})\s*(?:out\s+of|of|de(?:\s+cada)?|/)\s*(\d{1,3})\b(?!\s*(?:/|-)\s*\d)"
    r"(?:\s+(?:trials|opportunities|attempts|days|sessions|probes|tries|times|data|intentos|"
    r"oportunidades|ensayos|d[ií]as|sesiones|sondeos|veces|pruebas))?",
    re.IGNORECASE,
)
_RATE = re.compile(
    r"\b\d+\s+(?:[a-z-]+\s+){0,2}?(?:words?|letters|sounds|problems|steps|times|minutes|"
    r"sentences|facts|items|questions|paragraphs|pages|assignments|responses|days)\b|"
    r"\b\d+\s*(?:words? (?:correct )?per minute|wpm|wcpm|correct words|consecutive)\b|"
    r"\b\d+\s+(?:[^\W\d_]+\s+){0,2}?(?:palabras|letras|sonidos|problemas|pasos|veces|minutos|"
    r"oraciones|datos|art[ií]culos|preguntas|p[aá]rrafos|p[aá]ginas|tareas|respuestas|d[ií]as)\b|"
    r"\b\d+\s*(?:palabras (?:correctas )?por minuto|ppm|consecutiv[oa]s)\b",
    re.IGNORECASE,
)
_TIMEFRAME = re.compile(
    rf"\bby\s+(?:the\s+end\s+of\s+|the\s+)?(?:{MONTHS}|\d{{1,2}}/\d{{1,2}}|\d{{4}}|(?:the\s+)?(?:iep|annual review|school year|semester|grading period|year))|"
    rf"\bwithin\s+(?:one|1|a|\d+)\s+(?:year|months?|weeks?)|\bin\s+(?:one|1)\s+year|"
    rf"\b(?:annual|end of (?:the )?(?:iep|school year|year))\b|{DATE}|"
    rf"\b(?:para|antes de)\s+(?:el\s+|la\s+)?(?:(?:final|fin|finales)\s+del?\s+)?"
    rf"(?:{MESES}|\d{{1,2}}/\d{{1,2}}|\d{{4}}|iep|a[nñ]o escolar|semestre|per[ií]odo|trimestre|a[nñ]o|"
    rf"revisi[oó]n anual)|\b(?:dentro de|en)\s+(?:un|1|\d+)\s+(?:a[nñ]o|mes(?:es)?|semanas?)\b|"
    rf"\b(?:anual|al final del (?:iep|a[nñ]o escolar|a[nñ]o))\b",
    re.IGNORECASE,
)
_MEASUREMENT = re.compile(
    r"measured by|as measured|measured (?:daily|weekly|monthly|quarterly|each)|"
    r"measure[ds]? (?:by|using|through|with)|evaluated by|"
    r"(?:teacher|therapist|staff)[- ]?(?:charted|collected|made)|data collection|"
    r"\bprobes?\b|running records?|work samples?|\brubric|curriculum[- ]based|\bCBM\b|"
    r"observation|progress monitoring|checklist|trial data|data sheets?|teacher records|"
    r"graded|assessments?\b|tests?\b|quizzes|screener|inventory|benchmark|"
    r"medid[oa]s? (?:por|con|mediante|a trav[eé]s de|cada|semanal|mensual)|se medir[aá]|"
    r"seg[uú]n (?:lo )?medid[oa]|evaluad[oa]s? (?:por|con|mediante)|"
    r"registros? (?:de datos|del maestro|de la maestra|del terapeuta)|recopilaci[oó]n de datos|"
    r"\bsondeos?\b|muestras? de trabajo|\br[uú]brica|basad[oa] en el plan de estudios|"
    r"observaci[oó]n|monitoreo del progreso|lista de (?:verificaci[oó]n|cotejo)|"
    r"hojas? de datos|\bpruebas?\b|ex[aá]menes|evaluaciones?\b|inventario",
    re.IGNORECASE,
)
_GOAL_START = re.compile(
    r"^(?:(?:measurable\s+)?(?:annual\s+)?goal\s*(?:#|no\.?)?\s*\d*\s*[:.)\-–]|"
    r"meta(?:\s+anual)?(?:\s+medible)?\s*(?:#|n[oº°]\.?|n[uú]m\.?)?\s*\d*\s*[:.)\-–]|"
    r"\d{1,2}[.)]\s|[a-z][.)]\s|[-•*▪]\s)",
    re.IGNORECASE,
)
_NUMBERED_GOAL = re.compile(
    r"^(?:measurable\s+)?(?:annual\s+)?goal\s*(?:#|no\.?)?\s*\d+|"
    r"^(?:measurable\s+)?(?:annual\s+)?goal\b[^:|.]{0,40}:|"
    r"^meta(?:\s+anual)?(?:\s+medible)?\s*(?:#|n[oº°]\.?|n[uú]m\.?)?\s*\d+|"
    r"^meta(?:\s+anual)?\b[^:|.]{0,40}:",
    re.IGNORECASE,
)
_NOT_A_GOAL = re.compile(
    r"^(?:progress\b|note\b|parents? will\b|goals? (?:will|are) (?:be )?(?:reviewed|reported)|"
    r"progreso\b|nota\b|(?:los )?padres\b|las metas se (?:revisar|informar)|"
    r"(?:los |el )?(?:informes?|reportes?) (?:de|del|sobre el) progreso|se informar[aá])",
    re.IGNORECASE,
)
_FIELD_LABEL = re.compile(
    r"^(?:baseline|criteri(?:a|on)|measured by|evaluation|method|schedule|objective|benchmark|"
    r"short[- ]term|progress|target|mastery|condition|by when|timeline|"
    r"punto de partida|l[ií]nea (?:de )?base|nivel actual|criterios?|medid[oa] por|"
    r"evaluaci[oó]n|m[eé]todo|horario|objetivo|a corto plazo|progreso|meta a alcanzar|"
    r"dominio|condici[oó]n|para cu[aá]ndo|plazo)\b",
    re.IGNORECASE,
)
_LABELLED_SERVICE = re.compile(
    r"\bservice\s*(?:type)?\s*:\s*|\b(?:tipo de )?servicio\s*:\s*", re.IGNORECASE
)
_LABEL_VALUE = re.compile(
    r"(service(?:\s*type)?|frequency|duration|minutes|amount|location|setting|start(?:\s*date)?|"
    r"begin(?:ning)?(?:\s*date)?|end(?:\s*date)?|provider|time|"
    r"(?:tipo de )?servicio|frecuencia|duraci[oó]n|minutos|cantidad|lugar|ubicaci[oó]n|entorno|"
    r"(?:fecha de )?(?:inicio|comienzo|fin|t[eé]rmino)|proveedor|responsable|tiempo)"
    r"\s*:\s*([^|\t;]*)",
    re.IGNORECASE,
)
_EMPTY_VALUE = re.compile(
    r"^(?:|-+|n/?a|tbd|tba|none|\?+|as needed|n/?d|no aplica|ninguno|ninguna|por determinar|"
    r"seg[uú]n sea necesario|seg[uú]n se necesite|cuando sea necesario)$",
    re.IGNORECASE,
)
_HEADER_WORDS = re.compile(
    r"^(?:services?|service type|type|frequency|freq\.?|duration|minutes|min\.?|amount|"
    r"location|setting|start(?: date)?|begin(?: date)?|end(?: date)?|provider|position|"
    r"time|goal|baseline|criteria|measured by|sessions?|"
    r"servicios?|tipo de servicio|tipo|frecuencia|duraci[oó]n|minutos|cantidad|lugar|"
    r"ubicaci[oó]n|entorno|(?:fecha de )?(?:inicio|comienzo|fin|t[eé]rmino)|proveedor|"
    r"responsable|tiempo|meta|punto de partida|l[ií]nea de base|criterios?|medido por|"
    r"sesiones)$",
    re.IGNORECASE,
)


# What a goal says the child will do: "will" in English, the future tense in Spanish
# ("leerá", "escribirá", "podrá").
_WILL = re.compile(r"\bwill\b|\b[^\W\d_]{2,}(?:ará|erá|irá|arán|erán|irán)\b", re.IGNORECASE)
_PER = r"(?:per|a|/|each|por|a la|al|cada)"
_PERIODS = {"week": 1, "wk": 1, "semana": 1, "month": 12 / 52, "mo": 12 / 52, "mes": 12 / 52}
_PERIODS |= {"day": 5, "día": 5, "dia": 5}
_SPANISH_COUNTS = {"una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5}
_PERIOD = r"(week|wk|month|mo|day|semana|mes|d[ií]a)\b"


@dataclass
class Line:
    text: str
    page: int | None
    section: str | None
    heading: bool = False


@dataclass
class ParsedDraft:
    lines: list[Line]
    goals: list[Goal] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    has_service_section: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def parse_draft(document: DraftDocument) -> ParsedDraft:
    lines = _lines(document)
    parsed = ParsedDraft(lines)
    parsed.has_service_section = any(line.section == "services" for line in lines)
    parsed.goals = [_goal(block) for block in _goal_blocks(parsed)]
    parsed.services = _services(parsed)
    return parsed


# Everyday words of each language: a draft with more Spanish ones than English is a
# Spanish draft, whose numeric dates are day first (01/11/2027: 1 November).
_SPANISH_WORDS = frozenset(
    [
        "de",
        "la",
        "el",
        "los",
        "las",
        "que",
        "y",
        "en",
        "por",
        "para",
        "con",
        "del",
        "su",
        "sus",
        "se",
        "una",
    ]
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "for",
        "with",
        "will",
        "his",
        "her",
        "their",
        "a",
        "an",
        "on",
        "by",
    ]
)


def draft_language(text: str) -> str:
    """ "es" when the draft is written in Spanish, "en" otherwise."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    spanish = sum(word in _SPANISH_WORDS for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    return "es" if spanish > english else "en"


LONGEST_LINE = 2000  # a longer line (a paragraph pasted as one) is split at sentences


def _split_long(raw: str) -> list[str]:
    """A very long line as sentences, each at most LONGEST_LINE characters, so every
    pattern runs on short text and a 5 MB line cannot take minutes."""
    if len(raw) <= LONGEST_LINE:
        return [raw]
    parts: list[str] = []
    for sentence in re.split(r"(?<=[.;!?])\s+", raw):
        while len(sentence) > LONGEST_LINE:
            cut = sentence.rfind(" ", 0, LONGEST_LINE)
            cut = cut if cut > 0 else LONGEST_LINE
            parts.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        parts.append(sentence)
    return parts


def _lines(document: DraftDocument) -> list[Line]:
    lines: list[Line] = []
    section: str | None = None
    for number, page in enumerate(document.pages, start=1):
        for raw in (part for whole in page.splitlines() for part in _split_long(whole)):
            # Control and invisible characters go first: a draft's text is shown,
            # quoted, on the parent's screen and in every export.
            text = " ".join(clean(raw).replace("\t", " | ").split())
            text = text.strip("| ").strip()
            if not text:
                lines.append(Line("", None, section))
                continue
            bare = text.strip("#*_=: ").strip()
            heading = False
            if len(bare.split()) <= 8 and "|" not in bare:
                for name, pattern in _HEADINGS.items():
                    if pattern.search(bare):
                        section, heading = name, True
                        break
            lines.append(Line(text, number if document.paged else None, section, heading))
    return lines


# ------------------------------------------------------------------ goals


def _goal_blocks(parsed: ParsedDraft) -> list[list[Line]]:
    """Each goal's lines: in the goals section, or anywhere a line starts "Goal 1:"."""
    blocks: list[list[Line]] = []
    current: list[Line] | None = None
    header: list[str] | None = None
    for line in parsed.lines:
        in_goals = line.section == "goals"
        text = line.text
        if not text:
            if current and not _looks_continued(current):
                current = None
            continue
        if line.heading:
            current, header = None, None
            continue
        if in_goals and _NOT_A_GOAL.match(text):
            current = None
            continue
        starts = bool(_NUMBERED_GOAL.match(text))
        if in_goals and not starts:
            if "|" in text:
                cells = [c.strip() for c in text.split("|")]
                if all(_HEADER_WORDS.match(c) for c in cells if c):
                    current, header = None, [c.lower() for c in cells]
                    continue
                if header:
                    line = Line(_labelled_row(cells, header), line.page, line.section)
                starts = bool(_WILL.search(text))
            else:
                starts = bool(_GOAL_START.match(text)) and not _FIELD_LABEL.match(
                    _GOAL_START.sub("", text)
                )
                if _WILL.search(text) and (
                    current is None or any(_WILL.search(x.text) for x in current)
                ):
                    starts = starts or not _FIELD_LABEL.match(text)
        if starts:
            current = [line]
            blocks.append(current)
        elif current is not None and (in_goals or _FIELD_LABEL.match(text)):
            current.append(line)
        elif not in_goals:
            current = None
    return blocks


def _labelled_row(cells: list[str], header: list[str]) -> str:
    """A goal table row with each cell named by its column: "... | Baseline: 30%"."""
    parts = []
    for name, cell in zip(header, cells, strict=False):
        if not cell or _EMPTY_VALUE.match(cell):
            continue
        parts.append(
            cell if name.startswith("goal") or not name else f"{name.capitalize()}: {cell}"
        )
    return " | ".join(parts)


def _looks_continued(block: list[Line]) -> bool:
    """A goal whose last line runs on (no full stop) continues after a blank line."""
    last = block[-1].text
    return not last.rstrip().endswith((".", ")", "%")) and len(block) == 1 and len(last.split()) < 6


def _goal(block: list[Line]) -> Goal:
    text = " ".join(line.text for line in block)
    body = _GOAL_START.sub("", text, count=1).strip() or text
    if (label := _NUMBERED_GOAL.match(body)) and body[label.end() - 1] == ":":
        body = body[label.end() :].strip() or body  # "Annual Goal in Reading: Ava will ..."
    readable = len(body.split()) >= 5 and bool(
        _WILL.search(body) or re.search(r"\bto\b|\bpara\b", body, re.IGNORECASE)
    )
    return Goal(
        text=body,
        page=block[0].page,
        baseline=bool(_BASELINE.search(body)),
        criterion=criterion_of(body),
        timeframe=bool(_TIMEFRAME.search(body)),
        measurement=bool(_MEASUREMENT.search(body)),
        readable=readable,
    )


def criterion_of(text: str) -> str | None:
    """The goal's target as written, ignoring the baseline: '80%', '4 of 5 trials', '90 wpm'."""
    target = " ".join(
        part
        for part in re.split(
            r"(?i)\b(?:baseline|punto de partida|l[ií]nea (?:de )?base|nivel actual)\s*:[^|]*", text
        )
        if part
    )
    target = re.sub(
        r"(?i)\b(?:from|desde)\s+(?:un\s+|el\s+)?\d+(?:\.\d+)?\s*(?:%|percent|por\s*ciento)?",
        " ",
        target,
    )
    if found := _PERCENT.findall(target):
        return f"{max(float(value) for value in found):g}%"
    if match := _OUT_OF.search(target):
        return match.group(0)
    without_dates = _ANY_DATE.sub(" ", target)
    if match := _RATE.search(without_dates):
        return match.group(0)
    return None


def percent_target(goal: Goal) -> float | None:
    if goal.criterion is None:
        return None
    if goal.criterion.endswith("%"):
        return float(goal.criterion[:-1])
    if match := _OUT_OF.search(goal.criterion):
        whole = int(match.group(2))
        return 100 * int(match.group(1)) / whole if whole else None
    return None


# ------------------------------------------------------------------ services


def _services(parsed: ParsedDraft) -> list[Service]:
    services: list[Service] = []
    header: list[str] | None = None
    for line in parsed.lines:
        text = line.text
        if not text or line.heading:
            continue
        in_services = line.section == "services" or (
            not parsed.has_service_section and line.section not in ("goals", "accommodations")
        )
        if not in_services:
            header = None
            continue
        if "|" in text:
            cells = [cell.strip() for cell in text.split("|")]
            if sum(1 for c in cells if c and _HEADER_WORDS.match(c)) >= 2 and all(
                _HEADER_WORDS.match(c) or not c for c in cells
            ):
                header = [c.lower() for c in cells]
                continue
            if header and not _LABEL_VALUE.search(text):
                if service := _from_columns(cells, header, line):
                    services.append(service)
                continue
        if _LABELLED_SERVICE.search(text) or (
            _LABEL_VALUE.search(text) and SERVICE_NAMES.search(text)
        ):
            services.append(_from_labels(text, line))
        elif SERVICE_NAMES.search(text) and _describes_service(text, line):
            services.append(_from_sentence(text, line))
    return services


def _describes_service(text: str, line: Line) -> bool:
    """A line naming a service is one when it says how much, or that the child receives it."""
    if (
        _FREQUENCY.search(text)
        or _DURATION.search(text)
        or re.search(r"\breceives?\b|\brecib(?:e|irá|irán)\b", text, re.IGNORECASE)
    ):
        return True
    return line.section == "services" and (len(text.split()) <= 12 or bool(_WILL.search(text)))


def _from_columns(cells: list[str], header: list[str], line: Line) -> Service | None:
    values: dict[str, str] = {}
    for name, value in zip(header, cells, strict=False):
        key = _column_key(name)
        if key and value and not _EMPTY_VALUE.match(value):
            values[key] = value
    name = values.get("service") or (cells[0] if cells and cells[0] else "")
    if not name:
        return None
    text = " | ".join(c for c in cells if c)
    return _service(name, text, line, values, {_column_key(h) or "" for h in header})


def _column_key(name: str) -> str | None:
    name = re.sub(r"^(?:tipo|fecha)\s+de\s+", "", name.lower())  # "fecha de inicio": start
    for key, words in (
        ("service", ("service", "type", "servicio")),
        ("frequency", ("freq", "sessions", "frec", "sesiones")),
        (
            "duration",
            ("duration", "minutes", "min", "amount", "time", "duraci", "cantidad", "tiempo"),
        ),
        ("location", ("location", "setting", "lugar", "ubicaci", "entorno")),
        ("start", ("start", "begin", "inicio", "comienzo")),
    ):
        if any(name.startswith(word) for word in words):
            return key
    return None


def _from_labels(text: str, line: Line) -> Service:
    values: dict[str, str] = {}
    labelled: set[str] = set()
    for label, value in _LABEL_VALUE.findall(text):
        key = _column_key(re.sub(r"(?i)^(?:tipo|fecha)\s+de\s+", "", label).split()[0]) or (
            "start" if label.lower().startswith("begin") else None
        )
        value = value.strip()
        if key:
            labelled.add(key)
        if key and value and not _EMPTY_VALUE.match(value):
            values.setdefault(key, value)
    name = values.get("service") or _service_name(text)
    return _service(name, text, line, values, labelled)


def _from_sentence(text: str, line: Line) -> Service:
    return _service(_service_name(text), text, line, {})


def _service_name(text: str) -> str:
    match = SERVICE_NAMES.search(text)
    return match.group(0) if match else text.split("|")[0][:60]


def _service(
    name: str, text: str, line: Line, values: dict[str, str], labelled: set[str] | None = None
) -> Service:
    def found(key: str, pattern: re.Pattern[str]) -> str | None:
        if key in values:
            return values[key]
        if labelled and key in labelled:  # "Location:" with nothing after it
            return None
        match = pattern.search(text)
        return match.group(0) if match else None

    frequency = found("frequency", _FREQUENCY)
    duration = found("duration", _DURATION)
    # "120 minutes per week" says both how long and how often.
    if (
        frequency is None
        and duration
        and re.search(
            r"(?:per|a|/|por|a la|al)\s*(?:week|wk|month|day|semana|mes|d[ií]a)|semanal|mensual|diari",
            duration,
            re.IGNORECASE,
        )
    ):
        frequency = duration
    return Service(
        name=" ".join(name.split())[:80],
        text=text,
        page=line.page,
        frequency=frequency,
        duration=duration,
        location=found("location", _LOCATION),
        start=found("start", _START),
        minutes_per_week=minutes_per_week(frequency, duration),
    )


def minutes_per_week(frequency: str | None, duration: str | None) -> float | None:
    """Weekly minutes, when the frequency and duration say enough to work them out."""
    if duration is None:
        return None
    amount = re.search(
        r"(\d+(?:\.\d+)?)\s*(?:-\s*\d+\s*)?(min|hour|hora|hr)", duration, re.IGNORECASE
    )
    if amount is None:
        return None
    unit = amount.group(2).lower()
    minutes = float(amount.group(1)) * (60 if unit in ("hour", "hora", "hr") else 1)
    both = f"{frequency or ''} {duration}".lower()
    for word, number in _SPANISH_COUNTS.items():  # "dos veces por semana": 2 veces
        both = re.sub(rf"\b{word}\s+(?=vez\b|veces\b|sesi)", f"{number} ", both)
    per_period = re.search(rf"{_PER}\s*{_PERIOD}", duration.lower())
    if per_period:  # "120 minutes per week": the total already
        return minutes * _PERIODS[per_period.group(1)]
    if re.search(r"\b(?:semanal|semanales)\b", duration.lower()):  # "30 min semanales"
        return minutes
    count = re.search(
        rf"(\d+)\s*(?:x|times?|sessions?|veces|vez|sesi[oó]n|sesiones)\s*{_PER}?\s*{_PERIOD}", both
    )
    if count:
        return minutes * int(count.group(1)) * _PERIODS[count.group(2)]
    if re.search(r"\bdaily\b|every day|each day|\bdiari|todos los d[ií]as|cada d[ií]a", both):
        return minutes * 5
    if re.search(
        r"\bweekly\b|once a week|per week|\bsemanal|una vez (?:por|a la) semana|por semana", both
    ):
        return minutes
    if re.search(r"\btwice\b|\bdos veces\b", both):
        return minutes * 2
    if re.search(r"\bmonthly\b|\bmensual|\bpor mes\b|\bal mes\b", both):
        return minutes * 12 / 52
    return None
