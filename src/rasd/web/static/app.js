// rasd dashboard: a little progressive enhancement; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // show or hide the annotation colours in the document reader
  const toggle = document.getElementById("toggle-marks");
  const body = document.getElementById("body");
  if (toggle && body) {
    toggle.addEventListener("change", () => body.classList.toggle("hide-marks", !toggle.checked));
  }
  // the evidence sentence a link points to (#s-START) is highlighted as a whole, across its pieces
  const showTarget = () => {
    for (const old of document.querySelectorAll(".evidence.current")) old.classList.remove("current");
    const m = /^#s-(\d+)$/.exec(location.hash);
    if (!m) return;
    for (const piece of document.querySelectorAll(`.evidence[data-s="${m[1]}"]`)) piece.classList.add("current");
  };
  window.addEventListener("hashchange", showTarget);
  showTarget();
  // filter a table's rows by the text typed (arms register)
  for (const input of document.querySelectorAll("input.table-filter")) {
    const table = document.getElementById(input.dataset.table);
    if (!table) continue;
    input.addEventListener("input", () => {
      const wanted = input.value.trim();
      for (const row of table.tBodies[0].rows) {
        row.hidden = wanted !== "" && !row.textContent.includes(wanted);
      }
    });
  }
});
