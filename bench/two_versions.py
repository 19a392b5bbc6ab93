"""Two versions of the offline source folder for the "nothing lost, nothing crashes" benchmarks
(bench/crash.py, bench/reload_under_load.sh).

OLD is a tree of symlinks to ../shared/data (nothing is copied). NEW has the same layout, with
every loadable input changed slightly, so every source's content differs between the two:

- ris/RIS_2023.xlsx: every non-zero value ×1.01, except the Innovation Leaders' rows (kept), so
  the leaders' mean stays and every other region's ratio to it moves ×1.01 too (scaling all
  rows alike would leave the ratios, and the compare page's bars, unchanged);
- followup/*.csv (manual): every non-zero value ×1.01;
- eurostat/*.tsv: every number + 0.1 (flags such as "b" kept);
- sweden/responses/tva_*.xlsx: every count + 1.
Everything else (eis, geo, rci, the other sweden files) is a symlink in both trees.

Usage: two_versions.py SOURCE_DIR OUTDIR  → OUTDIR/old and OUTDIR/new
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import openpyxl
import pandas as pd

RIS_FACTOR = 1.01
FOLLOWUP_FACTOR = 1.01
EUROSTAT_DELTA = 0.1
TVA_DELTA = 1


def _link_tree(source: Path, target: Path, replaced: set[Path]) -> None:
    """Mirror `source` in `target` with symlinks, leaving out the files in `replaced` (their
    folders become real folders so the changed files can be written beside the links)."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        if entry in replaced:
            continue
        if entry.is_dir() and any(r.is_relative_to(entry) for r in replaced):
            _link_tree(entry, target / entry.name, replaced)
        else:
            (target / entry.name).symlink_to(entry.resolve())


def _ris(source: Path, target: Path) -> None:
    frame = pd.read_excel(source, sheet_name="RIS", engine="openpyxl")
    scale = (frame["Value"] != 0) & (frame["performance group"] != "Leader")
    frame.loc[scale, "Value"] = (frame.loc[scale, "Value"] * RIS_FACTOR).round(4)
    frame.to_excel(target, sheet_name="RIS", index=False, engine="openpyxl")


def _followup(source: Path, target: Path) -> None:
    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    values = pd.to_numeric(frame["value"], errors="coerce")
    scale = values.notna() & (values != 0)
    frame.loc[scale, "value"] = (values[scale] * FOLLOWUP_FACTOR).round(6).map(repr)
    frame.to_csv(target, index=False)


_NUMBER = re.compile(r"^(\s*)(-?\d+(?:\.\d+)?)(.*)$", re.S)


def _eurostat(source: Path, target: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    out = [lines[0]]
    for line in lines[1:]:
        key, *cells = line.rstrip("\n").split("\t")
        changed = []
        for cell in cells:
            hit = _NUMBER.match(cell)
            if hit:
                decimals = len(hit.group(2).partition(".")[2]) or 1
                number = float(hit.group(2)) + EUROSTAT_DELTA
                cell = f"{hit.group(1)}{number:.{decimals}f}{hit.group(3)}"
            changed.append(cell)
        out.append("\t".join([key, *changed]) + "\n")
    target.write_text("".join(out), encoding="utf-8")


def _tva(source: Path, target: Path) -> None:
    book = openpyxl.load_workbook(source)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, int) and not isinstance(cell.value, bool):
                    cell.value += TVA_DELTA
    book.save(target)


def prepare(source_dir: Path, out: Path) -> tuple[Path, Path]:
    """Build OUT/old and OUT/new (see the module docstring); returns (old, new)."""
    source_dir = source_dir.resolve()
    old, new = out / "old", out / "new"
    _link_tree(source_dir, old, set())
    changes = {
        **{p: _ris for p in (source_dir / "ris").glob("*.xlsx")},
        **{p: _followup for p in (source_dir / "followup").glob("*.csv")},
        **{p: _eurostat for p in (source_dir / "eurostat").glob("*.tsv")},
        **{p: _tva for p in (source_dir / "sweden" / "responses").glob("tva_*.xlsx")},
    }
    _link_tree(source_dir, new, set(changes))
    for path, change in changes.items():
        change(path, new / path.relative_to(source_dir))
    return old, new


if __name__ == "__main__":
    old, new = prepare(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"OLD {old}\nNEW {new}")
