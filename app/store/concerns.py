"""The concern service: every change to a concern, checked by the rules and audited.

Each operation is one transaction: it writes, reads the concern back as core
facts, checks every rule of the Standards, refreshes the stored due dates and
appends to the audit log; a rule broken rolls the whole change back (RuleError
lists every problem). The GUI, the CLI, the demo and the spreadsheet import all
come through here, so there is one way in.

The service is put together here from parts split by what they are about: the core each
part shares (app/store/concern_core.py), the calendar settings, intake and the initial
discussion, stages and issues (with the people involved and the stage 2 handler's
independence), the rest of the record, records after closure, people raising the same
concern (linked raisers), corrections and changes of any record, and drafts.
"""

from __future__ import annotations

from app.store.after_closure import AfterClosure
from app.store.concern_calendar import CalendarSettings
from app.store.concern_core import IssueOutcome, NewConcern
from app.store.concern_corrections import Corrections
from app.store.concern_intake import Intake
from app.store.concern_records import Records
from app.store.concern_stages import Stages
from app.store.drafts import Drafts
from app.store.linked_raisers import LinkedRaisers

__all__ = ["ConcernService", "IssueOutcome", "NewConcern"]


class ConcernService(Intake, Stages, Records, AfterClosure, LinkedRaisers, Corrections, Drafts,
                     CalendarSettings):
    """Every change to a concern, checked by the rules and audited (one transaction each)."""
