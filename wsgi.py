"""WSGI entry point: `waitress-serve wsgi:app` (make run), or any WSGI server."""

from webapp import create_app

app = create_app()
