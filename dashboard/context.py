"""The running app's warehouse reader and catalogue, set up by create_app and read by pages
and callbacks.

The catalogue is read again whenever the warehouse version changes: a region's new indicator
or strategy (RUSMON_CATALOGUE_DIR) arrives with the `rusmon etl` that loads its values, and
every server shows it on its next request, without a restart.
"""

from __future__ import annotations

import logging
import threading

from dashboard.data_access.reader import WarehouseReader
from indicators.catalogue import Catalogue, CatalogueError, current_catalogue

log = logging.getLogger("rusmon.dashboard")
_reader: WarehouseReader | None = None
_catalogue: tuple[str | None, Catalogue] | None = None  # (warehouse version, catalogue)
_lock = threading.Lock()


def set_reader(reader: WarehouseReader) -> None:
    global _reader, _catalogue
    _reader = reader
    _catalogue = None


def reader() -> WarehouseReader:
    if _reader is None:
        raise RuntimeError("create_app() has not been called: no warehouse reader")
    return _reader


def catalogue() -> Catalogue:
    """The catalogue for the warehouse version being served. Files broken since the last good
    read keep the last good catalogue (logged with every problem): the ETL refuses such a
    catalogue too, so the data and the catalogue the app shows still belong together."""
    global _catalogue
    version = reader().version()
    with _lock:
        known = _catalogue
    if known is not None and known[0] == version:
        return known[1]
    try:
        fresh = current_catalogue()
    except CatalogueError as error:
        if known is None:
            raise
        log.error("katalogen kunde inte läsas om, den förra gäller: %s", error)
        fresh = known[1]
    with _lock:
        _catalogue = (version, fresh)
    return fresh
