// Provenance: clicking (or focusing) a field with data-span="start-end" highlights the source text
// it was read from in the document panel (#source-doc), and scrolls it into view.
(function () {
  var doc = document.getElementById("source-doc");
  if (!doc) return;
  var text = doc.textContent;
  var current = null;

  // The document is readable HTML whose text content is the stored text (core.plandoc.readable):
  // marks wrap the text nodes a span covers, leaving headings and lists in place.
  function clear() {
    doc.querySelectorAll("mark.span-mark").forEach(function (m) {
      m.replaceWith(document.createTextNode(m.textContent));
    });
    doc.normalize();
  }

  function highlight(start, end) {
    var walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
    var pos = 0, pieces = [], node;
    while ((node = walker.nextNode())) {
      var len = node.data.length, from = Math.max(start, pos), to = Math.min(end, pos + len);
      if (from < to) pieces.push([node, from - pos, to - pos]);
      pos += len;
      if (pos >= end) break;
    }
    var first = null;
    pieces.forEach(function (p) {
      var middle = p[0].splitText(p[1]);
      middle.splitText(p[2] - p[1]);
      var mark = document.createElement("mark");
      mark.className = "span-mark";
      middle.replaceWith(mark);
      mark.append(middle);
      first = first || mark;
    });
    return first;
  }

  function show(el) {
    var m = /^(\d+)-(\d+)$/.exec(el.getAttribute("data-span") || "");
    if (!m) return;
    var start = +m[1], end = +m[2];
    if (end <= start || end > text.length) return;
    if (current) current.classList.remove("span-active");
    current = el;
    el.classList.add("span-active");
    clear();
    var mark = highlight(start, end);
    if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
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
