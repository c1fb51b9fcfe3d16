// Provenance: clicking (or focusing) a field with data-span="start-end" highlights the source text
// it was read from in the document panel (#source-doc), and scrolls it into view.
(function () {
  var doc = document.getElementById("source-doc");
  if (!doc) return;
  var text = doc.textContent;
  var current = null;

  function show(el) {
    var m = /^(\d+)-(\d+)$/.exec(el.getAttribute("data-span") || "");
    if (!m) return;
    var start = +m[1], end = +m[2];
    if (end <= start || end > text.length) return;
    if (current) current.classList.remove("span-active");
    current = el;
    el.classList.add("span-active");
    doc.textContent = "";
    var mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    doc.append(text.slice(0, start), mark, text.slice(end));
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("button, a, input, select, textarea, form")) return;
    var el = event.target.closest("[data-span]");
    if (el) show(el);
  });
  document.addEventListener("focusin", function (event) {
    var el = event.target.closest("[data-span]");
    if (el && el === event.target) show(el);
  });
})();
