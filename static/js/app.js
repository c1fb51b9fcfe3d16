// Small behaviours; no inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("click", function (event) {
  var toggle = event.target.closest("[data-toggle]");
  if (!toggle) return;
  var target = document.getElementById(toggle.getAttribute("data-toggle"));
  if (!target) return;
  var open = target.classList.toggle("open");
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
});

// Forms with data-confirm ask before submitting (no inline onclick: the CSP forbids it).
document.addEventListener("submit", function (event) {
  var form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
});

// A "select all" box ticks or clears every box named by its data-check-all attribute in its form.
document.addEventListener("change", function (event) {
  var all = event.target.closest("input[data-check-all]");
  if (!all || !all.form) return;
  var boxes = all.form.querySelectorAll('input[type=checkbox][name="' + all.getAttribute("data-check-all") + '"]');
  boxes.forEach(function (box) { box.checked = all.checked; });
});
