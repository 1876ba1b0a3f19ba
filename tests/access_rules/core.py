from tests.access_rules.base import Rule, expect

RULES = {
    "static": Rule(lambda w: "/static/app.css", get=expect(200, anonymous=200)),
    "auth.login": Rule(
        lambda w: "/login",
        get=expect(302, anonymous=200),  # a logged-in user goes to the dashboard
        post=expect(302, anonymous=422),
    ),
    "auth.logout": Rule(lambda w: "/logout", post=expect(302)),
    # Every pegawai changes only their own password (no id in the URL); an empty POST is
    # refused by the fields.
    "auth.ubah_password": Rule(lambda w: "/ubah-password", get=expect(200), post=expect(422)),
    "dashboard.index": Rule(lambda w: "/", get=expect(200)),
}
