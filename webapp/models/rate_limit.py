"""Counters of the login limits, shared by every server process (issue 9, ADR 0021)."""

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


class RateLimit(db.Model):
    """One counter of Flask-Limiter's storage (webapp/services/login_throttle.py): the
    per-address login limit and the per-NIP slow-down (ADR 0011). A row past `expires_at`
    counts as absent and is deleted by the next write."""

    __tablename__ = "rate_limit"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float, index=True)  # seconds since the epoch
