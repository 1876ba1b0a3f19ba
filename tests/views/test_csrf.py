"""Every state-changing route refuses a request without a CSRF token."""

import pytest

from tests.access_rules import RULES


def _post_routes(app):
    return sorted(r.endpoint for r in app.url_map.iter_rules() if "POST" in r.methods)


@pytest.fixture
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield
    app.config["WTF_CSRF_ENABLED"] = False


def test_every_post_route_refuses_a_missing_token(app, world, login, csrf_on):
    routes = _post_routes(app)
    assert "auth.logout" in routes
    refused = {}
    for endpoint in routes:
        entry = RULES[endpoint]
        # The role that may use the route, so only the token decides.
        allowed = [r for r, s in entry.post.items() if s not in (403, 404)]
        role = "owner" if "owner" in allowed else allowed[-1]
        app.config["WTF_CSRF_ENABLED"] = False
        actor = login(None if role == "anonymous" else getattr(world, role))
        app.config["WTF_CSRF_ENABLED"] = True
        response = actor.post(entry.url(world), data=entry.data(world))
        refused[endpoint] = response.status_code
        assert "Muat ulang halaman" in response.get_data(as_text=True)
    assert refused == {endpoint: 400 for endpoint in routes}


def test_htmx_csrf_failure_answers_a_fragment(app, world, login, csrf_on):
    app.config["WTF_CSRF_ENABLED"] = False
    actor = login(world.owner)
    app.config["WTF_CSRF_ENABLED"] = True
    response = actor.hx_post("/logout")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "<html" not in body and "Muat ulang halaman" in body
