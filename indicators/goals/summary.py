"""A delmål's status from its indicators' verdicts, and a sentence saying how it was summed up.

Rule: the median of the verdicts that could be judged (with an even count, the worse of the
two middle ones), so one indicator can neither carry nor sink a goal on its own. Indicators
that cannot be judged are counted and named, never silently dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from indicators.goals import verdicts as v


def summarise(verdicts: Sequence[v.Verdict]) -> tuple[v.Verdict, str]:
    judged = sorted((x for x in verdicts if x is not v.UNKNOWN), key=lambda x: x.rank)
    unknown = len(verdicts) - len(judged)
    if not judged:
        return v.UNKNOWN, f"ingen av {len(verdicts)} indikatorer kan bedömas" if len(
            verdicts
        ) != 1 else "indikatorn kan inte bedömas"
    middle = judged[(len(judged) - 1) // 2]
    counts = Counter(x.text_sv for x in judged)
    parts = ", ".join(
        f"{counts[x.text_sv]} {x.text_sv}" for x in reversed(judged) if x.text_sv in counts
    )
    parts = ", ".join(dict.fromkeys(parts.split(", ")))  # each verdict once, best first
    counted = "1 bedömd indikator" if len(judged) == 1 else f"{len(judged)} bedömda indikatorer"
    text = f"median av {counted} ({parts})"
    if unknown:
        text += f"; {unknown} kan ej bedömas"
    return middle, text
