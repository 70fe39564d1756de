"""Casebook: an offline, encrypted casebook for whistleblowing concerns."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed metadata when first asked for (importing
    importlib.metadata costs tens of milliseconds at every launch otherwise)."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib import metadata

    try:
        version = metadata.version("casebook")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        version = "0.0.0+source"
    globals()["__version__"] = version
    return version
