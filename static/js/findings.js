// Findings panel: following a finding's link jumps to its task card (plain anchor), highlights the
// source text it points at (spans.js listens for focus on elements with data-span) and flashes the
// card so the eye finds it. No inline scripts: the CSP forbids them.
(function () {
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.finding-link");
    if (!link) return;
    if (link.hasAttribute("data-span")) {
      link.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    }
    var id = link.getAttribute("data-target");
    var card = id && document.getElementById(id);
    if (!card) return;
    card.classList.add("finding-target");
    window.setTimeout(function () { card.classList.remove("finding-target"); }, 2500);
  });
})();
