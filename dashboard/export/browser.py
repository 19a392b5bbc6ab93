"""The system Chromium for kaleido, and one kaleido render server per process.

kaleido ≥ 1 drives a Chromium found through `BROWSER_PATH`. We point it at a small wrapper
around Debian's /usr/bin/chromium that adds the flags keeping Chromium off the network, and we
start kaleido with a page that loads plotly.js from the plotly package and no MathJax: kaleido's
default page pulls MathJax from a CDN, which offline costs a failed request or a hang.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import kaleido
import plotly

from dashboard.export.errors import ExportError
from dashboard.figures.maps import topojson_data_url

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
START_TIMEOUT = 60.0  # s; a cold start takes ~3 s, a busy 2-core machine several times that
RENDER_TIMEOUT = 60.0  # s per image, kaleido's own limit (its default is 90)

_start_lock = threading.Lock()
# kaleido's sync server shares one task queue and one answer queue between all callers: two
# threads asking at once could get each other's image. One render at a time per process.
render_lock = threading.Lock()
_started_pid: int | None = None


def missing_chromium() -> str:
    return f"Chromium saknas ({CHROMIUM}): installera Debians paket chromium"


def wrapper_path() -> Path:
    # One folder per user: a shared /tmp must not let someone else plant the script we execute.
    return Path(tempfile.gettempdir()) / f"rusmon-chromium-{os.getuid()}" / "chromium"


def _wrapper_script() -> str:
    flags = " ".join(CHROMIUM_FLAGS)
    return (
        "#!/bin/sh\n"
        "# Written by rusmon (dashboard/export/browser.py): Chromium for kaleido, kept off the\n"
        "# network.\n"
        f'exec {CHROMIUM} {flags} "$@"\n'
    )


def write_wrapper() -> Path:
    """Write (or keep) the executable wrapper script and return its path."""
    if not os.access(CHROMIUM, os.X_OK):
        raise ExportError(missing_chromium())
    path = wrapper_path()
    path.parent.mkdir(mode=0o700, exist_ok=True)
    if path.parent.stat().st_uid != os.getuid():
        raise ExportError(f"{path.parent} tillhör en annan användare: ta bort mappen")
    script = _wrapper_script()
    if path.is_file() and path.read_text() == script and os.access(path, os.X_OK):
        return path
    # Written beside and renamed: gunicorn workers starting together never see half a script.
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".chromium-")
    with os.fdopen(fd, "w") as file:
        file.write(script)
    os.chmod(temporary, stat.S_IRWXU)
    os.replace(temporary, path)
    return path


def browser_path() -> str:
    """The browser kaleido will start: the user's own `BROWSER_PATH` wins, else our wrapper
    (then also set as `BROWSER_PATH`, which kaleido and choreographer read)."""
    given = os.environ.get("BROWSER_PATH")
    if given:
        if not os.access(given, os.X_OK):
            raise ExportError(f"BROWSER_PATH={given} är inget körbart program: rätta eller ta bort")
        return given
    path = str(write_wrapper())
    os.environ["BROWSER_PATH"] = path
    return path


def page_generator() -> kaleido.PageGenerator:
    """kaleido's render page with the plotly package's own plotly.js and MathJax turned off,
    so rendering needs no network request."""
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not plotly_js.is_file():
        raise ExportError(f"plotly.js saknas i plotly-paketet ({plotly_js}): installera om plotly")
    return kaleido.PageGenerator(plotly=(plotly_js.as_uri(), "utf-8"), mathjax=False)


def _server_thread() -> threading.Thread | None:
    # kaleido keeps its server thread private; we only look at it to notice a failed start.
    return getattr(getattr(kaleido, "_global_server", None), "_thread", None)


def _warm_up(path: str) -> None:
    """Render a tiny image: proves the server started. A server thread that died while starting
    Chromium would otherwise leave every later call waiting forever on kaleido's queue."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            tiny = {"data": [], "layout": {"width": 10, "height": 10}}
            outcome["image"] = kaleido.calc_fig_sync(
                tiny, opts={"format": "png", "width": 10, "height": 10}
            )
        except Exception as error:  # handed to the caller below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="rusmon-kaleido-warm-up", daemon=True)
    worker.start()
    deadline = time.monotonic() + START_TIMEOUT
    while worker.is_alive() and time.monotonic() < deadline:
        worker.join(0.1)
        server = _server_thread()
        if server is not None and not server.is_alive():
            break
    if "image" in outcome:
        return
    server = _server_thread()
    if "error" in outcome or server is None or not server.is_alive():
        # Stopped so the next export tries afresh; a server merely slow to answer is left alone
        # (stopping joins its thread, which would block this request too).
        kaleido.stop_sync_server(silence_warnings=True)
    reason = outcome.get("error") or "ingen bild inom " + f"{START_TIMEOUT:.0f} s"
    raise ExportError(f"Chromium för bildexport startade inte ({path}): {reason}")


def ensure_kaleido() -> None:
    """Start kaleido's render server once per process (~3 s); later images take ~0.2 s."""
    global _started_pid
    with _start_lock:
        if _started_pid == os.getpid():
            return
        if _started_pid is not None:
            # A forked child (gunicorn worker): the parent's render thread did not survive the
            # fork, but kaleido still believes its server runs. Reset it, then start our own.
            kaleido.stop_sync_server(silence_warnings=True)
        path = browser_path()
        kaleido.start_sync_server(
            path=path,
            page_generator=page_generator(),
            timeout=RENDER_TIMEOUT,
            silence_warnings=True,
        )
        _warm_up(path)
        _started_pid = os.getpid()


def calc_image(figure: Any, *, fmt: str, width: int, height: int, scale: float) -> bytes:
    """One image from kaleido's server, started on first use; errors as ExportError."""
    ensure_kaleido()
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    with render_lock:
        try:
            # Maps: plotly's base-map topojson from a data: URL, never from its CDN.
            return kaleido.calc_fig_sync(figure, opts=opts, topojson=topojson_data_url())
        except Exception as error:
            raise ExportError(f"Bilden kunde inte ritas ({fmt}): {error}") from error
