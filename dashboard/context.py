"""The running app's warehouse reader, set once by create_app and read by pages and callbacks."""

from __future__ import annotations

from dashboard.data_access.reader import WarehouseReader

_reader: WarehouseReader | None = None


def set_reader(reader: WarehouseReader) -> None:
    global _reader
    _reader = reader


def reader() -> WarehouseReader:
    if _reader is None:
        raise RuntimeError("create_app() has not been called: no warehouse reader")
    return _reader
