"""The domain: records, stage rules, working days and KPIs. No Qt, no SQL."""
