"""The one table of a bench run (Markdown), with the budgets of issue 9 checked."""

from __future__ import annotations

SKP_SCREEN = "Rencana SKP JA/JF (Target SKP)"
DBS = ("sqlite", "postgresql")


def _n(x, digits: int = 0) -> str:
    if x is None or x != x:  # None or NaN
        return "—"
    return f"{x:,.{digits}f}"


def _verdict(values: list, ok) -> str:
    if not values or any(v is None for v in values):
        return "not measured"
    return "yes" if all(ok(v) for v in values) else "**NO**"


def _think(r: dict) -> str:
    low, high = r.get("think", (5, 15))
    return f"{low:g}–{high:g}"


def table(r: dict) -> str:
    dbs = [d for d in DBS if d in r]
    m = r["machine"]
    head = [
        f"# Bench {r['mode']} — {r['started'][:16].replace('T', ' ')} UTC",
        "",
        f"Machine: {m['host']}, {m['cpu']}, {m['system']}, Python {m['python']}. "
        f"Load average before {', '.join(f'{x:.2f}' for x in m['load_average'])}, after "
        f"{', '.join(f'{x:.2f}' for x in r['machine_after']['load_average'])}. "
        f"Busiest processes at the start: {'; '.join(m['busiest_processes'])}.",
        "",
    ]
    for d in dbs:
        head.append(
            f"Server ({d}): `{r[d]['server']}`; closed-loop load tool: {r[d]['load_tool']}."
        )
    head += [f"Run time: {r['seconds']} s.", ""]
    rows: list[tuple[str, str, list[str], str, str]] = []

    def row(section, measure, cells, budget="", met=""):
        rows.append((section, measure, cells, budget, met))

    # Chromium: cold visit, inline actions.
    if all("browser" in r[d] for d in dbs):
        names = [s["screen"] for s in r[dbs[0]]["browser"]["screens"]]
        for name in names:
            got = [next(s for s in r[d]["browser"]["screens"] if s["screen"] == name) for d in dbs]
            budget = met = ""
            if name == SKP_SCREEN:
                budget = "≤ 30 KB, ≤ 5 requests"
                met = _verdict(got, lambda s: s["bytes"] <= 30 * 1024 and s["requests"] <= 5)
            row(
                "Cold first visit (Chromium, 20 indicators)",
                name,
                [f"{_n(s['bytes'])} B, {s['requests']} req" for s in got],
                budget,
                met,
            )
        for i, a in enumerate(r[dbs[0]]["browser"]["actions"]):
            got = [r[d]["browser"]["actions"][i] for d in dbs]
            row(
                "Inline action (Chromium)",
                f"{a['action']}: dialog ↓ / Simpan ↑ / Simpan ↓ (requests after Simpan)",
                [
                    f"{_n(g['dialog_bytes'])} / {_n(g['up_bytes'])} / {_n(g['down_bytes'])} B "
                    f"({g['requests']})"
                    for g in got
                ],
            )
        for i, s in enumerate(r[dbs[0]]["browser"]["slow"]):
            got = [r[d]["browser"]["slow"][i]["s"] for d in dbs]
            row("400 kbit/s, 400 ms link", s["what"], [f"{g:.2f} s" for g in got])
    # In-process: statements, CPU, server time.
    screens = {}
    for d in dbs:
        for s in r[d]["screens"]:
            screens.setdefault((s["screen"], s["indikator"]), {})[d] = s
    order = list(dict.fromkeys(k[0] for k in screens))
    for name in order:
        sizes = [k[1] for k in screens if k[0] == name]
        label = " / ".join(sizes) if sizes != ["—"] else "one size"
        cells = []
        for d in dbs:
            st = [screens[(name, z)][d]["statements"] for z in sizes]
            rt = [screens[(name, z)][d]["round_trips"] for z in sizes]
            text = " / ".join(str(x) for x in st)
            if d == "postgresql":
                text += f" (round trips {' / '.join(str(x) for x in rt)})"
            cells.append(text)
        equal = all(len({screens[(name, z)][d]["statements"] for z in sizes}) == 1 for d in dbs)
        row(
            "SQL statements per request",
            f"{name} at {label} indicators" if sizes != ["—"] else name,
            cells,
            "equal at 5 and 50" if sizes != ["—"] else "",
            ("yes" if equal else "**NO**") if sizes != ["—"] else "",
        )
    for (name, size), by_db in screens.items():
        got = [by_db[d] for d in dbs]
        budget = met = ""
        if name == SKP_SCREEN and size == "20":
            budget = "CPU ≤ 5 ms"
            met = _verdict([g["cpu_ms"] for g in got], lambda c: c <= 5)
        row(
            "Server CPU; median / p95 server time",
            f"{name}" + (f" ({size} indicators)" if size != "—" else ""),
            [f"{g['cpu_ms']:.1f} ms CPU; {g['median_ms']:.1f} / {g['p95_ms']:.1f} ms" for g in got],
            budget,
            met,
        )
    for i, a in enumerate(r[dbs[0]]["actions"]):
        got = [r[d]["actions"][i] for d in dbs]
        row(
            "Inline action (request level, gzip)",
            f"{a['action']}: dialog ↓ / Simpan ↑ / Simpan ↓; statements",
            [
                f"{g['dialog_bytes']} / {g['up_bytes']} / {g['down_bytes']} B; {g['statements']}"
                for g in got
            ],
        )
    # Closed-loop load.
    for i, level in enumerate(r[dbs[0]]["load"]):
        got = [r[d]["load"][i] for d in dbs]
        c = level["connections"]
        budget = met = ""
        if c == 200:
            budget = "≥ 250 req/s"
            met = _verdict([g["rps"] for g in got], lambda x: x >= 250)
        row(
            "Closed loop, SKP page (20 indicators)",
            f"{c} connections: req/s, p50 / p95, errors",
            [
                f"{_n(g['rps'])} req/s, {_n(g['p50_ms'])} / {_n(g['p95_ms'])} ms, {g['errors']} err"
                for g in got
            ],
            budget,
            met,
        )
    # Locust.
    levels = [x["users"] for x in r[dbs[0]]["deadline"]]
    for i, users in enumerate(levels):
        got = [r[d]["deadline"][i] for d in dbs]
        budget = met = ""
        if users == 500:
            budget = "p95 ≤ 300 ms, 0 errors"
            met = _verdict(got, lambda g: g["p95_ms"] <= 300 and g["errors"] == 0)
        row(
            f"Deadline day (Locust, think {_think(r)} s)",
            f"{users} users: req/s, p50 / p95 / p99, errors",
            [
                f"{g['rps']:.1f} req/s, {_n(g['p50_ms'])} / {_n(g['p95_ms'])} / "
                f"{_n(g['p99_ms'])} ms, {g['errors']} err"
                for g in got
            ],
            budget,
            met,
        )
    if 500 not in levels:
        row(
            "Deadline day (Locust, think 5–15 s)",
            "500 users",
            ["not run in this mode" for _ in dbs],
            "p95 ≤ 300 ms, 0 errors",
            "not measured",
        )
    titles = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    lines = [
        "| Section | Measure | " + " | ".join(titles[d] for d in dbs) + " | Budget | Met |",
        "|---|---|" + "---|" * len(dbs) + "---|---|",
    ]
    for section, measure, cells, budget, met in rows:
        lines.append(f"| {section} | {measure} | " + " | ".join(cells) + f" | {budget} | {met} |")
    return "\n".join(head + lines) + "\n"
