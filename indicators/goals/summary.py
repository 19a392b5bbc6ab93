"""A delmål's status from its indicators' verdicts, and a note saying how it was summed up.

Rule: "n av m bedömda" always; with fewer than half of the indicators judged there is no
overall verdict ("för litet underlag"); otherwise the median of the judged verdicts (with an
even count, the worse of the two middle ones), so one indicator can neither carry nor sink a
goal on its own. Indicators that cannot be judged are counted, never silently dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from indicators.goals import verdicts as v
from indicators.goals.texts import Note, note


def summarise(verdicts: Sequence[v.Verdict]) -> tuple[v.Verdict, Note]:
    judged = sorted((x for x in verdicts if x is not v.UNKNOWN), key=lambda x: x.rank)
    counted = {"judged": len(judged), "total": len(verdicts)}
    if not judged:
        return v.UNKNOWN, note("summary_none", **counted)
    if 2 * len(judged) < len(verdicts):
        return v.INSUFFICIENT, note("summary_insufficient", **counted)
    middle = judged[(len(judged) - 1) // 2]
    counts = Counter(x.code for x in judged)
    best_first = [[x.code, counts[x.code]] for x in sorted(set(judged), key=lambda x: -x.rank)]
    return middle, note("summary_median", counts=best_first, **counted)
