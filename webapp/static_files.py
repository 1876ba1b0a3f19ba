"""Static files without per-request work (issue 9, docs/decisions/0021-serving.md).

Each file under webapp/static is copied once into instance/static/ beside a brotli (quality 11)
and a gzip (level 9) copy; WhiteNoise serves the smallest copy the browser accepts, straight from
the WSGI layer: Flask never sees the request, so no per-request compression, no session and no
`Vary: Cookie`. URLs keep their content version (`?v=<hash>`, web.static_url), so the year-long
cache is safe. A file is written again only when its source changed; writes are atomic (a temporary
file renamed), so several processes starting at once do not see half a file.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

import brotli
from flask import Flask
from whitenoise import WhiteNoise

from webapp.headers import HEADERS

MAX_AGE = 31536000  # a year: every URL carries its content hash
# Compressed copies smaller than this share of the original are kept (WhiteNoise's rule of thumb).
WORTH_IT = 0.95
TEXT = {".js", ".css", ".svg", ".html", ".txt", ".json", ".map", ".xml"}


def _write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    os.fchmod(fd, 0o644)  # readable by a web server (nginx) serving the folder directly
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def compressed(data: bytes) -> dict[str, bytes]:
    """The .br and .gz copies of `data` worth keeping (best levels, gzip without a timestamp)."""
    out = {
        ".br": brotli.compress(data, quality=11),
        ".gz": gzip.compress(data, compresslevel=9, mtime=0),
    }
    return {ext: body for ext, body in out.items() if len(body) <= WORTH_IT * len(data)}


def build(source: Path, target: Path) -> list[Path]:
    """Mirror `source` into `target` with compressed copies; returns the files (re)written."""
    written = []
    for src in sorted(p for p in source.rglob("*") if p.is_file()):
        dest = target / src.relative_to(source)
        data = src.read_bytes()
        if dest.is_file() and dest.read_bytes() == data:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        copies = compressed(data) if src.suffix in TEXT else {}
        for ext in (".br", ".gz"):
            alt = dest.with_name(dest.name + ext)
            if ext in copies:
                _write(alt, copies[ext])
                written.append(alt)
            elif alt.exists():
                alt.unlink()
        _write(dest, data)  # last: an unchanged copy means its .br/.gz are current too
        written.append(dest)
    return written


def _headers(headers, path, url) -> None:
    for name, value in HEADERS.items():
        headers[name] = value


def init_app(app: Flask) -> None:
    target = Path(app.instance_path) / "static"
    build(Path(app.static_folder), target)
    app.wsgi_app = WhiteNoise(
        app.wsgi_app,
        root=str(target),
        prefix=app.static_url_path.strip("/") + "/",
        max_age=MAX_AGE,
        allow_all_origins=False,
        add_headers_function=_headers,
    )
