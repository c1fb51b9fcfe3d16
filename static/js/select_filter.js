// Filter a long <select> (the agencies an unknown printed name may be mapped to) as the official
// types: options whose name does not contain the typed words are hidden, accents ignored.
// Without JavaScript the box stays hidden and the plain, grouped list still works.
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  }
  function apply(input) {
    var select = document.getElementById(input.dataset.filterFor);
    if (!select) return;
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var first = null;
    select.querySelectorAll("option").forEach(function (option) {
      if (!option.value) return;
      var name = fold(option.textContent);
      var keep = words.every(function (w) { return name.indexOf(w) >= 0; });
      option.hidden = !keep;
      option.disabled = !keep;
      if (keep && !first) first = option;
    });
    select.querySelectorAll("optgroup").forEach(function (group) {
      group.hidden = !group.querySelector("option:not([hidden])");
    });
    var current = select.selectedOptions[0];
    if (words.length && first && (!current || !current.value || current.hidden)) select.value = first.value;
  }
  function init(root) {
    root.querySelectorAll("input.select-filter").forEach(function (input) {
      if (input.dataset.ready) return;
      input.dataset.ready = "1";
      input.hidden = false;
      input.addEventListener("input", function () { apply(input); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (event) { init(event.target); });
})();
