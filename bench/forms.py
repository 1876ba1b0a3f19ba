"""Just enough HTML form reading for the bench: the fields of a dialog's form, by label."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._label_for: str | None = None
        self._label_text: list[str] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action"), "fields": {}, "ids": {}, "labels": {}}
            self.forms.append(self._form)
            return
        f = self._form
        if f is None:
            return
        if tag == "label":
            self._label_for, self._label_text = a.get("for"), []
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("submit", "button", "reset", "file"):
                return
            if kind in ("radio", "checkbox") and "checked" not in a:
                f["fields"].setdefault(a["name"], None)
                return
            f["fields"][a["name"]] = a.get("value", "")
            f["ids"][a.get("id")] = a["name"]
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            f["fields"].setdefault(a["name"], None)
            f["ids"][a.get("id")] = a["name"]
        elif tag == "option" and self._select:
            if f["fields"].get(self._select) is None or "selected" in a:
                f["fields"][self._select] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            f["fields"][a["name"]] = ""
            f["ids"][a.get("id")] = a["name"]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "label" and self._form is not None and self._label_for:
            text = re.sub(r"\s+", " ", "".join(self._label_text)).strip().rstrip("*").strip()
            self._form["labels"][text] = self._label_for
            self._label_for = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._label_for is not None:
            self._label_text.append(data)
        if self._textarea and self._form is not None:
            self._form["fields"][self._textarea] += data


def read_form(html: str) -> dict:
    """The last form of `html` (a dialog's form follows the page's own): action and fields."""
    parser = _FormParser()
    parser.feed(html)
    forms = [f for f in parser.forms if f["fields"]]
    if not forms:
        raise ValueError("no form with fields in the answer")
    return forms[-1]


def filled(form: dict, values: dict[str, str]) -> dict[str, str]:
    """The form's fields with `values` (by label) typed in; unchecked radios left out."""
    data = {k: v for k, v in form["fields"].items() if v is not None}
    for label, value in values.items():
        target = form["labels"].get(label)
        if target is None or target not in form["ids"]:
            raise KeyError(f"no field labelled {label!r} (labels: {sorted(form['labels'])})")
        data[form["ids"][target]] = value
    return data


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    if not match:
        raise ValueError("no CSRF token in the page")
    return match.group(1)
