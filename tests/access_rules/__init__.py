"""The access table: every route of the URL map, and what each kind of user gets.

Each module here holds RULES = {endpoint: Rule(...)} for one area; test_access merges them and
fails on any route that has no entry. Roles: anonymous, owner (owns the `world` records),
other (another pegawai), atasan (the owner's Atasan Langsung), operator, admin.
"""

import importlib
import pkgutil

from tests.access_rules.base import ROLES, Rule, expect

__all__ = ["ROLES", "RULES", "Rule", "expect"]

RULES: dict[str, Rule] = {}
for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        _rules = importlib.import_module(f"{__name__}.{_module.name}").RULES
        assert not set(_rules) & set(RULES), f"duplicate access rules in {_module.name}"
        RULES.update(_rules)
