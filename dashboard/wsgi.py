"""WSGI entry point for gunicorn:
`gunicorn -c python:dashboard.server_config --bind HOST:PORT dashboard.wsgi:server`."""

from dashboard import server_config
from dashboard.app import create_app

# also without -c (the app is then loaded in each worker)
server_config.ignore_sigpipe()
server_config.hide_server_banner()
server = create_app().server
