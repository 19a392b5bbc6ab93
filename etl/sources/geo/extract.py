"""Find and read the NUTS boundary files: --file, $RUSMON_SOURCES_DIR/geo/, or GISCO's download.

The files are Eurostat GISCO's NUTS 2021 release at scale 1:60 million in WGS 84 (EPSG:4326),
one GeoJSON FeatureCollection per NUTS level 0–3 (`NUTS_RG_60M_2021_4326_LEVL_{0..3}.geojson`).
Attribution, required beside any map drawn from them: "© EuroGeographics for the administrative
boundaries".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from etl.errors import SourceError, clip
from etl.limits import InputLimitError, parse_json
from etl.pipeline import EtlContext, NothingToLoad
from etl.snapshots import SourceInput, local_input, save_snapshot, snapshots

SOURCE = "geo"
LEVELS = (0, 1, 2, 3)
# NOTE: GISCO's distribution of the NUTS 2021 boundaries, one file per level:
# https://gisco-services.ec.europa.eu/distribution/v2/nuts/geojson/ (60M = 1:60 million, the
# scale made for small thematic maps of Europe; 4326 = WGS 84 longitude/latitude).
GISCO_URL = "https://gisco-services.ec.europa.eu/distribution/v2/nuts/geojson/"
SUFFIXES = (".geojson", ".json")
# The 1:60 million files are 64 KB–700 KB; GISCO's finest (1:1 million) about 60 MB a level.
MAX_FILE_BYTES = 100_000_000


def file_name(level: int) -> str:
    return f"NUTS_RG_60M_2021_4326_LEVL_{level}.geojson"


def find_inputs(ctx: EtlContext) -> list[SourceInput]:
    """The boundary files to load, in the order of precedence the README documents."""
    if ctx.files:
        return [local_input(SOURCE, Path(f)) for f in ctx.files]
    if ctx.settings.sources_dir is not None:
        folder = ctx.settings.sources_dir / SOURCE
        found = sorted(p for p in folder.glob("*") if p.suffix.lower() in SUFFIXES)
        if found:
            return [local_input(SOURCE, p) for p in found]
    if not ctx.offline:
        client = ctx.http_client(SOURCE, None)
        assert client is not None  # online
        fetched = []
        for level in LEVELS:
            url = GISCO_URL + file_name(level)
            ctx.say(SOURCE, f"hämtar {url}")
            response = client.get(url)
            fetched.append(
                save_snapshot(ctx.settings.raw_dir, SOURCE, file_name(level), response.content, url)
            )
        return fetched
    saved = []
    for level in LEVELS:
        stem = file_name(level).rsplit(".", 1)[0]
        kept = snapshots(ctx.settings.raw_dir, SOURCE, f"{stem}_*")
        if kept:
            saved.append(kept[-1])  # the latest download of that level
    if saved:
        return saved
    where = (
        f"{ctx.settings.sources_dir / SOURCE}" if ctx.settings.sources_dir else "RUSMON_SOURCES_DIR"
    )
    raise NothingToLoad(
        f"inga kartfiler att ladda (offline; inga GeoJSON-filer i {where} och ingen tidigare "
        f"nedladdning i {ctx.settings.raw_dir / SOURCE}). Ange --file SÖKVÄG eller "
        "RUSMON_SOURCES_DIR, eller kör utan --offline för att hämta dem från GISCO."
    )


def read_document(source: SourceInput) -> Any:
    """The file's JSON; a file that is too large or no JSON is refused naming the file."""
    size = source.path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(
            SOURCE,
            f"{source.name}: filen är {size / 1e6:.0f} MB; rusmon läser kartfiler på högst "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB (använd GISCO:s skala 1:60 miljoner, 60M)",
        )
    try:
        return parse_json(source.path.read_bytes())
    except InputLimitError as exc:
        raise SourceError(SOURCE, f"{source.name}: {exc}") from exc
    except ValueError as exc:  # not UTF-8, or not JSON
        raise SourceError(
            SOURCE, f"{source.name}: kan inte läsas som GeoJSON (JSON): {clip(exc)}"
        ) from exc
