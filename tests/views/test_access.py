"""Every route of the URL map answers each kind of user as the access table says."""

import pytest

from tests.access_rules import ROLES, RULES


def test_every_route_has_an_access_rule(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    missing = sorted(endpoints - set(RULES))
    assert not missing, f"routes without an entry in tests/access_rules: {missing}"
    stale = sorted(set(RULES) - endpoints)
    assert not stale, f"access rules for routes that no longer exist: {stale}"


def test_every_method_of_every_route_is_covered(app):
    for rule in app.url_map.iter_rules():
        entry = RULES[rule.endpoint]
        if "GET" in rule.methods:
            assert entry.get is not None, f"{rule.endpoint}: GET has no expectation"
        else:
            assert entry.get is None, f"{rule.endpoint}: has no GET"
        if "POST" in rule.methods:
            assert entry.post is not None, f"{rule.endpoint}: POST has no expectation"
        else:
            assert entry.post is None, f"{rule.endpoint}: has no POST"


@pytest.mark.parametrize("endpoint", sorted(RULES))
def test_route_answers_each_role_as_intended(endpoint, world, login):
    entry = RULES[endpoint]
    answers, wanted = {}, {}
    for method, statuses in (("GET", entry.get), ("POST", entry.post)):
        if statuses is None:
            continue
        for role in ROLES:
            actor = login(None if role == "anonymous" else getattr(world, role))
            url = entry.url(world)
            if method == "GET":
                response = actor.get(url)
            else:
                response = actor.post(url, data=entry.data(world))
            answers[(method, role)] = response.status_code
            wanted[(method, role)] = statuses[role]
            if role == "anonymous" and statuses[role] == 302:
                assert "/login" in response.headers["Location"]
    assert answers == wanted
