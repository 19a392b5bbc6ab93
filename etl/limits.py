"""Size limits on what the ETL reads, checked before a parser commits memory to it.

A 4 MB xlsx can unpack to gigabytes (a zip bomb), or place one cell at XFD1048576 so the
reader allocates a sheet of 17 billion cells; a JSON answer can nest deeper than Python's
stack. Each check raises InputLimitError with what was found and the limit; the callers
turn it into their source's error with the file name.
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

# Workbooks. RIS 2023 (the largest real input): 2.6 MB on disk, 24 MB unpacked, 657,000
# cells; reading it takes ~220 MB of memory. These limits leave four to eight times that.
MAX_WORKBOOK_BYTES = 100_000_000  # unpacked, all parts together
MAX_WORKBOOK_CELLS = 5_000_000  # rows × columns spanned by a sheet
MAX_WORKBOOK_PARTS = 10_000
# JSON answers. SCB caps an answer at 150,000 cells (a few MB); JSON-stat nests ~6 deep.
MAX_JSON_BYTES = 200_000_000
MAX_JSON_DEPTH = 64
# CSV: Python's csv module refuses fields over 128 KB; a tidy cell is a few words.
MAX_CSV_FIELD = 131_072

_CHUNK = 1 << 20
# A cell's reference (r="B12") and a row's number (r="12"), as SpreadsheetML writes them.
# Any attribute ending in r that looks like one counts too: the extent errs on the large side.
_CELL_REF = re.compile(rb'r="([A-Z]{1,4})([0-9]{1,9})"')
_ROW_REF = re.compile(rb'r="([0-9]{1,9})"')
# A shared string (<si>…</si>, its size in bytes bounds its text) and a cell using one.
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si\b[^>]*>(.*?)</(?:\w+:)?si>", re.S)
_STRING_CELL = re.compile(rb't="s"(?:\s[^>]*)?>\s*<(?:\w+:)?v>([0-9]{1,9})<')
_OVERLAP = 256  # bytes carried between chunks so a tag split by a chunk boundary is seen


class InputLimitError(ValueError):
    """The input is larger, or shaped larger, than rusmon reads."""


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.0f} MB"


def check_workbook(
    path: Path,
    *,
    max_bytes: int = MAX_WORKBOOK_BYTES,
    max_cells: int = MAX_WORKBOOK_CELLS,
) -> None:
    """Refuse a workbook whose unpacked size, sheet extent or text exceeds the limits.

    An .xlsx is a zip: every part is unpacked as a stream (the sizes its directory states
    are not trusted); each worksheet's cell references are scanned for the extent the
    reader would allocate, and its shared-string cells for the text it would copy out (a
    32 kB string referenced by a million cells is 32 GB once read). A file that is not a
    zip (.xls) is limited by its size on disk.
    """
    if not zipfile.is_zipfile(path):
        size = path.stat().st_size
        if size > max_bytes:
            raise InputLimitError(
                f"filen är {_megabytes(size)}; gränsen är {_megabytes(max_bytes)}"
            )
        return
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_WORKBOOK_PARTS:
                raise InputLimitError(
                    f"arbetsboken har {len(parts)} delar; gränsen är {MAX_WORKBOOK_PARTS}"
                )
            stated = sum(p.file_size for p in parts)
            if stated > max_bytes:
                raise InputLimitError(
                    f"arbetsboken packas upp till {_megabytes(stated)}; "
                    f"gränsen är {_megabytes(max_bytes)}"
                )
            scan = _Scan(archive, max_bytes, max_cells)
            # The shared strings first: the sheets' string cells are measured against them.
            for part in sorted(parts, key=lambda p: not _is_shared_strings(p.filename)):
                scan.part(part)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputLimitError(f"arbetsboken är trasig: {str(exc)[:200]}") from exc


def _is_shared_strings(name: str) -> bool:
    return name.lower().endswith("sharedstrings.xml")


class _Scan:
    """Unpacks a workbook's parts as streams, within the budget, measuring as it goes."""

    def __init__(self, archive: zipfile.ZipFile, max_bytes: int, max_cells: int):
        self.archive, self.max_bytes, self.max_cells = archive, max_bytes, max_cells
        self.total = 0  # bytes unpacked so far
        self.text = 0  # characters the sheets' shared-string cells would copy out
        self.string_sizes: list[int] = []

    def _blocks(self, part: zipfile.ZipInfo):
        with self.archive.open(part) as stream:
            while block := stream.read(_CHUNK):
                self.total += len(block)
                if self.total > self.max_bytes:
                    raise InputLimitError(
                        f"arbetsboken packas upp till mer än {_megabytes(self.max_bytes)} (gränsen)"
                    )
                yield block

    def part(self, part: zipfile.ZipInfo) -> None:
        name = part.filename.lower()
        if _is_shared_strings(name):
            data = b"".join(self._blocks(part))
            self.string_sizes = [len(m) for m in _SHARED_STRING.findall(data)]
        elif name.startswith("xl/worksheets/"):
            self._sheet(part)
        else:
            for _ in self._blocks(part):
                pass

    def _sheet(self, part: zipfile.ZipInfo) -> None:
        rows = columns = cell_tags = row_tags = 0
        tail = b""
        sizes, count = self.string_sizes, len(self.string_sizes)
        sheet = part.filename.rsplit("/", 1)[-1]
        for block in self._blocks(part):
            text = tail + block
            # Tags are counted in the new bytes only; references may straddle the boundary,
            # so they are searched in `text` (the maxima do not mind seeing one twice).
            cell_tags += block.count(b"<c ") + block.count(b"<c>")
            row_tags += block.count(b"<row ") + block.count(b"<row>")
            references = _CELL_REF.findall(text)
            letters = {c for c, _ in references}
            numbers = {r for _, r in references} | set(_ROW_REF.findall(text))
            columns = max([columns, *map(_column_number, letters)])
            rows = max([rows, *map(int, numbers)], default=0)
            rows = max(rows, row_tags)
            extent = max(rows * max(columns, 1), cell_tags)
            if extent > self.max_cells:
                raise InputLimitError(
                    f"bladet {sheet} spänner över {rows:,} rader × {max(columns, 1):,} "
                    f"kolumner; gränsen är {self.max_cells:,} celler".replace(",", " ")
                )
            # In the new bytes only: a cell cut by the block boundary goes uncounted, an
            # error of one cell per megabyte against a budget of millions.
            for index, times in Counter(_STRING_CELL.findall(block)).items():
                position = int(index)
                self.text += times * (sizes[position] if position < count else 0)
            if self.text > self.max_bytes:
                raise InputLimitError(
                    f"bladet {sheet} hänvisar till mer än {_megabytes(self.max_bytes)} text "
                    "(samma långa text i många celler); gränsen är "
                    f"{_megabytes(self.max_bytes)}"
                )
            tail = text[-_OVERLAP:]


def _refuse_constant(name: str) -> Any:
    raise InputLimitError(f"{name} är inget JSON-tal")


def json_depth(document: Any) -> int:
    """How deep lists and objects nest (a number or string = 0), without recursion."""
    deepest = 0
    stack = [(document, 1)] if isinstance(document, dict | list) else []
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        children = node.values() if isinstance(node, dict) else node
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return deepest


def parse_json(raw: bytes, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """A JSON document from bytes (UTF-8, BOM allowed), refusing NaN/Infinity and deep nests.

    Raises InputLimitError (too large, too deep) or ValueError (not JSON)."""
    if len(raw) > MAX_JSON_BYTES:
        raise InputLimitError(
            f"svaret är {_megabytes(len(raw))}; gränsen är {_megabytes(MAX_JSON_BYTES)}"
        )
    text = raw.decode("utf-8-sig")
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError as exc:
        raise InputLimitError(f"JSON nästlad djupare än {max_depth} nivåer") from exc
    if json_depth(document) > max_depth:
        raise InputLimitError(f"JSON nästlad djupare än {max_depth} nivåer")
    return document
