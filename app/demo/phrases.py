"""The demo's invented vocabulary: names for identities.db only, and the phrases of case text.

Case text never holds a name, an email or a phone number: it calls the person "C".
"""

from __future__ import annotations

from app.core.records import (
    Channel,
    ConversationMode,
    RaisedWith,
    RaiserCategory,
)

MAX_NOTES = 3000
MIN_NOTES = 200

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
