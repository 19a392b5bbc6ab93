"""argparse in Swedish: usage, help headings and its error messages.

argparse looks its texts up through the module-level name `_` (gettext) each time it prints,
so giving it a Swedish table is enough; a text not in the table stays as argparse wrote it.
"""

from __future__ import annotations

import argparse
import re

_TEXTS = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "the following arguments are required: %s": "dessa argument krävs: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "expected one argument": "väntade ett värde",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga: %(option)s kan vara %(matches)s"
    ),
}
# Python 3.12+ quotes the choices differently; the pattern keeps the meaning either way.
_CHOICE = re.compile(r"^invalid choice: (.*) \(choose from (.*)\)$")


def _swedish(text: str) -> str:
    if text in _TEXTS:
        return _TEXTS[text]
    found = _CHOICE.match(text)
    return f"ogiltigt val: {found[1]} (välj bland {found[2]})" if found else text


def use_swedish() -> None:
    argparse._ = _swedish  # type: ignore[attr-defined]
