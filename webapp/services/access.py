"""Access rules declared beside the routes: roles, and ownership of records."""

from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import UnitKerja


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


# --- The operator's scope: the unit tree the admin gave them (Pegawai.unit_kelola_id) ---------


def unit_tree_ids(unit_id: int | None):
    """A subquery of the unit and all its sub-units (one recursive CTE, no query of its own)."""
    if unit_id is None:
        return select(UnitKerja.id).where(UnitKerja.id.is_(None))
    tree = select(UnitKerja.id).where(UnitKerja.id == unit_id).cte("unit_kelola", recursive=True)
    tree = tree.union_all(select(UnitKerja.id).where(UnitKerja.parent_id == tree.c.id))
    return select(tree.c.id)


def operator_unit_ids(user) -> set[int] | None:
    """The unit ids `user` manages: None means every unit (an admin); an operator gets the tree
    under the unit the admin set as their "Unit Kerja yang Dikelola" (empty when none is set)."""
    if user.is_admin:
        return None
    if not user.is_operator or user.unit_kelola_id is None:
        return set()
    return set(db.session.scalars(unit_tree_ids(user.unit_kelola_id)))


def in_scope(scope: set[int] | None, unit_id: int | None) -> bool:
    """True when a unit lies in a scope of `operator_unit_ids` (None: every unit)."""
    return scope is None or (unit_id is not None and unit_id in scope)


def manages_unit(user, unit_id: int | None) -> bool:
    """True when `user` is an admin, or an operator whose managed unit tree holds the unit."""
    return in_scope(operator_unit_ids(user), unit_id)


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
