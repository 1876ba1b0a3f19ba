from collections.abc import Callable
from dataclasses import dataclass, field

# The owner acts last, so a state change it makes cannot hide another role's answer.
ROLES = ("anonymous", "other", "atasan", "operator", "admin", "owner")


def expect(default: int, anonymous: int = 302, **by_role: int) -> dict[str, int]:
    """Status per role: `default` for every logged-in role unless named."""
    statuses = {role: default for role in ROLES}
    statuses["anonymous"] = anonymous
    statuses.update(by_role)
    return statuses


@dataclass
class Rule:
    url: Callable  # world -> path
    get: dict[str, int] | None = None  # None: the route answers no GET
    post: dict[str, int] | None = None  # None: the route answers no POST
    data: Callable = field(default=lambda w: {})  # form data of the POST
