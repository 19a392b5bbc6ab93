"""Load and check the declarative catalogue: the built-in one under indicators/catalogue/, with a
region's own folders (RUSMON_CATALOGUE_DIR) merged over it.

Adding a region, an indicator, a strategy, a RIS framework or a mandate period means adding
YAML, not code. Every folder has the same layout:

    indicators/*.yaml          one indicator per file (the file name is its id)
    strategies/*.yaml          one strategy per file (the file name is its id)
    regions/*.yaml             regions: [...]
    ris/*_framework.yaml       a RIS measurement framework and its editions
    ris/caveats.yaml           caveats: {id: {sv, en}}
    mandate_periods.yaml       mandate_periods: [...]

An id defined twice (in the built-in catalogue and an own folder, or in two own folders) is
an error naming both files. Every problem is a CatalogueProblem with the file, the line and
the entry it concerns (indicators.catalogue_yaml); `check_catalogue` collects all of them,
`load_catalogue` raises a CatalogueError carrying them all. Nothing else escapes the
loader, whatever the files hold.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from indicators.catalogue_yaml import (
    CatalogueError,
    CatalogueProblem,
    LineMap,
    line_of,
    load_model,
    read_document,
    validated,
)
from indicators.goals.load import strategy_context
from indicators.goals.models import RIS_PREFIX, Strategy
from indicators.models import (
    NUTS_CODE,
    Caveat,
    CaveatsFile,
    Indicator,
    MandatePeriod,
    MandatePeriodsFile,
    RegionRegistry,
    RegionsFile,
    RisFramework,
    RisSeries,
)
from indicators.settings import load_settings

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"

__all__ = [
    "CATALOGUE_DIR",
    "NUTS_CODE",
    "Catalogue",
    "CatalogueCheck",
    "CatalogueError",
    "CatalogueProblem",
    "catalogue",
    "check_catalogue",
    "clear_catalogue_cache",
    "current_catalogue",
    "load_catalogue",
]


class Catalogue(BaseModel):
    model_config = ConfigDict(frozen=True)

    regions: RegionRegistry
    ris_frameworks: tuple[RisFramework, ...]
    caveats: dict[str, Caveat]
    mandate_periods: tuple[MandatePeriod, ...]
    indicators: dict[str, Indicator] = Field(default_factory=dict)
    strategies: dict[str, Strategy] = Field(default_factory=dict)
    folders: tuple[Path, ...] = ()  # where it was read from: the built-in folder first

    def ris_framework(self, edition: int) -> RisFramework | None:
        for framework in self.ris_frameworks:
            if edition in framework.editions:
                return framework
        return None

    def mandate_period(self, period_id: str) -> MandatePeriod:
        for period in self.mandate_periods:
            if period.id == period_id:
                return period
        known = ", ".join(p.id for p in self.mandate_periods)
        raise KeyError(f"okänd mandatperiod {period_id!r} (kända: {known})")

    def mandate_period_for_year(self, year: int) -> MandatePeriod | None:
        return next((p for p in self.mandate_periods if p.contains_year(year)), None)

    def ris_series(self, edition: int, code: str) -> RisSeries | None:
        framework = self.ris_framework(edition)
        return framework.series_by_code().get(code) if framework else None

    def ris_short_name(self, edition: int | None, code: str, lang: str = "sv") -> str:
        """A RIS series' short name, or its code when the edition's framework lacks it."""
        series = self.ris_series(edition, code) if edition else None
        return series.short(lang) if series else code


# ---------------------------------------------------------------- one file at a time

# Where each kind of file lives in a catalogue folder.
LAYOUT = {
    "frameworks": "ris/*_framework.yaml",
    "caveats": "ris/caveats.yaml",
    "regions": "regions/*.yaml",
    "indicators": "indicators/*.yaml",
    "strategies": "strategies/*.yaml",
    "mandate_periods": "mandate_periods.yaml",
}
REQUIRED_IN_BUILT_IN = ("caveats", "mandate_periods")
LAYOUT_TEXT = (
    "indicators/, strategies/, regions/, ris/*_framework.yaml, ris/caveats.yaml "
    "och mandate_periods.yaml"
)


def _indicator_context(path: Path, folder: Path | None = None) -> dict[str, Any]:
    return {"stem": path.stem, "folder": folder or path.parent.parent}


def load_indicator(path: Path) -> Indicator:
    return load_model(Indicator, path, _indicator_context(path), path.stem)


def load_indicators(directory: Path) -> dict[str, Indicator]:
    return {p.stem: load_indicator(p) for p in sorted(directory.glob("*.yaml"))}


def load_ris_framework(path: Path) -> RisFramework:
    read, document, problems = read_document(path)
    if read:
        context = {"dimensions": _dimension_codes(document)}
        framework, problems = validated(RisFramework, path, document, context)
        if not problems:
            return framework
    raise CatalogueError(problems=problems)


def load_caveats(path: Path) -> dict[str, Caveat]:
    return _caveats(load_model(CaveatsFile, path))


def _caveats(file: CaveatsFile) -> dict[str, Caveat]:
    return {
        key: Caveat(id=key, text_sv=text.sv, text_en=text.en) for key, text in file.caveats.items()
    }


def load_mandate_periods(path: Path) -> tuple[MandatePeriod, ...]:
    periods = load_model(MandatePeriodsFile, path).mandate_periods
    return tuple(sorted(periods, key=lambda p: p.first_year))


def load_regions(directory: Path) -> RegionRegistry:
    """Every regions file in one folder, checked together (codes once, parents known)."""
    loader = _Loader([directory], layout={"regions": "*.yaml"})
    loader.read_all()
    loader.validate_regions()
    loader.check_regions()
    if loader.problems:
        raise CatalogueError(problems=loader.sorted_problems())
    return loader.registry()


# ---------------------------------------------------------------- the whole catalogue


@dataclass
class CatalogueCheck:
    """What `check_catalogue` found: every file read, every problem, and the catalogue when
    there were none."""

    files: list[Path]
    problems: list[CatalogueProblem]
    catalogue: Catalogue | None = None
    # Every indicator that is valid on its own (also when other files are not), and the file
    # each indicator is declared in: for checks of the data files against the catalogue.
    indicators: dict[str, Indicator] = field(default_factory=dict)
    indicator_files: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Read:
    path: Path
    folder: Path
    read: bool
    document: Any
    model: Any = None


def _scalar(value: Any) -> str | None:
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


def _dimension_codes(document: Any) -> set[str]:
    items = document.get("dimensions") if isinstance(document, dict) else None
    return {
        code
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict) and (code := _scalar(item.get("code"))) is not None
    }


def _entries(document: Any, key: str) -> list[tuple[int, Any]]:
    items = document.get(key) if isinstance(document, dict) else None
    return list(enumerate(items)) if isinstance(items, list) else []


@dataclass
class _Loader:
    folders: list[Path]
    layout: dict[str, str] = field(default_factory=lambda: dict(LAYOUT))
    files: dict[str, list[_Read]] = field(default_factory=dict)
    problems: list[CatalogueProblem] = field(default_factory=list)
    order: list[Path] = field(default_factory=list)

    # ------------------------------------------------------------ reading

    def read_all(self) -> None:
        for number, folder in enumerate(self.folders):
            if not folder.is_dir():
                self.problems.append(
                    CatalogueProblem("katalogmappen finns inte (eller är ingen mapp)", str(folder))
                )
                continue
            found: set[Path] = set()
            for kind, pattern in self.layout.items():
                paths = sorted(folder.glob(pattern))
                if not paths and number == 0 and kind in REQUIRED_IN_BUILT_IN:
                    self.problems.append(
                        CatalogueProblem("filen saknas i katalogen", str(folder / pattern))
                    )
                for path in paths:
                    found.add(path)
                    self._read(kind, path, folder)
            if number > 0:
                self._unread_files(folder, found)

    def _read(self, kind: str, path: Path, folder: Path) -> None:
        read, document, problems = read_document(path)
        self.order.append(path)
        self.problems += problems
        self.files.setdefault(kind, []).append(_Read(path, folder, read, document))

    def _unread_files(self, folder: Path, found: set[Path]) -> None:
        """YAML in an own folder that no loader reads: a misplaced or misnamed file."""
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if path.suffix.lower() in (".yaml", ".yml") and path not in found and path.is_file():
                self.order.append(path)
                hint = "filändelsen ska vara .yaml" if path.suffix.lower() == ".yml" else ""
                self.problems.append(
                    CatalogueProblem(
                        f"filen läses inte: katalogens filer ligger i {LAYOUT_TEXT}",
                        str(path),
                        suggestion=hint or None,
                    )
                )

    def of(self, kind: str) -> list[_Read]:
        return [f for f in self.files.get(kind, []) if f.read]

    def _validate(
        self, kind: str, model: type[BaseModel], context: Callable[[_Read], dict] | None = None
    ) -> None:
        root = kind in ("indicators", "strategies")
        for file in self.of(kind):
            file.model, problems = validated(
                model,
                file.path,
                file.document,
                context(file) if context else None,
                file.path.stem if root else "",
            )
            self.problems += problems

    # ------------------------------------------------------------ what the files declare

    def region_codes(self) -> set[str]:
        """Every region code the files name, also in an entry that is otherwise wrong (so a
        broken entry is reported once, not again as an unknown region everywhere)."""
        return {
            code
            for file in self.of("regions")
            for _, item in _entries(file.document, "regions")
            if isinstance(item, dict) and (code := _scalar(item.get("code"))) is not None
        }

    def complete(self, kind: str, key: str) -> bool:
        """Whether every file of a kind was read and holds its list: only then can a name
        missing from them be called unknown (else the broken file is the one problem)."""
        return all(
            f.read and isinstance(f.document, dict) and isinstance(f.document.get(key), list)
            for f in self.files.get(kind, [])
        )

    def ris_codes(self) -> set[str]:
        return {
            code
            for file in self.of("frameworks")
            for _, item in _entries(file.document, "series")
            if isinstance(item, dict) and (code := _scalar(item.get("code"))) is not None
        }

    def caveat_ids(self) -> set[str] | None:
        """The caveats' ids; None when no caveats file could be read (nothing to check)."""
        files = self.files.get("caveats", [])
        texts = [f.document.get("caveats") if isinstance(f.document, dict) else None for f in files]
        if not files or not all(isinstance(t, dict) for t in texts):
            return None  # a caveats file that cannot be read is reported itself
        return {str(key) for t in texts if isinstance(t, dict) for key in t}

    def indicator_ids(self) -> set[str]:
        return {file.path.stem for file in self.files.get("indicators", [])}

    # ------------------------------------------------------------ validating

    def validate_regions(self) -> None:
        self._validate("regions", RegionsFile)

    def validate_all(self) -> None:
        caveats = self.caveat_ids()
        self._validate(
            "frameworks",
            RisFramework,
            lambda f: {"dimensions": _dimension_codes(f.document), "caveats": caveats},
        )
        self._validate("caveats", CaveatsFile)
        self.validate_regions()
        self._validate("indicators", Indicator, lambda f: _indicator_context(f.path, f.folder))
        regions, ris_codes, indicators = self.region_codes(), self.ris_codes(), self.indicator_ids()

        all_series = self.complete("frameworks", "series")

        def known_indicator(indicator_id: str) -> bool:
            if indicator_id.startswith(RIS_PREFIX):
                return indicator_id.removeprefix(RIS_PREFIX) in ris_codes or not all_series
            return indicator_id in indicators

        choices = indicators | {RIS_PREFIX + code for code in ris_codes}
        known_region = regions.__contains__ if self.complete("regions", "regions") else None
        self._validate(
            "strategies",
            Strategy,
            lambda f: strategy_context(f.path, known_region, known_indicator, choices),
        )
        self._validate("mandate_periods", MandatePeriodsFile)

    # ------------------------------------------------------------ across files

    def _twice(self, what: str, first: tuple[Path, int | None], path: Path, line: int | None):
        place = str(first[0]) if first[1] is None else f"{first[0]}:{first[1]}"
        self.problems.append(
            CatalogueProblem(f"{what} finns redan i {place}", str(path), line or 1)
        )

    def check_regions(self) -> None:
        seen: dict[str, tuple[Path, int | None]] = {}
        for file in self.of("regions"):
            for _, item in _entries(file.document, "regions"):
                code = _scalar(item.get("code")) if isinstance(item, dict) else None
                if code is None:
                    continue
                line = line_of(item, "code")
                if code in seen:
                    self._twice(f"regionkoden {code}", seen[code], file.path, line)
                else:
                    seen[code] = (file.path, line)
        for file in self.of("regions"):
            if file.model is None or not self.complete("regions", "regions"):
                continue
            entries = [item for _, item in _entries(file.document, "regions")]
            for region, item in zip(file.model.regions, entries, strict=False):
                if region.parent_code and region.parent_code not in seen:
                    self.problems.append(
                        CatalogueProblem(
                            f"region {region.code}: föräldern {region.parent_code} finns inte "
                            "i registret",
                            str(file.path),
                            line_of(item, "parent_code"),
                        )
                    )

    def check_across_files(self) -> None:
        self.check_regions()
        editions: dict[int, tuple[Path, int | None]] = {}
        for file in self.of("frameworks"):
            if file.model is None:
                continue
            line = line_of(file.document, "editions")
            for edition in file.model.editions:
                if edition in editions:
                    self._twice(f"RIS-upplagan {edition}", editions[edition], file.path, line)
                else:
                    editions[edition] = (file.path, line)
        for kind, what in (("indicators", "indikatorn"), ("strategies", "strategin")):
            ids: dict[str, tuple[Path, int | None]] = {}
            for file in self.files.get(kind, []):
                line = line_of(file.document, "id") if isinstance(file.document, LineMap) else None
                if file.path.stem in ids:
                    self._twice(f"{what} {file.path.stem}", ids[file.path.stem], file.path, line)
                else:
                    ids[file.path.stem] = (file.path, line)
        caveats: dict[str, tuple[Path, int | None]] = {}
        for file in self.of("caveats"):
            texts = file.document.get("caveats") if isinstance(file.document, dict) else None
            for key in texts if isinstance(texts, dict) else {}:
                line = line_of(texts, key)
                if str(key) in caveats:
                    self._twice(f"förbehållet {key}", caveats[str(key)], file.path, line)
                else:
                    caveats[str(key)] = (file.path, line)
        periods: dict[str, tuple[Path, int | None]] = {}
        for file in self.of("mandate_periods"):
            for _, item in _entries(file.document, "mandate_periods"):
                period = _scalar(item.get("id")) if isinstance(item, dict) else None
                if period is None:
                    continue
                line = line_of(item, "id")
                if period in periods:
                    self._twice(f"mandatperioden {period}", periods[period], file.path, line)
                else:
                    periods[period] = (file.path, line)

    # ------------------------------------------------------------ the result

    def sorted_problems(self) -> list[CatalogueProblem]:
        rank = {str(path): n for n, path in enumerate(self.order)}
        return sorted(self.problems, key=lambda p: (rank.get(p.file or "", len(rank)), p.line or 0))

    def registry(self) -> RegionRegistry:
        return RegionRegistry(
            regions={r.code: r for f in self.of("regions") for r in f.model.regions}
        )

    def catalogue(self) -> Catalogue:
        caveats: dict[str, Caveat] = {}
        for file in self.of("caveats"):
            caveats |= _caveats(file.model)
        periods = [p for f in self.of("mandate_periods") for p in f.model.mandate_periods]
        indicators = {f.path.stem: f.model for f in self.of("indicators")}
        strategies = {f.path.stem: f.model for f in self.of("strategies")}
        return Catalogue(
            regions=self.registry(),
            ris_frameworks=tuple(f.model for f in self.of("frameworks")),
            caveats=caveats,
            mandate_periods=tuple(sorted(periods, key=lambda p: p.first_year)),
            indicators=dict(sorted(indicators.items())),
            strategies=dict(sorted(strategies.items())),
            folders=tuple(self.folders),
        )


def check_catalogue(directory: Path = CATALOGUE_DIR, own: Sequence[Path] = ()) -> CatalogueCheck:
    """Read and check every file of the catalogue in `directory` with the folders `own`
    merged over it; every problem found, and the catalogue when there are none."""
    loader = _Loader([Path(directory), *map(Path, own)])
    loader.read_all()
    loader.validate_all()
    loader.check_across_files()
    problems = loader.sorted_problems()
    result = CatalogueCheck(
        list(loader.order),
        problems,
        indicators={f.path.stem: f.model for f in loader.of("indicators") if f.model},
        indicator_files={f.path.stem: f.path for f in loader.files.get("indicators", [])},
    )
    if not problems:
        result.catalogue = loader.catalogue()
    return result


def load_catalogue(directory: Path = CATALOGUE_DIR, own: Sequence[Path] = ()) -> Catalogue:
    """The catalogue in `directory` with the folders `own` merged over it; CatalogueError
    (carrying every problem) when anything in it is wrong."""
    result = check_catalogue(directory, own)
    if result.catalogue is None:
        raise CatalogueError(problems=result.problems)
    return result.catalogue


# ---------------------------------------------------------------- the process's catalogue


def own_catalogue_dirs() -> tuple[Path, ...]:
    """The region's own catalogue folders (RUSMON_CATALOGUE_DIR), in merge order."""
    return load_settings().catalogue_dirs


def _fingerprint(folders: Iterable[Path]) -> tuple:
    """Every catalogue file's name, size and modification time: a change in any of them, or a
    file added or removed, changes it."""
    stamp = []
    for folder in folders:
        try:
            for path in sorted(folder.rglob("*.y*ml")):
                info = path.stat()
                stamp.append((str(path), info.st_size, info.st_mtime_ns))
        except OSError:
            stamp.append((str(folder), -1, -1))
    return tuple(stamp)


_lock = threading.Lock()
_loaded: dict[tuple[Path, ...], tuple[tuple, Catalogue]] = {}


def _load(own: tuple[Path, ...]) -> Catalogue:
    stamp = _fingerprint((CATALOGUE_DIR, *own))
    loaded = load_catalogue(CATALOGUE_DIR, own)
    with _lock:
        _loaded[own] = (stamp, loaded)
    return loaded


def catalogue() -> Catalogue:
    """The catalogue this process works with: the built-in one with RUSMON_CATALOGUE_DIR's
    folders merged over it, read once per process (and per RUSMON_CATALOGUE_DIR);
    `current_catalogue()` reads it again when its files changed."""
    own = own_catalogue_dirs()
    with _lock:
        hit = _loaded.get(own)
    return hit[1] if hit else _load(own)


def current_catalogue() -> Catalogue:
    """The catalogue as its files are now: the cached one while no catalogue file (built-in
    or own) changed, else read again (and cached for `catalogue()` too). A long-running
    process, such as the dashboard when the warehouse version changes, calls this to pick up
    a region's new indicators and strategies. CatalogueError when the files are now wrong."""
    own = own_catalogue_dirs()
    stamp = _fingerprint((CATALOGUE_DIR, *own))
    with _lock:
        hit = _loaded.get(own)
    if hit and hit[0] == stamp:
        return hit[1]
    return _load(own)


def clear_catalogue_cache() -> None:
    """Forget every catalogue read (the next `catalogue()` reads the files again)."""
    with _lock:
        _loaded.clear()
