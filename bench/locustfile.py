"""Deadline day (issue 9): virtual pegawai log in, open their SKP, add and edit indicators;
virtual leaders open SKP Bawahan and approve the submitted SKP. Think time 5–15 s.

Run by bench/deadline.py: `locust -f bench/locustfile.py --headless …` with BENCH_WORLD naming
the JSON of bench.data.World. New screens (issue 10: realisasi, evaluation) are new @task
methods here; the bench's other tables are in bench/screens.py.
"""

from __future__ import annotations

import itertools
import json
import os
import re

import gevent
from locust import HttpUser, between, events, task

WORLD = json.loads(open(os.environ["BENCH_WORLD"]).read())  # noqa: SIM115
PASSWORD = WORLD["password"]
_staff = itertools.cycle(WORLD["staff"])
_leaders = itertools.cycle(WORLD["leaders"])
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
VERSION = re.compile(r'name="version"[^>]*value="([^"]*)"')
HX = {"HX-Request": "true"}
# Seconds after the last user is in before the figures restart: the ramp's logins (a password
# hash each, deliberately slow) still queue at the server for a while after the spawning ends.
SETTLE = float(os.environ.get("BENCH_SETTLE", "0"))
THINK = tuple(float(x) for x in os.environ.get("BENCH_THINK", "5,15").split(","))


@events.spawning_complete.add_listener
def _measure_after_settling(user_count, **_):
    from locust.runners import Runner

    runner: Runner | None = getattr(_measure_after_settling, "runner", None)
    if runner is not None:
        gevent.spawn_later(SETTLE, runner.stats.reset_all)


@events.init.add_listener
def _remember_runner(environment, **_):
    _measure_after_settling.runner = environment.runner


def _csrf(html: str) -> str:
    m = CSRF.search(html)
    return m.group(1) if m else ""


class _Pegawai(HttpUser):
    abstract = True
    wait_time = between(*THINK)
    nip = ""

    def on_start(self):
        page = self.client.get("/login", name="/login")
        self.call(
            "POST",
            "/login",
            "/login (Masuk)",
            expect=302,
            data={"csrf_token": _csrf(page.text), "nip": self.nip, "password": PASSWORD},
        )
        self.csrf = _csrf(self.call("GET", "/", "Dashboard").text)

    def call(self, method: str, url: str, name: str, expect: int = 200, **kwargs):
        """One request; any other status than `expect` (a redirect to the login page, a 422 of
        a refused form, a 409) is an error of the run."""
        with self.client.request(
            method, url, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as r:
            if r.status_code == expect:
                r.success()
            else:
                r.failure(f"{r.status_code} instead of {expect}")
            return r


class Staff(_Pegawai):
    weight = 9

    def on_start(self):
        self.nip = next(_staff)
        self.skp = WORLD["skp_of"][self.nip]
        self.rencana = WORLD["rencana_of"][self.nip]
        self.indikator = WORLD["indikator_of"][self.nip]
        self.n = 0
        super().on_start()

    @task(2)
    def open_skp(self):
        self.call("GET", "/skp-jajf/", "Rencana SKP JA/JF (daftar)")
        self.call("GET", f"/skp-jajf/{self.skp}", "Rencana SKP JA/JF (Target SKP)")

    @task(1)
    def tambah_indikator(self):
        url = f"/skp-jajf/rencana/{self.rencana}/indikator/tambah"
        dialog = self.call("GET", url, "Tambah Indikator (dialog)", headers=HX)
        self.n += 1
        self.call(
            "POST",
            url,
            "Tambah Indikator (Simpan)",
            headers=HX,
            data={
                "csrf_token": _csrf(dialog.text) or self.csrf,
                "teks": f"Indikator hari tenggat {self.n}",
                "aspek": "Kuantitas",
                "jenis_target": "satuan",
                "target": "5",
                "satuan": "Dokumen",
                "version": "",
            },
        )

    @task(2)
    def edit_indikator(self):
        url = f"/skp-jajf/indikator/{self.indikator}/edit"
        dialog = self.call("GET", url, "Edit Indikator (dialog)", headers=HX)
        version = VERSION.search(dialog.text)
        self.n += 1
        self.call(
            "POST",
            url,
            "Edit Indikator (Simpan)",
            headers=HX,
            data={
                "csrf_token": _csrf(dialog.text) or self.csrf,
                "teks": f"Dokumen kebijakan versi {self.n}",
                "aspek": "Kuantitas",
                "jenis_target": "satuan",
                "target": str(3 + self.n % 5),
                "satuan": "Dokumen",
                "version": version.group(1) if version else "",
            },
        )


class Leader(_Pegawai):
    weight = 1

    def on_start(self):
        self.nip = next(_leaders)
        self.queue = list(WORLD["diajukan_of"].get(self.nip, []))
        super().on_start()

    @task
    def approve(self):
        self.call("GET", "/skp-bawahan/", "SKP Bawahan (daftar)")
        if not self.queue:
            return
        skp = self.queue.pop()
        self.call("GET", f"/skp-bawahan/{skp}", "SKP Bawahan (target)")
        self.call(
            "POST",
            f"/skp-bawahan/{skp}/setujui",
            "Setujui",
            headers={**HX, "X-CSRFToken": self.csrf},
            data={"csrf_token": self.csrf},
        )
