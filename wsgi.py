"""WSGI entry point: `gunicorn wsgi:app` (make run), `waitress-serve wsgi:app` on Windows."""

from webapp import create_app

app = create_app()
