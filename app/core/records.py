"""The vocabulary of a casebook, in the words of the National Whistleblowing Standards.

Every choice a record can hold is an Enum whose value is the code stored in the
database and used in returns and imports; `label` is what a person reads.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a human label (UK English)."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """Accept a code or a label, ignoring case and surrounding spaces."""
        wanted = text.strip().lower().replace(" ", "_").replace("-", "_")
        for member in cls:
            if wanted in (member.value, member.label.lower().replace(" ", "_")):
                return member
        raise ValueError(text)


class Stage(StrEnum):
    STAGE1 = "stage1"
    STAGE2 = "stage2"

    @property
    def number(self) -> int:
        return 1 if self is Stage.STAGE1 else 2


class StageEntry(LabelledEnum):
    """How a concern came to be at a stage."""

    RECEIVED = "received"  # started at this stage on its received date
    ESCALATED = "escalated"  # moved from stage 1 to stage 2


class Anonymity(LabelledEnum):
    NAMED = "named"  # identity known and recorded (in identities.db only)
    UNNAMED = "unnamed"  # the contact knows who; the record must not
    ANONYMOUS = "anonymous"  # nobody knows who


class ServiceType(LabelledEnum):
    NHS = "nhs"
    LOCAL_AUTHORITY = "local_authority"
    BOTH = "both"


class Channel(LabelledEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    WRITING = "writing"
    EMAIL = "email"
    OTHER = "other"


class RaisedWith(LabelledEnum):
    LINE_MANAGER = "line_manager"
    SENIOR_MANAGER = "senior_manager"
    CONFIDENTIAL_CONTACT = "confidential_contact"
    SPEAK_UP_AMBASSADOR = "speak_up_ambassador"
    OTHER = "other"


class RaiserCategory(LabelledEnum):
    EMPLOYEE = "employee"
    FORMER_EMPLOYEE = "former_employee"
    BANK_AGENCY_LOCUM = "bank_agency_locum"
    CONTRACTOR = "contractor"
    STUDENT_TRAINEE = "student_trainee"
    VOLUNTEER = "volunteer"
    NON_EXECUTIVE = "non_executive"
    OTHER = "other"


class ConsentMethod(LabelledEnum):
    CONVERSATION = "conversation"
    EMAIL = "email"
    WRITING = "writing"
    NOT_RECORDED = "not_recorded"  # imported history that did not say


class ProcedureDecision(LabelledEnum):
    """The initial discussion's conclusion."""

    UNDECIDED = "undecided"
    USE_PROCEDURE = "use_procedure"
    BUSINESS_AS_USUAL = "business_as_usual"
    NOT_TAKEN_FORWARD = "not_taken_forward"


class Outcome(LabelledEnum):
    UPHELD = "upheld"
    PARTIALLY_UPHELD = "partially_upheld"
    NOT_UPHELD = "not_upheld"


class Closure(LabelledEnum):
    """How a concern left the procedure other than (or after) a full response."""

    OPEN = "open"
    CLOSED = "closed"  # full response given at the final stage reached
    WITHDRAWN = "withdrawn"
    TRANSFERRED = "transferred"  # to another procedure (grievance, dignity at work, ...)
    NOT_TAKEN_FORWARD = "not_taken_forward"


class ConversationMode(LabelledEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    EMAIL = "email"
    LETTER = "letter"
    OTHER = "other"


class SignpostBody(LabelledEnum):
    INWO = "inwo"
    CARE_INSPECTORATE = "care_inspectorate"
    AUDIT_SCOTLAND = "audit_scotland"
    OTHER = "other"


class DisclosureConsent(LabelledEnum):
    """On what footing the identity was shared."""

    CONSENT_WRITTEN = "consent_written"
    CONSENT_VERBAL = "consent_verbal"
    CONSENT_RECORDED = "consent_recorded"  # a consent held in the casebook (a handover)
    LEGAL_DUTY = "legal_duty"  # e.g. a court order or a safeguarding duty
    OTHER = "other"


class SpeakUpAgain(LabelledEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


# The fixed theme list of SPEC.md: it must add up across units.
THEMES: dict[str, str] = {
    "patient_safety": "Patient safety or quality of care",
    "worker_safety": "Worker safety or wellbeing",
    "staffing": "Staffing levels or skill mix",
    "bullying_harassment": "Bullying or harassment",
    "behaviours": "Inappropriate attitudes or behaviours",
    "fraud": "Fraud or financial irregularity",
    "governance": "Governance, management or decision-making",
    "working_practices": "Working practices or procedures",
    "other": "Other",
}


def theme_code(text: str) -> str | None:
    """The standard theme code for a code or label (any case), or None for a local theme."""
    wanted = text.strip().lower()
    for code, label in THEMES.items():
        if wanted in (code, label.lower()):
            return code
    return None


_LABELS: dict[str, str] = {
    "nhs": "NHS",
    "local_authority": "Local authority",
    "both": "NHS and local authority",
    "in_person": "In person",
    "bank_agency_locum": "Bank, agency or locum",
    "student_trainee": "Student or trainee",
    "non_executive": "Non-executive director",
    "use_procedure": "Use the procedure",
    "business_as_usual": "Business as usual",
    "not_taken_forward": "Not taken forward under the Standards",
    "inwo": "INWO",
    "care_inspectorate": "Care Inspectorate",
    "audit_scotland": "Audit Scotland",
    "consent_written": "Consent in writing",
    "consent_verbal": "Consent given verbally",
    "consent_recorded": "Consent recorded in the casebook",
    "legal_duty": "Legal duty",
    "speak_up_ambassador": "Speak up ambassador",
    "confidential_contact": "Confidential contact",
    "not_recorded": "Not recorded (imported)",
}
