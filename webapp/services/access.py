"""Access rules declared beside the routes: roles, and ownership of records."""

from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from webapp.extensions import db


def roles_required(*roles: str):
    """Allow the view to pegawai holding one of the roles: "jpt", "jajf", "operator", "admin"."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not any(has_role(current_user, r) for r in roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def has_role(user, role: str) -> bool:
    return {
        "jpt": user.jenis_jabatan == "JPT",
        "jajf": user.jenis_jabatan in ("JA", "JF"),
        "operator": bool(user.is_operator),
        "admin": bool(user.is_admin),
    }[role]


def owned_or_404(model, record_id: int, owner_attr: str = "pegawai_id"):
    """The record when the current user owns it; 404 otherwise (ids are not to be guessed)."""
    record = db.session.get(model, record_id)
    if record is None or getattr(record, owner_attr) != current_user.id:
        abort(404)
    return record


def require_role(role: str):
    """A before_request check for a blueprint owned by one role: login first, then 403."""

    def check():
        from webapp.extensions import login_manager

        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not has_role(current_user, role):
            abort(403)
        return None

    return check
