-- board.db, version 4: what the board's own reports need beyond the returns.
-- The board's own statements for the annual report, typed and kept per financial year:
-- KPI 2 (the experience of everyone involved) and KPI 3 (staff perceptions, awareness and
-- training). They are the board's words, not a unit's: no names of people.
CREATE TABLE statements (
    year       TEXT NOT NULL,          -- a financial year, 2025-26
    kpi        INTEGER NOT NULL CHECK (kpi IN (2, 3)),
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (year, kpi)
) STRICT;

-- When each period's returns are due (a board setting): a return imported after it is late.
CREATE TABLE due_dates (
    period TEXT PRIMARY KEY,           -- 2025-26 or 2025-26-Q1
    due_on TEXT NOT NULL               -- YYYY-MM-DD
) STRICT;
