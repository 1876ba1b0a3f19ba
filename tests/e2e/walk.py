"""What every browser walk does the same way, with JavaScript or without."""

from playwright.sync_api import expect


class BaseWalk:
    """One user at one browser; `js` says which way dialogs, forms and deletes go."""

    exact_titles = False

    def __init__(self, page, js: bool):
        self.page = page
        self.js = js

    def dialog(self, title: str):
        """A modal <dialog> with JS; the same form as a page section without it."""
        return self._dialog(title)

    def _dialog(self, title: str):
        role = "dialog" if self.js else "region"
        return self.page.get_by_role(role, name=title, exact=self.exact_titles)

    def saved(self, title: str):
        """After a good Simpan the dialog closes in place (JS) or the page reloads (no JS)."""
        self.page.wait_for_load_state()
        errors = " | ".join(self.page.locator(".error").all_inner_texts())
        expect(self._dialog(title), f"{title} was refused: {errors}").to_have_count(0)

    def menu(self, label: str):
        """Follow a menu entry; on a phone the menu first opens behind its "Menu" button."""
        toggle = self.page.locator(".menu-toggle summary")
        if toggle.is_visible() and not self.page.locator(".menu-toggle[open]").count():
            toggle.click()
        nav = self.page.get_by_role("navigation", name="Menu utama")
        nav.get_by_role("link", name=label, exact=True).click()

    def logout(self):
        self.page.get_by_role("button", name="Keluar").click()
        expect(self.page.get_by_role("button", name="Masuk")).to_be_visible()

    def accepting(self, click) -> list[str]:
        """Run `click` accepting the browser's confirm (hx-confirm); the questions asked."""
        messages = []

        def accept(dialog):
            messages.append(dialog.message)
            dialog.accept()

        self.page.once("dialog", accept)
        click()
        return messages

    def confirmed(self, button: str, question: str):
        """An action that asks first (Ajukan, Setujui): accept the browser's confirm (JS) or
        the confirmation page (no JS); the question is the action's."""
        page = self.page
        if self.js:
            messages = self.accepting(page.get_by_role("button", name=button).click)
            expect(page.get_by_role("button", name=button)).to_have_count(0)
            assert messages and messages[0].startswith(question), messages
        else:
            page.get_by_role("button", name=button).click()
            expect(page.get_by_role("heading", name=f"Konfirmasi {button}")).to_be_visible()
            expect(page.get_by_text(question)).to_be_visible()
            page.get_by_role("button", name=button).click()

    def hapus(self, row):
        """Hapus on a row: accept the browser's confirm (JS) or the confirmation page (no JS)."""
        if self.js:
            messages = self.accepting(row.get_by_role("link", name="Hapus").click)
            expect(row).to_have_count(0)
            assert messages and messages[0].startswith("Hapus "), messages
        else:
            row.get_by_role("link", name="Hapus").click()
            expect(self.page.get_by_role("heading", name="Konfirmasi Hapus")).to_be_visible()
            self.page.get_by_role("button", name="Hapus").click()
            expect(self.page.get_by_role("heading", name="Konfirmasi Hapus")).to_have_count(0)
