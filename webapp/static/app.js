// Toolkit Kinerja: the few lines htmx does not do by itself.
(function () {
  "use strict";
  // A dialog swapped into #modal-root opens as a modal (keyboard: Esc closes, focus stays inside),
  // after the settle, when htmx has bound its fields: typing earlier would send no request.
  document.addEventListener("htmx:afterSettle", function (e) {
    if (e.detail.target.id !== "modal-root") return;
    var dialog = e.detail.target.querySelector("dialog");
    if (dialog && !dialog.open) {
      dialog.showModal();
      var first = dialog.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    }
  });
  document.addEventListener("close", function (e) {
    if (e.target.tagName === "DIALOG" && e.target.parentElement.id === "modal-root") {
      e.target.remove();
    }
  }, true);
  document.addEventListener("closeModal", function () {
    var dialog = document.querySelector("#modal-root dialog");
    if (dialog) dialog.close();
  });
  // Tables scroll sideways inside their own box on a narrow screen (ADR 0018): a box that
  // scrolls and holds nothing focusable takes keyboard focus, so arrow keys can scroll it.
  function scrollers() {
    document.querySelectorAll("table").forEach(function (table) {
      [table, table.parentElement].forEach(function (box) {
        if (!box || box.tagName === "TEMPLATE") return;
        var scrolls = box.scrollWidth > box.clientWidth + 1;
        if (scrolls && !box.querySelector("a[href], button, input, select, textarea")) {
          box.tabIndex = 0;
          box.dataset.scroller = "1";
        } else if (box.dataset.scroller) {
          box.removeAttribute("tabindex");
          delete box.dataset.scroller;
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", scrollers);
  document.addEventListener("htmx:afterSettle", scrollers);
  window.addEventListener("resize", scrollers);
  // A "Salin" button copies a text into the form field it names.
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-salin]");
    if (!button) return;
    var field = document.getElementById(button.dataset.salinTo);
    if (!field) return;
    e.preventDefault();
    field.value = button.dataset.salin;
    if (button.dataset.salinId) {
      var hidden = document.getElementById(button.dataset.salinIdTo);
      if (hidden) hidden.value = button.dataset.salinId;
    }
    field.focus();
  });
  // An indicator's target labels follow its aspek: "Target Waktu", "Satuan Waktu".
  document.addEventListener("change", function (e) {
    if (!e.target.matches("select[data-aspek]") || !e.target.form) return;
    ["Target", "Satuan"].forEach(function (word) {
      var label = e.target.form.querySelector('label[for="' + word.toLowerCase() + '"]');
      if (label) label.textContent = word + " " + e.target.value;
    });
  });
})();
