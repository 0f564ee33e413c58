"""The answers a parent gives about the coming meeting, validated in one place.

Answers typed at the prompts and answers read from a file both go through
`Profile.model_validate`, so the rules (and the error messages) are the same.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_serializer, field_validator


class Grade(StrEnum):
    PRESCHOOL = "preschool"
    KINDERGARTEN = "kindergarten"
    ELEMENTARY = "elementary"
    MIDDLE = "middle"
    HIGH = "high"
    POST_SECONDARY = "post_secondary"


class MeetingType(StrEnum):
    ELIGIBILITY = "eligibility"
    INITIAL = "initial"
    ANNUAL = "annual"
    REEVALUATION = "reevaluation"
    AMENDMENT = "amendment"
    DISCIPLINE = "discipline"


class Schooling(StrEnum):
    PUBLIC = "public"
    CHARTER = "charter"
    PRIVATE = "private"
    HOMESCHOOL = "homeschool"


class Concern(StrEnum):
    READING = "reading"
    WRITING = "writing"
    MATH = "math"
    SPEECH_LANGUAGE = "speech_language"
    MOTOR = "motor"
    ATTENTION = "attention"
    BEHAVIOR = "behavior"
    SOCIAL_EMOTIONAL = "social_emotional"
    SENSORY = "sensory"
    HEALTH = "health"
    HEARING_VISION = "hearing_vision"
    COMMUNICATION = "communication"


class Attendee(StrEnum):
    PARTNER = "partner"
    RELATIVE = "relative"
    FRIEND = "friend"
    ADVOCATE = "advocate"
    OUTSIDE_PROVIDER = "outside_provider"
    INTERPRETER = "interpreter"
    CHILD = "child"


class Document(StrEnum):
    DRAFT_IEP = "draft_iep"
    EVALUATION_REPORT = "evaluation_report"
    PROGRESS_REPORTS = "progress_reports"


class Relationship(StrEnum):
    COLLABORATIVE = "collaborative"
    NEUTRAL = "neutral"
    TENSE = "tense"


# Plain-words labels, shared by the prompts and every renderer.
LABELS: dict[StrEnum, str] = {
    Grade.PRESCHOOL: "preschool (ages 3-5)",
    Grade.KINDERGARTEN: "kindergarten",
    Grade.ELEMENTARY: "elementary school",
    Grade.MIDDLE: "middle school",
    Grade.HIGH: "high school",
    Grade.POST_SECONDARY: "18-21 (post-secondary program)",
    MeetingType.ELIGIBILITY: "eligibility meeting (evaluation results)",
    MeetingType.INITIAL: "first IEP (initial IEP meeting)",
    MeetingType.ANNUAL: "annual review",
    MeetingType.REEVALUATION: "reevaluation (often every 3 years)",
    MeetingType.AMENDMENT: "amendment (changing the current IEP)",
    MeetingType.DISCIPLINE: "discipline meeting (manifestation determination)",
    Schooling.PUBLIC: "public school",
    Schooling.CHARTER: "charter school",
    Schooling.PRIVATE: "private school (placed by you)",
    Schooling.HOMESCHOOL: "homeschool",
    Concern.READING: "reading",
    Concern.WRITING: "writing",
    Concern.MATH: "math",
    Concern.SPEECH_LANGUAGE: "speech and language",
    Concern.MOTOR: "motor skills (handwriting, movement)",
    Concern.ATTENTION: "attention and focus",
    Concern.BEHAVIOR: "behavior",
    Concern.SOCIAL_EMOTIONAL: "social and emotional",
    Concern.SENSORY: "sensory needs",
    Concern.HEALTH: "health or medical needs",
    Concern.HEARING_VISION: "hearing or vision",
    Concern.COMMUNICATION: "communication (including AAC)",
    Attendee.PARTNER: "my partner or spouse",
    Attendee.RELATIVE: "a relative",
    Attendee.FRIEND: "a friend",
    Attendee.ADVOCATE: "an advocate",
    Attendee.OUTSIDE_PROVIDER: "an outside therapist or doctor",
    Attendee.INTERPRETER: "an interpreter",
    Attendee.CHILD: "my child",
    Document.DRAFT_IEP: "a draft of the new IEP",
    Document.EVALUATION_REPORT: "the evaluation report",
    Document.PROGRESS_REPORTS: "recent progress reports",
    Relationship.COLLABORATIVE: "good: we work well together",
    Relationship.NEUTRAL: "okay, or too early to say",
    Relationship.TENSE: "tense: we often disagree",
}


def label(value: StrEnum) -> str:
    """The plain-words label for a choice (falls back to the value itself)."""
    return LABELS.get(value, str(value).replace("_", " "))


# The 50 states, DC and the territories that run IDEA Part B programs.
US_STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

# Common languages, for friendly display; any ISO 639-1 code is accepted.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Spanish",
    "zh": "Chinese",
    "vi": "Vietnamese",
    "ar": "Arabic",
    "tl": "Tagalog",
    "ko": "Korean",
    "ru": "Russian",
    "fr": "French",
    "ht": "Haitian Creole",
    "pt": "Portuguese",
    "so": "Somali",
    "hmn": "Hmong",
    "de": "German",
    "pl": "Polish",
    "ja": "Japanese",
    "hi": "Hindi",
    "ur": "Urdu",
    "fa": "Persian",
    "uk": "Ukrainian",
    "sw": "Swahili",
    "ne": "Nepali",
}

# The states whose Spanish name differs from the English one (the others, Texas or
# California, are written the same). Read as typed, and shown in Spanish runs.
US_STATES_IN_SPANISH = {
    "DC": "Distrito de Columbia",
    "HI": "Hawái",
    "LA": "Luisiana",
    "MI": "Míchigan",
    "MO": "Misuri",
    "NC": "Carolina del Norte",
    "ND": "Dakota del Norte",
    "NH": "Nuevo Hampshire",
    "NJ": "Nueva Jersey",
    "NM": "Nuevo México",
    "NY": "Nueva York",
    "OR": "Oregón",
    "PA": "Pensilvania",
    "SC": "Carolina del Sur",
    "SD": "Dakota del Sur",
    "VI": "Islas Vírgenes de los Estados Unidos",
    "AS": "Samoa Americana",
    "MP": "Islas Marianas del Norte",
    "WV": "Virginia Occidental",
}


def state_code(text: str) -> str | None:
    """The two-letter code of a state as people type it: "TX", "texas", "Nueva York",
    "nueva york"; None when it is no US state or territory."""
    typed = " ".join(text.split())
    if typed.upper() in US_STATES:
        return typed.upper()
    by_name = {
        fold(name): code
        for names in (US_STATES, US_STATES_IN_SPANISH)
        for code, name in names.items()
    }
    return by_name.get(fold(typed))


# What people type for a language: its English name, or its name in the language
# itself, with or without accents ("Spanish", "español", "Espanol", "Français").
LANGUAGE_NAMES: dict[str, str] = {
    **{name.lower(): code for code, name in LANGUAGES.items()},
    "ingles": "en",
    "espanol": "es",
    "castellano": "es",
    "中文": "zh",
    "普通话": "zh",
    "mandarin": "zh",
    "cantonese": "zh",
    "廣東話": "zh",
    "tieng viet": "vi",
    "العربية": "ar",
    "filipino": "tl",
    "한국어": "ko",
    "русский": "ru",
    "francais": "fr",
    "kreyol": "ht",
    "kreyol ayisyen": "ht",
    "creole": "ht",
    "portugues": "pt",
    "soomaali": "so",
    "af soomaali": "so",
    "hmoob": "hmn",
    "deutsch": "de",
    "polski": "pl",
    "日本語": "ja",
    "हिन्दी": "hi",
    "हिंदी": "hi",
    "اردو": "ur",
    "farsi": "fa",
    "فارسی": "fa",
    "українська": "uk",
    "kiswahili": "sw",
    "नेपाली": "ne",
}


def fold(text: str) -> str:
    """Lower case, accents dropped, spaces folded: 'Español ' -> 'espanol'."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(unicodedata.normalize("NFC", plain).split())


def language_code(text: str) -> str | None:
    """The code for a language as a parent types it (a code or a name, in English or
    in the language itself), or None when it is neither."""
    key = fold(text)
    if key in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[key]
    accented = " ".join(text.strip().lower().split())
    if accented in LANGUAGE_NAMES:  # scripts whose marks are part of the letters
        return LANGUAGE_NAMES[accented]
    if key.isascii() and key.isalpha() and len(key) in (2, 3):
        return key
    return None


# Words parents write for a concern, a grade, …: only to suggest the right choice.
_SUGGEST = {
    "dyslexia": "reading",
    "dysgraphia": "writing",
    "dyscalculia": "math",
    "maths": "math",
    "adhd": "attention",
    "add": "attention",
    "focus": "attention",
    "autism": "social_emotional",
    "asd": "social_emotional",
    "anxiety": "social_emotional",
    "speech": "speech_language",
    "language": "speech_language",
    "handwriting": "motor",
    "ot": "motor",
    "hearing": "hearing_vision",
    "vision": "hearing_vision",
    "deaf": "hearing_vision",
    "aac": "communication",
    "medical": "health",
    "k": "kindergarten",
    "pre k": "preschool",
    "prek": "preschool",
    "iep": "annual",
    "first": "initial",
    "mdr": "discipline",
    "manifestation": "discipline",
    "dad": "partner",
    "mom": "partner",
    "husband": "partner",
    "wife": "partner",
    "grandma": "relative",
    "therapist": "outside_provider",
    "doctor": "outside_provider",
    "draft": "draft_iep",
    "evaluation": "evaluation_report",
    "progress": "progress_reports",
}
_CHOICES: dict[str, type[StrEnum]] = {
    "grade": Grade,
    "meeting_type": MeetingType,
    "schooling": Schooling,
    "relationship": Relationship,
    "concerns": Concern,
    "attendees": Attendee,
    "documents_received": Document,
}
_GRADE_NUMBER = re.compile(r"^(\d{1,2})(st|nd|rd|th)?( grade)?$")


def _choice(value: Any, choices: type[StrEnum]) -> Any:
    """Read one choice as a parent may write it ('Speech and language', 'speech-language');
    anything else is refused naming the value, the choices and the likely one."""
    if not isinstance(value, str) or isinstance(value, StrEnum):
        return value
    key = fold(value)
    for member in choices:
        if key.replace("-", "_").replace(" ", "_") == member.value or key == fold(label(member)):
            return member.value
    allowed = ", ".join(member.value for member in choices)
    guess = _suggestion(key, choices)
    hint = f"; did you mean {guess}?" if guess else ""
    raise ValueError(f"{value} is not one of {allowed}{hint}")


def _suggestion(key: str, choices: type[StrEnum]) -> str | None:
    from difflib import get_close_matches

    values = [member.value for member in choices]
    if (number := _GRADE_NUMBER.match(key)) and "middle" in values:
        grade = int(number.group(1))
        return "elementary" if grade <= 5 else "middle" if grade <= 8 else "high"
    words = key.replace("_", " ").replace("-", " ")
    if _SUGGEST.get(words) in values:
        return _SUGGEST[words]
    for word in words.split():
        if _SUGGEST.get(word) in values:
            return _SUGGEST[word]
    close = get_close_matches(words.replace(" ", "_"), values, n=1, cutoff=0.6)
    return close[0] if close else None


ShortText = Annotated[str, Field(min_length=1, max_length=80)]


class Profile(BaseModel):
    """Everything iepprep knows about one family's coming meeting.

    Every key is optional; an omitted key takes the default shown in the README.
    """

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )

    child_name: ShortText | None = None
    parent_name: ShortText | None = None
    school: Annotated[str, Field(min_length=1, max_length=120)] | None = None
    grade: Grade = Grade.ELEMENTARY
    meeting_type: MeetingType = MeetingType.ANNUAL
    first_meeting: bool = False
    meeting_date: dt.date | None = None
    meeting_time: dt.time | None = None  # when it starts, if known: shown and on the calendar
    schooling: Schooling = Schooling.PUBLIC
    concerns: list[Concern] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)
    documents_received: list[Document] = Field(default_factory=list)
    relationship: Relationship = Relationship.NEUTRAL
    state: str | None = None
    language: str = "en"
    worries: Annotated[str, Field(min_length=1, max_length=2000)] | None = None

    @field_validator("child_name", "parent_name", "school", "worries", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("meeting_date", mode="before")
    @classmethod
    def _date_from_text_only(cls, value: Any, info: ValidationInfo) -> Any:
        # pydantic would read a bare number as a Unix timestamp; a parent never means that.
        if value is None or isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            from iepprep.core.common.dates import parse_written_date

            # The reader of the file's language (answers.py passes the Spanish one).
            read = (info.context or {}).get("read_date") or parse_written_date
            return read(value, today=(info.context or {}).get("today"))
        raise ValueError("write the date as YYYY-MM-DD, for example 2026-12-10")

    @field_validator("meeting_time", mode="before")
    @classmethod
    def _time_as_written(cls, value: Any) -> Any:
        if value is None or isinstance(value, dt.time):
            return value
        if isinstance(value, bool):
            raise ValueError("write the time like 3:30 pm or 15:30")
        if isinstance(value, int) and 0 <= value < 24 * 60:
            # YAML 1.1 reads an unquoted 15:30 as the number 930 (15 * 60 + 30).
            value = f"{value // 60}:{value % 60:02d}"
        if isinstance(value, str):
            from iepprep.core.common.dates import parse_time

            return parse_time(value)
        raise ValueError("write the time like 3:30 pm or 15:30")

    @field_serializer("meeting_time")
    def _time_as_hours_and_minutes(self, value: dt.time | None) -> str | None:
        return value.strftime("%H:%M") if value is not None else None

    @field_validator("grade", "meeting_type", "schooling", "relationship", mode="before")
    @classmethod
    def _one_choice(cls, value: Any, info: ValidationInfo) -> Any:
        return _choice(value, _CHOICES[info.field_name or ""])

    @field_validator("meeting_date")
    @classmethod
    def _date_in_range(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        # New answers (a context with "today") may be at most a year old; a saved plan's
        # date only has to be no more than three years ahead, so old plans stay readable.
        from iepprep.core.common.dates import check_meeting_date

        if value is not None:
            today = (info.context or {}).get("today")
            check_meeting_date(value, today=today, past=today is not None)
        return value

    @field_validator("concerns", "attendees", "documents_received", mode="before")
    @classmethod
    def _single_value_is_a_list(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            return [_choice(item, _CHOICES[info.field_name or ""]) for item in value]
        return value

    @field_validator("concerns", "attendees", "documents_received")
    @classmethod
    def _no_repeats(cls, value: list[StrEnum]) -> list[StrEnum]:
        return list(dict.fromkeys(value))

    @field_validator("state", mode="before")
    @classmethod
    def _known_state(cls, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("use the two-letter state code, for example TX")
        code = value.strip().upper()
        if not code:
            return None
        code = state_code(value) or code
        if code not in US_STATES:
            raise ValueError(
                f"{value!r} is not a US state we know; write its name or its two letters, "
                "for example Texas or TX"
            )
        return code

    @field_validator("language", mode="before")
    @classmethod
    def _language_code(cls, value: Any) -> Any:
        if value is None:
            return "en"
        if not isinstance(value, str):
            raise ValueError("use a two-letter language code, for example en or es")
        if not value.strip():
            return "en"
        code = language_code(value)
        if code is None:
            raise ValueError(
                f"{value!r} is not a language we know; write its name (Spanish, español) "
                "or its two-letter code (es)"
            )
        return code

    # Derived facts the planner and renderers share.

    @property
    def going_alone(self) -> bool:
        """No partner, relative, friend, advocate or provider is coming."""
        support = set(self.attendees) - {Attendee.CHILD, Attendee.INTERPRETER}
        return not support

    @property
    def other_language(self) -> bool:
        return self.language != "en"

    @property
    def language_name(self) -> str:
        return LANGUAGES.get(self.language, self.language)

    @property
    def state_name(self) -> str | None:
        return US_STATES.get(self.state) if self.state else None

    @property
    def missing_documents(self) -> list[Document]:
        return [doc for doc in Document if doc not in self.documents_received]

    def answers(self) -> dict[str, Any]:
        """The answers as plain JSON-ready data, keys in contract order."""
        return self.model_dump(mode="json")
