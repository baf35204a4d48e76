// sphinxcontrib-enhspec: optional sorting and filtering of traceability matrices.
// The pages work without it; it only adds a filter box and sortable headers.
(function () {
  "use strict";
  function text(cell) { return (cell.textContent || "").trim(); }
  function compare(a, b) {
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }
  function enhance(table) {
    var body = table.tBodies[0];
    var head = table.tHead;
    if (!body || !head) { return; }
    var box = document.createElement("div");
    box.className = "enhspec-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter requirements";
    input.setAttribute("aria-label", "Filter requirements");
    box.appendChild(input);
    table.parentNode.insertBefore(box, table);
    input.addEventListener("input", function () {
      var needle = input.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        var hit = row.textContent.toLowerCase().indexOf(needle) !== -1;
        row.classList.toggle("enhspec-hidden", !hit);
      });
    });
    Array.prototype.forEach.call(head.rows[0].cells, function (th, column) {
      th.classList.add("enhspec-sortable");
      th.setAttribute("aria-sort", "none");
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.rows[0].cells, function (other) {
          other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var order = compare(text(r1.cells[column]), text(r2.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.enhspec-matrix"), enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
