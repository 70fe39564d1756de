"""Casebook: an offline, encrypted casebook for whistleblowing concerns."""

from importlib import metadata

try:
    __version__ = metadata.version("casebook")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"
