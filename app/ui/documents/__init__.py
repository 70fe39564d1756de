"""Letters and case summaries from a concern's workspace, and saving a PDF that identifies a
person (warning, optional AES-256 password, then the save on the worker)."""
