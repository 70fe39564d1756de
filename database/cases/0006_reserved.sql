-- cases.db, version 6: reserved. Another line of work (identity scanning) numbers its
-- migration 0006; this placeholder changes nothing and only keeps the numbers without a gap
-- on the continuity branch. At merge it is dropped and the migrations after it renumbered.
SELECT 1;
