"""Handing concerns over: trusted colleagues, packages out and in, the stepping-down checklist."""
