"""The publication register as the CLI and the GUI show it, and files published elsewhere.

`listed_json(store)` lists what each publication released (counts of figures shown and
hidden, never a hidden value); `import_release_file` records
a CSV published outside the app (a freedom-of-information answer, a template filled by
hand) in this app's long format, so that later publications are checked against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.core.disclosure import blank_release
from app.core.kpi import empty_figures
from app.core.periods import Period
from app.core.sdc import Release
from app.core.thresholds import THRESHOLD_SETTING, threshold_from_setting
from app.services.publication import import_release
from app.store import publications
from app.store.encrypted import EncryptedStore
from app.store.publications import Registered


def listed_json(store: EncryptedStore) -> list[dict[str, Any]]:
    return [{"id": item.id, "label": item.label, "periods": list(item.periods),
             "published_on": item.published_on, "source": item.source, "unit": item.unit,
             "shown": item.shown, "hidden": item.hidden}
            for item in publications.listed(store)]


def import_release_file(store: EncryptedStore, text: str, *, label: str,
                        published_on: date) -> Registered:
    """A publication made outside the app, as a CSV in this app's long format: the
    contact's own figures, or a board's with its units in the unit column."""
    threshold = threshold_from_setting(store.setting(THRESHOLD_SETTING))

    def template(period: Period, units: Sequence[str]) -> Release:
        return blank_release(period.label, empty_figures(period), units, threshold, label,
                             published_on.isoformat())

    return import_release(store, text, label=label, published_on=published_on,
                          template=template)
