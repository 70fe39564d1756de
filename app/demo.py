"""Synthetic demo concerns: a deterministic casebook of realistic shapes, for trying things out.

`add_demo_concerns` writes through `ConcernService`, so every demo concern is
checked by the same rules as one typed in the GUI, and every write is audited.
The same seed and the same `today` give the same content (the random person
references that link concerns to identities are the store's own and differ).

Shapes, roughly: received dates spread over five financial years (a little
growth year on year); about 85% named, 10% anonymous, 5% unnamed; of the named,
60% start at stage 1, 25% at stage 2 and the rest stay at the initial discussion
(business as usual, not taken forward, transferred, or still undecided when
recent); about 15% of stage 1 concerns are escalated; extensions at about 10% of
stage 1 and a quarter of stage 2 concerns; some withdrawn or transferred; open
concerns near `today` have no response yet, and some are overdue. Each concern
has 1 to 15 conversations with notes of 200 to 3,000 characters, 1 to 3 issues
with their own outcomes, 1 to 3 themes, and, where it fits, actions and learning,
signposting to the INWO or the Care Inspectorate, detriment, feedback and
identity disclosures.

Names, emails and phone numbers are made up (emails at example.org, phone
numbers in Ofcom's drama range 07700 900xxx) and live only in identities.db:
no text written to cases.db contains them; case text calls the person "C".
"""

from __future__ import annotations

import contextlib
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TypeVar

from app.core.calendar import WorkingCalendar
from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    Closure,
    ConsentMethod,
    ConversationMode,
    DisclosureConsent,
    Outcome,
    ProcedureDecision,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    SpeakUpAgain,
    Stage,
)
from app.store.batch import casebook_batch
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, IssueOutcome, NewConcern

T = TypeVar("T")

MAX_NOTES = 3000
MIN_NOTES = 200


@dataclass(frozen=True)
class DemoSummary:
    concerns: int
    conversations: int
    identities: int
    seconds: float


# ----- the vocabulary of the demo ---------------------------------------------------------
# Everything below is invented. Person names are only ever used for identities.db.

_FIRST_NAMES = (
    "Ailsa", "Alasdair", "Anika", "Bronagh", "Callum", "Catriona", "Darius", "Eilidh",
    "Euan", "Farah", "Fionnlagh", "Gregor", "Hamish", "Ines", "Isla", "Jamal", "Kirsty",
    "Kwame", "Lachlan", "Lorna", "Magnus", "Mairi", "Mei", "Morag", "Niamh", "Oluwaseun",
    "Priya", "Ravi", "Ruaridh", "Saoirse", "Seonaid", "Tamsin", "Tomasz", "Uzma", "Wiktoria",
    "Yusuf", "Zofia", "Agnieszka", "Dmitri", "Orla",
)
_LAST_NAMES = (
    "Abernethy", "Adeyemi", "Balfour", "Bhattacharya", "Cairncross", "Chowdhury", "Dalgleish",
    "Drummond", "Erskine", "Fairbairn", "Galbraith", "Haldane", "Inglis", "Jardine",
    "Kinnaird", "Kowalczyk", "Lennox", "MacAskill", "McCorquodale", "Menzies", "Nowicki",
    "Ogilvie", "Okonkwo", "Pettigrew", "Quarrier", "Rutherford", "Sandilands", "Strachan",
    "Tennant", "Urquhart", "Venters", "Wishart", "Yuill", "Zielinska", "Petrescu",
    "Santangelo", "Threipland", "Lumsden", "Auchinleck", "Carmichael",
)
_JOB_TITLES = (
    "Staff nurse", "Healthcare support worker", "Charge nurse", "Foundation doctor",
    "Specialty registrar", "Pharmacy technician", "Physiotherapist", "Porter",
    "Domestic assistant", "Radiographer", "Biomedical scientist", "Social care worker",
    "Care home assistant", "Midwife", "Administrator", "Occupational therapist",
)
_EMPLOYERS = ("NHS Demo Board", "Demo Health and Social Care Partnership", "Demo Council",
              "Demo Staffing Agency")
_SUPPORT = ("", "", "", "Trade union representative", "A colleague", "Professional body adviser")

_NHS_AREAS = (
    "Ward 3 (acute medicine)", "Ward 7 (care of the elderly)", "Ward 11 (orthopaedics)",
    "Ward 14 (general surgery)", "Emergency department", "Acute receiving unit",
    "Maternity unit", "Neonatal unit", "Theatres", "Day surgery unit", "Intensive care unit",
    "Renal unit", "Oncology day unit", "Pharmacy", "Radiology", "Outpatient department",
    "Laboratory services", "Estates and facilities", "Out-of-hours GP service",
    "Health records", "Mental health inpatient unit", "Community hospital",
    "Sexual health clinic", "Dental service", "Patient transport liaison",
)
_LA_AREAS = (
    "Council-run care home", "Care at home service", "Adult social work team",
    "Children and families social work team", "Day opportunities centre",
    "Supported living service", "Respite unit",
)
_BOTH_AREAS = (
    "Integrated community nursing team", "Hospital discharge team",
    "Community mental health team", "Learning disability service",
    "Integrated addictions service", "Rehabilitation at home team",
)
_LOCAL_THEMES = ("Car parking", "Estates and maintenance", "Information governance",
                 "Catering", "IT systems")

_THEME_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("patient_safety", 30), ("staffing", 22), ("working_practices", 16),
    ("bullying_harassment", 10), ("behaviours", 9), ("governance", 7),
    ("worker_safety", 7), ("fraud", 2), ("other", 2),
)

_SLOTS: dict[str, tuple[str, ...]] = {
    "group": ("healthcare support workers", "staff nurses", "junior doctors", "porters",
              "pharmacy technicians", "domestic staff", "bank nurses", "agency staff",
              "care assistants", "student nurses", "allied health professionals",
              "theatre practitioners"),
    "shift": ("night shift", "weekend day shift", "late shift", "early shift",
              "public holiday shift", "twilight shift"),
    "equipment": ("infusion pumps", "patient hoists", "the defibrillator on the resus trolley",
                  "the bladder scanner", "pressure-relieving mattresses",
                  "the blood fridge alarm", "the drug trolley locks", "the sharps bins",
                  "the nurse call system", "the suction units", "the medicines fridge"),
    "manager": ("the senior charge nurse", "the ward manager", "the clinical nurse manager",
                "the service manager", "the consultant in charge", "the team leader",
                "the operations manager", "the head of service", "the unit manager"),
    "medicine": ("controlled drugs", "insulin", "anticoagulants", "antibiotics",
                 "opioid patches", "intravenous fluids", "time-critical medicines"),
    "count": ("two", "three", "four", "five", "six", "several"),
    "weeks": ("two", "three", "four", "six", "eight"),
    "system": ("the electronic rota system", "the incident reporting system",
               "the bed management system", "the patient record system",
               "the stock ordering system"),
    "policy": ("the escalation policy", "the sickness absence policy", "the lone working policy",
               "the medicines policy", "the falls prevention policy", "the overtime policy",
               "the infection control policy"),
    "issue": ("missed observations", "delayed pain relief", "a fall that was not reported",
              "a pressure ulcer found late", "a medication given twice",
              "a patient discharged without a care plan", "a delayed transfer to theatre",
              "an unwitnessed fall overnight"),
}

_PROCESS = (
    "Explained the National Whistleblowing Standards and the difference between stage 1 "
    "and stage 2.",
    "Discussed confidentiality: {c}'s identity will only be shared with the people {c} "
    "agrees to, and each time it is shared will be recorded.",
    "Explained that the record refers to {c} only as C and that identity details are kept "
    "separately.",
    "{C} asked how long things would take; explained the 5 working day timescale at "
    "stage 1 and 20 working days at stage 2, and that an extension may be authorised.",
    "Talked through the difference between a whistleblowing concern and a personal "
    "grievance.",
    "{C} was told about the support available, including occupational health and the "
    "employee assistance programme.",
    "Explained that {c} can contact the INWO if unhappy with the final response.",
    "{C} asked whether colleagues would find out who raised this; explained how the "
    "investigating manager would approach interviews.",
    "Agreed how {c} would prefer to be contacted and at what times.",
    "Confirmed with {c} what had been understood and read back the main points.",
)

_WELLBEING = (
    "{C} said the situation had been affecting their sleep and was finding shifts stressful.",
    "{C} was visibly upset when describing the events and we took a short break.",
    "{C} said they felt better for having raised it.",
    "{C} is worried about how colleagues will react if they learn a concern was raised.",
    "{C} mentioned they had considered leaving the team because of this.",
    "{C} felt that previous attempts to raise it informally had been ignored.",
    "{C} has support from a trade union representative and may bring them to future meetings.",
    "{C} said that morale in the team is low at the moment.",
)

_PROGRESS = (
    "Gave {c} an update on progress: the investigating manager has started interviews.",
    "{C} reported that things had improved slightly on the {shift} since the concern was "
    "raised.",
    "Told {c} that the handler had been in touch with the team and was gathering information.",
    "{C} said nothing had changed yet and asked what happens next.",
    "{C} described a further incident on the {shift} last week that seemed related.",
    "{C} had been asked to attend an interview as part of the investigation and wanted to "
    "know what to expect.",
    "{C} asked whether the response would come by the due date; said I would check.",
    "{C} said the rota for the coming month looked better than before.",
)

_AFTER_RESPONSE = (
    "{C} asked for a copy of the response letter by email rather than post.",
    "Went through the response with {c}; {c} had questions about some of the findings.",
    "{C} wanted to know whether the actions agreed had been completed.",
    "Checked in with {c} after the response; {c} is still thinking about whether to take "
    "it further.",
    "{C} said some of the changes promised in the response had started to happen.",
    "Reminded {c} of the option to contact the INWO and how to do so.",
)

_CLOSERS = (
    "{C} thanked the contact for listening.",
    "Agreed to speak again in {weeks} weeks, or sooner if anything changes.",
    "Will keep {c} updated by phone.",
    "{C} will send any further examples by email.",
    "No further questions from {c} at this point.",
    "Left it that {c} will get in touch if there is anything else.",
)

_THEME_SENTENCES: dict[str, tuple[str, ...]] = {
    "patient_safety": (
        "{C} described {issue} in {area} during the {shift}.",
        "According to {c}, observations are not always being recorded on time when the "
        "ward is busy.",
        "{C} is concerned that {medicine} are not being checked by two registered staff as "
        "the medicines policy requires.",
        "{C} said that {equipment} had been out of order for {weeks} weeks and that a "
        "replacement had not been arranged.",
        "{C} gave an example of {issue}, which {c} thinks was not reported through "
        "{system}.",
        "{C} believes patients are being placed at risk because handovers are rushed.",
        "There have been {count} incidents in recent months that {c} thinks are linked to "
        "the same problem.",
        "{C} raised concerns about infection control practice, including cleaning between "
        "patients.",
        "{C} said that patients are sometimes boarded in corridors overnight.",
    ),
    "staffing": (
        "{C} said the {shift} in {area} is regularly short of {count} {group}.",
        "According to {c}, agency cover is often booked late and staff arrive without an "
        "induction.",
        "{C} described the skill mix on the {shift} as unsafe, with only one registered "
        "nurse for much of the night.",
        "Shortfalls are escalated to {manager} but {c} said nothing changes.",
        "{C} said {group} are being moved to other wards at short notice, leaving gaps.",
        "Breaks are being missed on most shifts according to {c}.",
        "{C} explained that the rota is published late, so gaps are only found at the last "
        "minute.",
    ),
    "working_practices": (
        "{C} is concerned that {policy} is not being followed in {area}.",
        "{C} described a local workaround that bypasses the checks in {system}.",
        "According to {c}, records are sometimes completed at the end of the shift rather "
        "than at the time.",
        "{C} said that {group} have not had training on {equipment}.",
        "{C} explained that there is no clear procedure for escalating a deteriorating "
        "patient overnight.",
        "Stock is running out regularly because orders in {system} are not being placed.",
    ),
    "bullying_harassment": (
        "{C} described a pattern of shouting and belittling comments at handover.",
        "{C} said that {group} who raise problems are given the least popular shifts.",
        "{C} believes a group of colleagues is being excluded from training opportunities.",
        "{C} gave {count} examples of messages in a team chat group that {c} found "
        "intimidating.",
        "According to {c}, people are afraid to speak up at team meetings.",
    ),
    "behaviours": (
        "{C} described staff speaking about patients in a disrespectful way at the nurses' "
        "station.",
        "{C} said that a senior colleague regularly arrives late and leaves others to cover.",
        "{C} reported comments about patients' backgrounds that {c} felt were "
        "discriminatory.",
        "{C} is concerned about staff using personal phones while on duty in clinical areas.",
        "According to {c}, {manager} dismisses concerns raised by {group}.",
    ),
    "governance": (
        "{C} believes that incidents are being downgraded before they reach the governance "
        "group.",
        "{C} said decisions about closing beds in {area} were made without a risk "
        "assessment.",
        "{C} is concerned that the risk register does not reflect the problems in {area}.",
        "According to {c}, action plans from previous reviews have not been followed up.",
        "{C} questioned how a recent service change was agreed and communicated.",
    ),
    "worker_safety": (
        "{C} said staff have been assaulted in {area} and incidents are not being followed up.",
        "{C} is worried about lone working on the {shift} with no working alarm.",
        "{C} said {equipment} are not maintained and staff have been injured moving patients.",
        "According to {c}, staff are working long stretches without breaks and are "
        "exhausted.",
        "{C} described a needlestick injury that {c} thinks was caused by overfull sharps "
        "bins.",
    ),
    "fraud": (
        "{C} has noticed overtime being claimed for shifts that {c} believes were not worked.",
        "{C} is concerned about how some stock orders are being placed and paid for.",
        "{C} described equipment going missing from the store without records.",
        "According to {c}, timesheets are being signed off without checks.",
    ),
    "other": (
        "{C} raised a concern about how the service is organised that does not fit easily "
        "elsewhere.",
        "{C} said the layout of {area} makes it hard to keep patients in view.",
        "{C} described problems with car parking that mean staff arrive late for the "
        "{shift}.",
        "{C} is concerned that {system} is slow and often unavailable.",
    ),
}

_SUMMARIES: dict[str, tuple[str, ...]] = {
    "patient_safety": (
        "Concern about {issue} and wider patient safety in {area}.",
        "Concern that {medicine} are not being checked properly in {area}.",
        "Concern about faulty {equipment} in {area}.",
        "Concern about rushed handovers and missed observations in {area}.",
    ),
    "staffing": (
        "Concern about unsafe staffing on the {shift} in {area}.",
        "Concern about skill mix and reliance on agency staff in {area}.",
        "Concern about staff being moved at short notice from {area}.",
    ),
    "working_practices": (
        "Concern that {policy} is not being followed in {area}.",
        "Concern about record keeping and workarounds in {area}.",
        "Concern about lack of training on {equipment} in {area}.",
    ),
    "bullying_harassment": (
        "Concern about a culture of bullying in {area}.",
        "Concern about intimidating behaviour towards {group} in {area}.",
    ),
    "behaviours": (
        "Concern about disrespectful attitudes towards patients in {area}.",
        "Concern about unprofessional behaviour by senior staff in {area}.",
    ),
    "governance": (
        "Concern that incidents in {area} are not being escalated properly.",
        "Concern about how a service change in {area} was decided.",
    ),
    "worker_safety": (
        "Concern about staff safety and lone working in {area}.",
        "Concern about moving and handling injuries in {area}.",
    ),
    "fraud": (
        "Concern about possible overtime irregularities in {area}.",
        "Concern about stock ordering and missing equipment in {area}.",
    ),
    "other": (
        "Concern about the organisation of services in {area}.",
        "Concern about facilities affecting staff in {area}.",
    ),
}

_ISSUES: dict[str, tuple[str, ...]] = {
    "patient_safety": (
        "Observations not recorded on time on the {shift}.",
        "{medicine} not double-checked before administration.",
        "{equipment} out of order without a replacement.",
        "Incidents not reported through {system}.",
    ),
    "staffing": (
        "Registered nurse numbers below the agreed establishment on the {shift}.",
        "Late booking of agency staff without induction.",
        "Staff moved to other areas at short notice.",
    ),
    "working_practices": (
        "{policy} not followed.",
        "Workarounds bypassing checks in {system}.",
        "No training for {group} on {equipment}.",
    ),
    "bullying_harassment": (
        "Belittling behaviour at handover.",
        "Unfair allocation of shifts to staff who raise problems.",
    ),
    "behaviours": (
        "Disrespectful comments about patients.",
        "Senior colleague leaving others to cover.",
    ),
    "governance": (
        "Incidents downgraded before review.",
        "Service change made without a risk assessment.",
    ),
    "worker_safety": (
        "Assaults on staff not followed up.",
        "Lone working without a working alarm.",
    ),
    "fraud": (
        "Overtime claimed for shifts not worked.",
        "Stock orders placed without proper authorisation.",
    ),
    "other": (
        "Facilities affecting staff arriving on time.",
        "Problems with {system}.",
    ),
}

_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    # (action, learning statement: no names, suitable to publish once approved)
    "patient_safety": (
        ("Audit observation charts in {area} monthly for six months.",
         "Regular audit of observation charts helped a ward spot gaps in recording early."),
        ("Replace {equipment} and add them to the planned maintenance list.",
         "Faulty equipment is now reported and tracked to replacement through one list."),
        ("Refresher training on medicines checks for {group}.",
         "A short refresher on second checks for high-risk medicines was added to induction."),
    ),
    "staffing": (
        ("Review the {shift} establishment in {area}.",
         "Staffing shortfalls are now escalated before the shift starts, not during it."),
        ("Publish rotas six weeks ahead.",
         "Publishing rotas further ahead reduced last-minute gaps and agency use."),
        ("Provide a local induction checklist for agency staff.",
         "Agency staff now receive a short local induction before their first shift."),
    ),
    "working_practices": (
        ("Reissue {policy} with a briefing for all staff.",
         "Policies are now briefed at team huddles as well as circulated by email."),
        ("Remove the workaround in {system} and retrain staff.",
         "A local workaround was removed and the reason for the proper checks explained."),
    ),
    "bullying_harassment": (
        ("Facilitated team sessions on respectful handovers.",
         "Facilitated team sessions improved how handovers are run."),
        ("Review shift allocation for fairness.",
         "Shift allocation is now reviewed openly each month."),
    ),
    "behaviours": (
        ("Reminder to all staff of the professional standards expected.",
         "Expected behaviours were restated and are now part of annual reviews."),
        ("Values-based conversation sessions for the team.",
         "Team sessions on values helped staff challenge poor behaviour early."),
    ),
    "governance": (
        ("Review how incidents are graded before the governance group.",
         "Incident grading is now checked by a second reviewer."),
        ("Risk assessment required before any bed closure.",
         "Service changes now need a documented risk assessment before they happen."),
    ),
    "worker_safety": (
        ("Issue personal alarms for lone working on the {shift}.",
         "Personal alarms are now issued to all lone workers."),
        ("Moving and handling equipment checked and serviced.",
         "Moving and handling equipment is now on a planned maintenance schedule."),
    ),
    "fraud": (
        ("Refer to Counter Fraud Services for review.",
         "Timesheet checks were strengthened after a review."),
        ("Two-person sign-off for stock orders above a set value.",
         "Stock orders above a set value now need two people to sign them off."),
    ),
    "other": (
        ("Review facilities with the estates team.",
         "Staff views are now sought before changes to facilities."),
    ),
}

_OWNERS = ("Senior charge nurse", "Clinical nurse manager", "Service manager",
           "Associate medical director", "Head of estates", "Practice development team",
           "Head of pharmacy", "Human resources business partner", "Head of service",
           "Patient safety lead")
_STAGE1_HANDLERS = ("Senior charge nurse (neighbouring ward)", "Team leader", "Service manager",
                    "Clinical nurse manager", "Operations manager")
_STAGE2_HANDLERS = ("Investigating manager (another directorate)", "Associate director",
                    "Head of service (another division)", "Deputy director of nursing",
                    "Associate medical director")
_AUTHORISERS = ("Director of Nursing", "Chief Officer", "Deputy Chief Executive",
                "Medical Director", "Director of Human Resources", "Head of Service")
_EXTENSION_REASONS = (
    "Key witnesses on annual leave until after the due date.",
    "Awaiting records and audit data needed for the investigation.",
    "The investigation is wider than first thought and more interviews are needed.",
    "The investigating manager was absent because of illness.",
    "Independent clinical advice has been requested.",
    "Further issues were raised that need to be looked into together.",
)
_WITHDRAWN_REASONS = (
    "C asked to withdraw the concern after the situation improved.",
    "C left the organisation and asked that the concern not be taken further.",
    "C decided not to continue for personal reasons.",
)
_TRANSFERRED_REASONS = (
    "Transferred to the grievance procedure: the matter mainly concerns C's own employment.",
    "Transferred to the bullying and harassment policy at C's request.",
    "Transferred to the adult support and protection procedure.",
)
_BAU_REASONS = (
    "Already being handled as business as usual by the service manager; C content with that.",
    "Resolved on the spot by the line manager; no need to use the procedure.",
    "C wanted the information passed on without a formal process; handled as business as "
    "usual.",
)
_BAU_ANONYMOUS = (
    "Anonymous concern: cannot be handled under the Standards; passed to the service manager "
    "to look into as business as usual.",
    "Anonymous letter: recorded and passed to the head of service to look into.",
    "No way to contact the person raising it; looked into by the service as business as "
    "usual.",
)
_BAU_UNNAMED = (
    "C did not want to be named in the record; concern passed to the service manager to "
    "look into as business as usual.",
    "Unnamed concern: looked into by the head of service outside the Standards.",
)
_NTF_REASONS = (
    "Personal grievance about C's own working hours rather than a public-interest concern; "
    "signposted to the grievance policy and to the INWO.",
    "The matter is already the subject of a formal investigation under another procedure; "
    "signposted to the INWO.",
    "Raised long after C became aware and the events could no longer be looked into; "
    "signposted to the INWO.",
)
_NTF_ANONYMOUS = (
    "Anonymous concern with too little detail to look into.",
    "Duplicate of a concern already being looked into.",
)
_RESPONSE_SUMMARIES = (
    "Findings shared with C at a meeting and confirmed in writing.",
    "Response letter sent setting out the findings for each issue and the actions agreed.",
    "Findings explained by phone and followed by a letter.",
    "Written response sent; apology given where things had gone wrong.",
)
_NOT_ADOPTED = (
    "Superseded by a board-wide review of the same process.",
    "Not affordable this year; the risk is held on the risk register instead.",
    "The service has since been redesigned, so the action no longer applies.",
)
_DETRIMENT = (
    ("C reported being left off the {shift} rota after raising the concern.",
     "Raised with the service manager; the rota was reviewed and corrected."),
    ("C said colleagues had stopped speaking to C since the investigation began.",
     "Discussed support with C; facilitated conversation offered."),
    ("C felt a recent appraisal had been marked down unfairly.",
     "Referred to the head of service, who arranged a review by another manager."),
)
_FEEDBACK = (
    "C felt listened to but found the wait for the response difficult.",
    "C was pleased that changes had been made.",
    "C said the process was clear and the confidential contact was supportive.",
    "C would have liked more updates during the investigation.",
    "C was not satisfied with the outcome but felt the process was fair.",
    "",
)
_DISCLOSURES = (
    ("Director of Nursing", "Commissioning the stage 2 investigation",
     "So the investigation could be commissioned with C's account in full."),
    ("Investigating manager", "Stage 2 investigator",
     "So the investigating manager could interview C about the events described."),
    ("Human resources business partner", "Support for the investigation",
     "To arrange protection from detriment while the concern is looked into."),
    ("Occupational health physician", "Staff wellbeing support",
     "With C's agreement, to arrange wellbeing support."),
    ("Whistleblowing champion", "Non-executive whistleblowing champion",
     "At C's request, so the champion could see how the concern was handled."),
)
_NEXT_STEPS = (
    "Pass the concern to the service manager for a stage 1 response.",
    "Arrange a follow-up call in two weeks.",
    "Check with the investigating manager on progress.",
    "Send C the written acknowledgement.",
    "Send C information on the Standards and support available.",
    "Confirm the new response date with C.",
    "Agree a date to go through the response with C.",
    "Ask the handler for an update before the due date.",
    "",
    "",
)
_ANONYMOUS_NOTES = (
    "An anonymous letter was received describing concerns in {area}.",
    "The writer gave no name or contact details, so there is no way to ask follow-up "
    "questions.",
    "The letter was passed to the whistleblowing lead and logged as anonymous.",
    "The writer described events on the {shift} over the past few weeks.",
    "The concern was shared with {manager} without anything that might identify the writer.",
    "There is enough detail to look into the main points raised.",
)

_MODES: tuple[tuple[ConversationMode, int], ...] = (
    (ConversationMode.IN_PERSON, 35), (ConversationMode.PHONE, 35),
    (ConversationMode.VIDEO, 12), (ConversationMode.EMAIL, 15), (ConversationMode.OTHER, 3),
)
_CHANNELS: tuple[tuple[Channel, int], ...] = (
    (Channel.IN_PERSON, 35), (Channel.PHONE, 25), (Channel.EMAIL, 25), (Channel.VIDEO, 8),
    (Channel.WRITING, 5), (Channel.OTHER, 2),
)
_RAISED_WITH: tuple[tuple[RaisedWith, int], ...] = (
    (RaisedWith.CONFIDENTIAL_CONTACT, 45), (RaisedWith.LINE_MANAGER, 20),
    (RaisedWith.SENIOR_MANAGER, 15), (RaisedWith.SPEAK_UP_AMBASSADOR, 15),
    (RaisedWith.OTHER, 5),
)
_CATEGORIES: tuple[tuple[RaiserCategory, int], ...] = (
    (RaiserCategory.EMPLOYEE, 70), (RaiserCategory.BANK_AGENCY_LOCUM, 8),
    (RaiserCategory.STUDENT_TRAINEE, 7), (RaiserCategory.FORMER_EMPLOYEE, 4),
    (RaiserCategory.CONTRACTOR, 3), (RaiserCategory.VOLUNTEER, 2),
    (RaiserCategory.NON_EXECUTIVE, 1), (RaiserCategory.OTHER, 5),
)

_SLOT = re.compile(r"\{(\w+)\}")


# ----- the generator -------------------------------------------------------------------


@dataclass
class _Context:
    """What the text of one concern refers to."""

    area: str
    themes: tuple[str, ...]  # standard codes; the first is the main one
    anonymous: bool = False
    responded: date | None = None  # the final full response, once given


@dataclass
class _StageResult:
    responded_on: date | None = None
    outcome: Outcome | None = None
    left_on: date | None = None  # withdrawn or transferred on this date
    events: list[date] = field(default_factory=list)


class _Generator:
    def __init__(self, book: Casebook, seed: int, today: date, end_year: int | None) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic content, not security
        self.today = today
        self.service = ConcernService(book, today=lambda: today)
        self.calendar: WorkingCalendar = self.service.calendar()
        self.timescales = self.service.timescales
        self.book = book
        self.conversations = 0
        self.identities = 0
        self.start, self.end = _window(today, end_year)
        self._references: dict[int, int] = {}
        self._prefix = book.setting("reference_prefix", "WB") or "WB"

    # -- small helpers ---------------------------------------------------------------

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        total = sum(w for _, w in pairs)
        roll = self.rng.randrange(total)
        for item, weight in pairs:
            roll -= weight
            if roll < 0:
                return item
        return pairs[-1][0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def wd(self, start: date, n: int) -> date:
        return self.calendar.add_working_days(start, n)

    def fill(self, template: str, ctx: _Context) -> str:
        def slot(match: re.Match[str]) -> str:
            name = match.group(1)
            if name == "area":
                return _area_phrase(ctx.area)
            if name == "c":
                return "the writer" if ctx.anonymous else "C"
            if name == "C":
                return "The writer" if ctx.anonymous else "C"
            return self.pick(_SLOTS[name])

        text = _SLOT.sub(slot, template)
        return text[0].upper() + text[1:]

    def reference(self, received: date) -> str:
        """The next reference for the year, as the service would give it (numbered, not sorted
        as text, so a year past 9,999 concerns keeps counting)."""
        year = received.year
        if year not in self._references:
            stem = f"{self._prefix}-{year}-"
            highest = 0
            for (ref,) in self.book.cases.execute(
                    "SELECT reference FROM concerns WHERE reference LIKE ?", (stem + "%",)):
                tail = str(ref)[len(stem):]
                if tail.isdigit():
                    highest = max(highest, int(tail))
            self._references[year] = highest
        self._references[year] += 1
        return f"{self._prefix}-{year}-{self._references[year]:04d}"

    # -- received dates ----------------------------------------------------------------

    def received_dates(self, count: int) -> list[date]:
        """Stratified over the window with gentle growth, nudged off weekends; sorted."""
        span = (self.end - self.start).days
        growth = 0.5  # the last year gets about 1.5 times the first year's concerns
        found = []
        for i in range(count):
            u = (i + self.rng.random()) / count
            t = (-1 + (1 + 2 * growth * u * (1 + growth / 2)) ** 0.5) / growth
            day = self.start + timedelta(days=min(span, int(t * (span + 1))))
            if day.weekday() >= 5 and self.chance(0.9):
                back = day - timedelta(days=day.weekday() - 4)  # the Friday before
                ahead = day + timedelta(days=7 - day.weekday())  # the Monday after
                if back >= self.start and (ahead > self.end or self.chance(0.5)):
                    day = back
                elif ahead <= self.end:
                    day = ahead
            found.append(day)
        return sorted(found)

    # -- one concern -------------------------------------------------------------------

    def concern(self, received: date) -> None:
        roll = self.rng.random()
        anonymity = (Anonymity.ANONYMOUS if roll < 0.10
                     else Anonymity.UNNAMED if roll < 0.15 else Anonymity.NAMED)
        service_type = self.weighted(((ServiceType.NHS, 80), (ServiceType.LOCAL_AUTHORITY, 10),
                                      (ServiceType.BOTH, 10)))
        area = self.pick({ServiceType.NHS: _NHS_AREAS, ServiceType.LOCAL_AUTHORITY: _LA_AREAS,
                          ServiceType.BOTH: _BOTH_AREAS}[service_type])
        themes = self.themes()
        ctx = _Context(area, themes, anonymous=anonymity is Anonymity.ANONYMOUS)
        local = (self.pick(_LOCAL_THEMES),) if self.chance(0.05) else ()
        channel = (self.weighted(((Channel.WRITING, 40), (Channel.EMAIL, 40),
                                  (Channel.OTHER, 20)))
                   if ctx.anonymous else self.weighted(_CHANNELS))
        aware_on = received - timedelta(days=int(self.rng.triangular(0, 170, 10)))
        summary = self.fill(self.pick(_SUMMARIES[themes[0]]), ctx)
        base = NewConcern(
            received_on=received, channel=channel, raised_with=self.weighted(_RAISED_WITH),
            raiser_category=self.weighted(_CATEGORIES), anonymity=anonymity,
            service_type=service_type, service_area=area, summary=summary,
            themes=themes + local, aware_on=aware_on, reference=self.reference(received),
            demo=True)
        if anonymity is Anonymity.NAMED:
            self.named(base, ctx)
        else:
            self.outside_standards(base, ctx)

    def themes(self) -> tuple[str, ...]:
        count = self.weighted(((1, 55), (2, 35), (3, 10)))
        chosen: list[str] = []
        while len(chosen) < count:
            code = self.weighted(_THEME_WEIGHTS)
            if code not in chosen:
                chosen.append(code)
        return tuple(chosen)

    def person(self) -> PersonDetails:
        first, last = self.pick(_FIRST_NAMES), self.pick(_LAST_NAMES)
        self.identities += 1
        return PersonDetails(
            name=f"{first} {last}",
            email=f"{first.lower()}.{last.lower()}@example.org",
            phone=f"07700 900{self.rng.randrange(1000):03d}",
            employer=self.pick(_EMPLOYERS),
            job_title=self.pick(_JOB_TITLES),
            support_person=self.pick(_SUPPORT),
        )

    def outside_standards(self, base: NewConcern, ctx: _Context) -> None:
        """Anonymous and unnamed concerns: recorded and counted, never taken into a stage."""
        cid = self.service.create(base)
        received = base.received_on
        decided = self.wd(received, self.rng.randint(1, 8))
        last = received
        if decided <= self.today and not self.chance(0.05):
            if self.chance(0.8):
                reasons = self.pick(_BAU_ANONYMOUS if ctx.anonymous else _BAU_UNNAMED)
                self.service.decide(cid, ProcedureDecision.BUSINESS_AS_USUAL, decided, reasons)
            else:
                self.service.decide(cid, ProcedureDecision.NOT_TAKEN_FORWARD, decided,
                                    self.pick(_NTF_ANONYMOUS))
            last = decided
        count = 1 if ctx.anonymous else self.weighted(((1, 50), (2, 30), (3, 20)))
        self.log_conversations(cid, ctx, received, last, count, base.channel)

    def named(self, base: NewConcern, ctx: _Context) -> None:
        received = base.received_on
        roll = self.rng.random()
        start = Stage.STAGE1 if roll < 0.60 else Stage.STAGE2 if roll < 0.85 else None
        person = self.person()
        method = self.weighted(((ConsentMethod.CONVERSATION, 70), (ConsentMethod.EMAIL, 25),
                                (ConsentMethod.WRITING, 5)))
        if start is None:
            cid = self.service.create(replace(base, person=person))
            last = self.initial_discussion_only(cid, received, base.service_type)
            self.log_conversations(cid, ctx, received, last, self.conversation_count(False))
            return
        handler = self.pick(_STAGE1_HANDLERS if start is Stage.STAGE1 else _STAGE2_HANDLERS)
        consent_on = received if self.chance(0.5) else self.wd(received, self.rng.randint(1, 4))
        if consent_on > self.today:  # still at the initial discussion: not yet agreed
            cid = self.service.create(replace(base, person=person))
            self.log_conversations(cid, ctx, received, received, self.conversation_count(False))
            return
        if consent_on == received:
            cid = self.service.create(replace(base, person=person, starting_stage=start,
                                               handler=handler, consent_on=consent_on,
                                               consent_method=method))
        else:
            cid = self.service.create(replace(base, person=person, consent_on=consent_on,
                                               consent_method=method))
            self.service.decide(cid, ProcedureDecision.USE_PROCEDURE, consent_on,
                                stage=start, handler=handler)
        last = self.in_procedure(cid, ctx, start, received, consent_on, base.service_type)
        self.log_conversations(cid, ctx, received, last,
                               self.conversation_count(start is Stage.STAGE2))

    def initial_discussion_only(self, cid: int, received: date, service: ServiceType) -> date:
        """A named concern that never entered a stage; returns its last event's date."""
        decided = self.wd(received, self.rng.randint(1, 10))
        if decided > self.today:
            return received  # still being discussed
        roll = self.rng.random()
        if roll < 0.45:
            self.service.decide(cid, ProcedureDecision.BUSINESS_AS_USUAL, decided,
                                self.pick(_BAU_REASONS))
        elif roll < 0.85:
            self.service.decide(cid, ProcedureDecision.NOT_TAKEN_FORWARD, decided,
                                self.pick(_NTF_REASONS))
            self.service.signpost(cid, _signpost_body(service), decided,
                                  notes="Told where to go next and how to get in touch.")
        else:
            self.service.close(cid, Closure.TRANSFERRED, decided, self.pick(_TRANSFERRED_REASONS))
        return decided

    def in_procedure(self, cid: int, ctx: _Context, start: Stage, received: date,
                     consent_on: date, service: ServiceType) -> date:
        """Issues, stages, escalation and what follows; returns the last event's date."""
        issues = [self.service.add_issue(cid, self.fill(self.pick(_ISSUES[code]), ctx))
                  for code in self.issue_themes(ctx)]
        last = consent_on
        if start is Stage.STAGE1:
            complex_on = self.wd(received, self.rng.randint(1, 3))
            if self.chance(0.03) and complex_on <= self.today:
                # Found too complex for early resolution: straight to investigation.
                self.service.escalate(cid, complex_on, self.pick(_STAGE2_HANDLERS))
                result = self.stage(cid, Stage.STAGE2, complex_on, issues, service)
            else:
                result = self.stage(cid, Stage.STAGE1, received, issues, service)
                escalate = {Outcome.NOT_UPHELD: 0.2, Outcome.PARTIALLY_UPHELD: 0.12,
                            Outcome.UPHELD: 0.03}.get(result.outcome or Outcome.UPHELD, 0.0)
                if result.responded_on is not None and self.chance(escalate):
                    on = self.wd(result.responded_on, self.rng.randint(1, 15))
                    if on <= self.today:
                        self.service.escalate(cid, on, self.pick(_STAGE2_HANDLERS))
                        last = max(last, on)
                        result = self.stage(cid, Stage.STAGE2, on, issues, service)
        else:
            result = self.stage(cid, Stage.STAGE2, received, issues, service)
        last = max([last, *result.events])
        stage_open = result.responded_on is None and result.left_on is None
        if self.chance(0.08):
            last = max(last, self.disclosure(cid, received, result))
        if self.chance(0.04):
            on = self.between(received, self.today)
            text, action = _DETRIMENT[self.rng.randrange(len(_DETRIMENT))]
            self.service.record_detriment(cid, on, self.fill(text, ctx), action)
            last = max(last, on)
        if result.responded_on is not None:
            ctx.responded = result.responded_on
            last = max(last, self.after_response(cid, ctx, result))
        elif stage_open:
            last = self.today if (self.today - last).days < 30 else last
        return last

    def issue_themes(self, ctx: _Context) -> list[str]:
        count = self.weighted(((1, 45), (2, 35), (3, 20)))
        codes = list(ctx.themes)
        while len(codes) < count:
            codes.append(ctx.themes[0])
        return codes[:count]

    def stage(self, cid: int, stage: Stage, entered: date, issues: list[int],
              service: ServiceType) -> _StageResult:
        """One stage's timeline: acknowledgement, extensions, then a response or a withdrawal."""
        days = self.timescales.response_days(stage)
        base_due = self.wd(entered, days)
        if stage is Stage.STAGE1:
            n = (self.rng.randint(1, days) if self.chance(0.8)
                 else self.rng.randint(days + 1, days + 7))
            extend_p = 0.4 if n > days else 0.05
        else:
            n = (self.rng.randint(8, days) if self.chance(0.65)
                 else self.rng.randint(days + 1, days + 25))
            extend_p = 0.55 if n > days else 0.08
        respond_on: date | None = self.wd(entered, n)
        recent = (self.today - entered).days < 90
        if recent and self.chance(0.05):
            respond_on = None  # stalled: no response yet, whatever the due date says
        left: tuple[Closure, date] | None = None
        roll = self.rng.random()
        if roll < 0.07:
            how = Closure.WITHDRAWN if roll < 0.04 else Closure.TRANSFERRED
            left = (how, self.wd(entered, self.rng.randint(1, max(1, n - 1))))
            respond_on = None
        cutoff = min(d for d in (respond_on, left[1] if left else None, self.today)
                     if d is not None)
        result = _StageResult()
        if stage is Stage.STAGE2:
            ack = self.wd(entered, self.rng.randint(1, 3) if self.chance(0.85)
                          else self.rng.randint(4, 7))
            if ack <= cutoff:
                self.service.acknowledge(cid, ack)
                result.events.append(ack)
        if self.chance(extend_p):
            result.events.extend(self.extensions(cid, stage, entered, base_due, n, respond_on,
                                                 cutoff))
        if left is not None:
            how, on = left
            if on <= self.today:
                reasons = _WITHDRAWN_REASONS if how is Closure.WITHDRAWN else _TRANSFERRED_REASONS
                self.service.close(cid, how, on, self.pick(reasons))
                result.left_on = on
                result.events.append(on)
            return result
        if respond_on is None or respond_on > self.today:
            return result
        outcomes = [self.weighted(((Outcome.UPHELD, 30), (Outcome.PARTIALLY_UPHELD, 25),
                                   (Outcome.NOT_UPHELD, 45))) for _ in issues]
        overall = (outcomes[0] if len(set(outcomes)) == 1 else Outcome.PARTIALLY_UPHELD)
        self.service.respond(cid, stage, respond_on, overall, self.pick(_RESPONSE_SUMMARIES),
                             tuple(IssueOutcome(i, o) for i, o in zip(issues, outcomes,
                                                                       strict=True)))
        result.responded_on, result.outcome = respond_on, overall
        result.events.append(respond_on)
        if stage is Stage.STAGE2 and self.chance(0.85):
            self.service.signpost(cid, _signpost_body(service), respond_on,
                                  notes="Included in the decision letter.")
        return result

    def extensions(self, cid: int, stage: Stage, entered: date, base_due: date, n: int,
                   respond_on: date | None, cutoff: date) -> list[date]:
        """One extension, sometimes two at stage 2; each moves the due date later."""
        days = self.timescales.response_days(stage)
        limit = (self.timescales.stage1_extension_max_days if stage is Stage.STAGE1 else None)
        latest = self.wd(entered, limit) if limit is not None else None
        authorised = self.wd(entered, self.rng.randint(1, max(1, min(n, days) - 1)))
        replaced = base_due
        done: list[date] = []
        for second in (False, True):
            if second and (stage is Stage.STAGE1 or not self.chance(0.2)):
                break
            if second:
                authorised = self.wd(authorised, self.rng.randint(1, 5))
            if authorised > cutoff:
                break
            if respond_on is not None and respond_on > replaced and self.chance(0.8):
                new_due = self.wd(respond_on, self.rng.randint(0, 3))
            else:
                new_due = self.wd(replaced, self.rng.randint(3, 5 if stage is Stage.STAGE1
                                                             else 15))
            if latest is not None:
                new_due = min(new_due, latest)
            if new_due <= replaced:
                break
            told = authorised if authorised <= self.today else None
            self.service.extend(cid, stage, authorised_by=self.pick(_AUTHORISERS),
                                authorised_on=authorised, reason=self.pick(_EXTENSION_REASONS),
                                new_due_on=new_due, person_told_on=told)
            done.append(authorised)
            replaced = new_due
        return done

    def after_response(self, cid: int, ctx: _Context, result: _StageResult) -> date:
        """Actions and learning for upheld concerns, and feedback; the last date used."""
        assert result.responded_on is not None
        responded, last = result.responded_on, result.responded_on
        if result.outcome in (Outcome.UPHELD, Outcome.PARTIALLY_UPHELD):
            options = list(_ACTIONS[ctx.themes[0]])
            for _ in range(self.weighted(((1, 50), (2, 35), (3, 15)))):
                action, learning = options[self.rng.randrange(len(options))]
                has_learning = self.chance(0.6)
                action_id = self.service.add_action(
                    cid, self.fill(action, ctx), owner=self.pick(_OWNERS),
                    due_on=responded + timedelta(days=self.rng.randint(20, 90)),
                    learning=self.fill(learning, ctx) if has_learning else "",
                    publishable=has_learning and self.chance(0.4))
                roll = self.rng.random()
                done_on = responded + timedelta(days=self.rng.randint(10, 120))
                if roll < 0.1 and responded < self.today:
                    on = min(self.today, done_on)
                    self.service.update_action(action_id, done_on=on, adopted=False,
                                               not_adopted_reason=self.pick(_NOT_ADOPTED))
                    last = max(last, on)
                elif roll < 0.8 and done_on <= self.today:
                    self.service.update_action(action_id, done_on=done_on)
                    last = max(last, done_on)
        if self.chance(0.3):
            on = responded + timedelta(days=self.rng.randint(5, 60))
            if on <= self.today:
                answer = self.weighted(((SpeakUpAgain.YES, 60), (SpeakUpAgain.UNSURE, 25),
                                        (SpeakUpAgain.NO, 15)))
                self.service.record_feedback(cid, on, answer if self.chance(0.95) else None,
                                             self.pick(_FEEDBACK))
                last = max(last, on)
        return last

    def disclosure(self, cid: int, received: date, result: _StageResult) -> date:
        end = min(d for d in (result.responded_on, result.left_on, self.today) if d is not None)
        on = self.between(received, end)
        to, role, reason = _DISCLOSURES[self.rng.randrange(len(_DISCLOSURES))]
        consent = self.weighted(((DisclosureConsent.CONSENT_WRITTEN, 50),
                                 (DisclosureConsent.CONSENT_VERBAL, 40),
                                 (DisclosureConsent.LEGAL_DUTY, 10)))
        self.service.record_disclosure(
            cid, disclosed_to=to, role=role, on=on, reason=reason, consent=consent,
            consent_on=None if consent is DisclosureConsent.LEGAL_DUTY else on)
        return on

    def between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    # -- conversations -----------------------------------------------------------------

    def conversation_count(self, stage2: bool) -> int:
        mode = 5.0 if stage2 else 2.0
        return max(1, min(15, round(self.rng.triangular(1, 15, mode))))

    def log_conversations(self, cid: int, ctx: _Context, received: date, last: date,
                          count: int, channel: Channel | None = None) -> None:
        """The first on the received date, the rest spread up to a little after the last event."""
        end = min(self.today, max(received, last) + timedelta(days=21))
        days = sorted([received] + [self.between(received, end) for _ in range(count - 1)])
        for index, held in enumerate(days):
            if ctx.anonymous:  # how the anonymous concern came in
                mode = {Channel.EMAIL: ConversationMode.EMAIL,
                        Channel.WRITING: ConversationMode.LETTER}.get(
                            channel or Channel.OTHER, ConversationMode.OTHER)
            else:
                mode = self.weighted(_MODES)
            after = ctx.responded is not None and held > ctx.responded
            notes = self.notes(ctx, first=index == 0, last=index == len(days) - 1, after=after)
            self.service.log_conversation(cid, held, mode, notes, self.pick(_NEXT_STEPS))
            self.conversations += 1

    def notes(self, ctx: _Context, *, first: bool, last: bool, after: bool = False) -> str:
        """200 to 3,000 characters of sentences in short paragraphs, about this concern."""
        target = MIN_NOTES + int(self.rng.betavariate(1.5, 4.0) * (MAX_NOTES - MIN_NOTES))
        themed = [_THEME_SENTENCES[code] for code in ctx.themes]
        pools: list[Sequence[str]]
        if ctx.anonymous:
            pools = [_ANONYMOUS_NOTES, *themed]
        elif first:
            pools = [*themed, _PROCESS, _WELLBEING]
        else:
            pools = [_AFTER_RESPONSE if after else _PROGRESS, *themed, _WELLBEING]
        paragraphs: list[list[str]] = [[]]

        def text() -> str:
            return "\n\n".join(" ".join(p) for p in paragraphs if p)

        def add(sentence: str) -> bool:
            paragraphs[-1].append(sentence)
            if len(text()) > MAX_NOTES:
                paragraphs[-1].pop()
                return False
            return True

        used: list[str] = []

        def fresh(pool: Sequence[str]) -> str:
            left = [t for t in pool if t not in used] or list(pool)
            chosen = self.pick(left)
            used.append(chosen)
            return chosen

        while len(text()) < target:
            if not add(self.fill(fresh(self.pick(pools)), ctx)):
                break
            if len(paragraphs[-1]) >= self.rng.randint(2, 5):
                paragraphs.append([])
        if last or self.chance(0.5):
            add(self.fill(self.pick(_CLOSERS), ctx))
        while len(text()) < MIN_NOTES:  # a very short draw: add a little more
            add(self.fill(fresh(_ANONYMOUS_NOTES if ctx.anonymous else _PROCESS), ctx))
        return text()


def _signpost_body(service: ServiceType) -> SignpostBody:
    """The INWO for NHS services; the Care Inspectorate for local-authority services."""
    return SignpostBody.CARE_INSPECTORATE if service is ServiceType.LOCAL_AUTHORITY \
        else SignpostBody.INWO


def _area_phrase(area: str) -> str:
    """How a service area reads in a sentence: "Ward 3 (acute medicine)", "the pharmacy"."""
    if area.startswith("Ward "):
        return area
    return "the " + area[0].lower() + area[1:]


def _window(today: date, end_year: int | None) -> tuple[date, date]:
    """The five financial years ending with `end_year`'s (the one starting 1 April end_year),
    by default the one containing `today`; received dates run up to today at the latest."""
    current = today.year if today.month >= 4 else today.year - 1
    last_year = current if end_year is None else end_year
    if last_year > current:
        raise ValueError(f"The financial year {last_year}-{(last_year + 1) % 100:02d} has "
                         "not started yet.")
    start = date(last_year - 4, 4, 1)
    end = min(today, date(last_year + 1, 3, 31))
    return start, end


def add_demo_concerns(
    book: Casebook,
    count: int,
    seed: int = 1,
    *,
    today: date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    end_year: int | None = None,
    batch_size: int | None = None,
) -> DemoSummary:
    """Add `count` synthetic concerns (marked demo) to an open casebook.

    Deterministic: the same seed, `today` and `end_year` give the same concerns.
    Received dates spread over the five financial years ending with the one that
    starts on 1 April `end_year` (default: the one containing `today`) and never
    pass `today`. `on_progress(done, total)` is called after each concern.

    With `batch_size`, each run of that many concerns is written as one change
    (`casebook_batch`: one commit instead of one per service call), about four
    times faster for a large casebook; the concerns are the same.
    """
    if count < 0:
        raise ValueError("The number of demo concerns cannot be negative.")
    if batch_size is not None and batch_size < 1:
        raise ValueError("A batch holds at least one concern.")
    started = time.perf_counter()
    generator = _Generator(book, seed, today or date.today(), end_year)
    received = generator.received_dates(count)
    step = batch_size or 1
    for first in range(0, count, step):
        with casebook_batch(book) if batch_size else contextlib.nullcontext():
            for done, day in enumerate(received[first:first + step], start=first + 1):
                generator.concern(day)
                if on_progress is not None:
                    on_progress(done, count)
    return DemoSummary(concerns=count, conversations=generator.conversations,
                       identities=generator.identities,
                       seconds=time.perf_counter() - started)
