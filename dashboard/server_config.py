"""gunicorn settings for the dashboard: `rusmon serve` uses them, and so can a deployment:
`gunicorn -c python:dashboard.server_config --bind HOST:PORT dashboard.wsgi:server`.

Only gunicorn setting names are public module attributes here: gunicorn reads every one of
them (and `rusmon serve` copies them the same way).
"""

from __future__ import annotations

import signal as _signal

import gunicorn.http.wsgi as _gunicorn_wsgi

workers = 2
timeout = 60
accesslog = None
# gunicorn 27 opens a control socket ($HOME/.gunicorn/gunicorn.ctl) by default: one path
# shared by every server on the machine, and a management door nobody here uses.
control_socket_disable = True
# Request line and headers: gunicorn's limits (the body is limited by the app, 1 MB → 413).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

SERVER_BANNER = "rusmon"  # the Server header: no gunicorn name, no version


def ignore_sigpipe() -> None:
    """A server must outlive clients that hang up: with SIGPIPE's default action (which the
    `rusmon` console entry point sets so that `rusmon goals | head` ends quietly) a worker
    writing to a closed connection is killed; ignored, the write fails with EPIPE, which
    gunicorn handles."""
    if hasattr(_signal, "SIGPIPE"):
        _signal.signal(_signal.SIGPIPE, _signal.SIG_IGN)


def hide_server_banner() -> None:
    """gunicorn writes `Server: gunicorn` itself, before the app's headers; it reads the name
    from this module attribute when it builds each response."""
    _gunicorn_wsgi.SERVER = SERVER_BANNER


def on_starting(server) -> None:
    ignore_sigpipe()
    hide_server_banner()


def post_fork(server, worker) -> None:
    ignore_sigpipe()  # whatever the master inherited, a worker never dies of a hang-up
    hide_server_banner()
