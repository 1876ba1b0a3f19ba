// Toolkit Kinerja: the few lines htmx does not do by itself.
(function () {
  "use strict";
  // A dialog swapped into #modal-root opens as a modal (keyboard: Esc closes, focus stays inside).
  document.addEventListener("htmx:afterSwap", function (e) {
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
})();
