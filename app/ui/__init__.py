"""The desktop app (PySide6). Depends on the services; nothing depends on it."""
