"""Raw inputs as immutable snapshots: the file, plus a sidecar with origin, date and sha256.

A downloaded response is written once under data/raw/<source>/ and never edited; the
sidecar `<file>.source.json` records where it came from. Local files (from --file or
$RUSMON_SOURCES_DIR) are used in place and fingerprinted the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from etl.errors import SourceError

SIDECAR_SUFFIX = ".source.json"


@dataclass(frozen=True)
class SourceInput:
    path: Path
    sha256: str
    origin: str  # URL, or file:// path for a local file
    accessed_at: datetime | None = None
    query: Any = None  # request body or parameters, for API responses

    @property
    def name(self) -> str:
        return self.path.name


def utcnow() -> datetime:
    """Naive UTC, the warehouse's time convention (portable across DuckDB and PostgreSQL)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def local_input(source: str, path: Path) -> SourceInput:
    """A file the user pointed at; its sidecar, if any, tells where it came from."""
    if not path.is_file():
        raise SourceError(source, f"filen finns inte: {path}")
    sidecar = sidecar_path(path)
    if sidecar.exists():
        return _from_sidecar(source, path, sidecar)
    return SourceInput(path=path.resolve(), sha256=sha256_of(path), origin=path.resolve().as_uri())


def _sidecar(path: Path) -> dict | None:
    """A sidecar's JSON object, or None when it is unreadable or not an object."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return meta if isinstance(meta, dict) else None


def _from_sidecar(source: str, path: Path, sidecar: Path) -> SourceInput:
    meta = _sidecar(sidecar)
    if meta is None:
        raise SourceError(source, f"{sidecar.name}: ogiltig sidofil (inte ett JSON-objekt)")
    actual = sha256_of(path)
    if meta.get("sha256") != actual:
        raise SourceError(
            source,
            f"{path.name}: ögonblicksbilden har ändrats efter nedladdningen "
            f"(sha256 {actual[:12]}… men sidofilen säger {str(meta.get('sha256'))[:12]}…)",
        )
    accessed = meta.get("accessed_at")
    try:
        accessed_at = datetime.fromisoformat(accessed) if accessed else None
    except (TypeError, ValueError) as exc:
        raise SourceError(
            source, f"{sidecar.name}: accessed_at är inget datum: {str(accessed)[:200]!r}"
        ) from exc
    return SourceInput(
        path=path.resolve(),
        sha256=actual,
        origin=str(meta.get("url", path.resolve().as_uri())),
        accessed_at=accessed_at,
        query=meta.get("query"),
    )


def save_snapshot(
    raw_dir: Path, source: str, name: str, content: bytes, url: str, query: Any = None
) -> SourceInput:
    """Write a fetched response and its sidecar; an identical earlier snapshot is reused."""
    folder = raw_dir / source
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(content).hexdigest()
    for existing in folder.glob("*" + SIDECAR_SUFFIX):
        meta = _sidecar(existing)
        if meta is None:
            continue
        target = existing.with_name(existing.name[: -len(SIDECAR_SUFFIX)])
        same_request = meta.get("url") == url and meta.get("query") == query
        if meta.get("sha256") == digest and same_request and target.exists():
            return _from_sidecar(source, target, existing)
    accessed = utcnow()
    stem, dot, suffix = name.rpartition(".")
    path = folder / f"{stem or name}_{accessed:%Y%m%dT%H%M%S}_{digest[:8]}{dot}{suffix}"
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(content)
    os.replace(temporary, path)  # a reader never sees half a snapshot
    meta = {
        "url": url,
        "query": query,
        "accessed_at": accessed.isoformat(),
        "sha256": digest,
        "bytes": len(content),
    }
    sidecar_path(path).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    return SourceInput(path=path, sha256=digest, origin=url, accessed_at=accessed, query=query)


def snapshots(raw_dir: Path, source: str, pattern: str = "*") -> list[SourceInput]:
    """Earlier snapshots of a source, oldest first (names carry the time of access)."""
    folder = raw_dir / source
    if not folder.is_dir():
        return []
    found = []
    for sidecar in sorted(folder.glob(pattern + SIDECAR_SUFFIX)):
        target = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
        if target.exists():
            found.append(_from_sidecar(source, target, sidecar))
    return found


def find_snapshot(folders: list[Path], source: str, url: str, query: Any) -> SourceInput | None:
    """The latest snapshot of exactly this request (URL and query) in any of the folders."""
    found = []
    for folder in folders:
        for sidecar in (folder / source).glob("*" + SIDECAR_SUFFIX) if folder else []:
            meta = _sidecar(sidecar)
            if meta is None:
                continue
            target = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
            if meta.get("url") == url and meta.get("query") == query and target.exists():
                found.append((meta.get("accessed_at") or "", sidecar, target))
    if not found:
        return None
    _, sidecar, target = max(found, key=lambda item: item[0])
    return _from_sidecar(source, target, sidecar)
