"""Security headers on every response (issue 6 §6; docs/decisions/0008-security-headers.md)."""

from flask import Flask, Response, request

# No inline script, no eval (htmx runs with allowEval false), no inline style: everything the
# pages use is a file under /static. The favicon is a `data:` URL (img-src data:).
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def init_app(app: Flask) -> None:
    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.endpoint != "static":
            # Pages and fragments hold appraisal data and office PCs are shared: nothing the
            # app renders is kept by the browser or a proxy (Back shows a fresh copy). Static
            # files keep their year-long cache: their URLs carry the content hash.
            response.headers["Cache-Control"] = "no-store"
        return response
