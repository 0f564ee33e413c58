"""The answers a parent gives about the coming meeting, validated in one place.

Answers typed at the prompts and answers read from a file both go through
`Profile.model_validate`, so the rules (and the error messages) are the same.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator


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

_STATE_BY_NAME = {name.lower(): code for code, name in US_STATES.items()}
_LANGUAGE_BY_NAME = {name.lower(): code for code, name in LANGUAGES.items()}

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
    def _date_from_text_only(cls, value: Any) -> Any:
        # pydantic would read a bare number as a Unix timestamp; a parent never means that.
        if value is None or isinstance(value, dt.date | str):
            return value
        raise ValueError("write the date as YYYY-MM-DD, for example 2026-12-10")

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
    def _single_value_is_a_list(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
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
        code = _STATE_BY_NAME.get(code.lower(), code)
        if code not in US_STATES:
            raise ValueError(f"{value!r} is not a US state code; use two letters, for example TX")
        return code

    @field_validator("language", mode="before")
    @classmethod
    def _language_code(cls, value: Any) -> Any:
        if value is None:
            return "en"
        if not isinstance(value, str):
            raise ValueError("use a two-letter language code, for example en or es")
        code = value.strip().lower()
        if not code:
            return "en"
        code = _LANGUAGE_BY_NAME.get(code, code)
        if not (code.isascii() and code.isalpha() and len(code) in (2, 3)):
            raise ValueError(
                f"{value!r} is not a language code; use two letters, for example en or es"
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
