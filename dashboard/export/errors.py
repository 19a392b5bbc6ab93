"""Errors an export can end with, worded for the person who asked for the file."""

from __future__ import annotations


class ExportError(RuntimeError):
    """An export could not be made; the message says why and what to do, in Swedish."""
