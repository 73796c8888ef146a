// The page's one stylesheet and one script, inline: a report is a single file. The policy
// of the page allows exactly these two, by their hash (page.cpp).
#pragma once

#include <string_view>

namespace aijri::html::assets {

// Okabe–Ito's colours for the zones (bluish green, orange, vermillion), told apart by
// readers with any common colour-vision deficiency; a zone is always named beside its
// colour. A dark scheme for readers who ask for one, and a print sheet: every row, no
// controls, black on white.
inline constexpr std::string_view k_style = R"css(
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--accent:#0069a8;
--green:#009e73;--yellow:#e69f00;--red:#d55e00;--s1:#d55e00;--s2:#e69f00;--s3:#c9c9c9;--s4:#56b4e9;--s5:#0072b2}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;
--panel:#151b23;--accent:#5cb8ff;--green:#2bbf95;--yellow:#f0b23a;--red:#ff7d3b;--s3:#6e7681}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1120px;padding:24px;background:var(--bg);color:var(--fg);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid var(--line)}
h3{font-size:1.05em;margin:1.2em 0 .3em}
.meta,.note{color:var(--muted)}
.verdict{font-size:1.3em;margin:.2em 0 .6em}
.zone{display:inline-block;padding:0 .45em;border-radius:4px;color:#000;font-weight:600}
.zone.green{background:var(--green)}.zone.yellow{background:var(--yellow)}.zone.red{background:var(--red)}
.zone.invalid{background:var(--panel);color:var(--fg);border:1px solid var(--line)}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px;background:var(--panel)}
.card b{display:block;font-size:1.6em}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:var(--panel)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th button{all:inherit;cursor:pointer;padding:0}th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
.figures{font-variant-numeric:tabular-nums}
ul.errors{margin:.2em 0;padding-left:1.2em}
[hidden]{display:none!important}
.controls{display:flex;gap:8px;align-items:center;margin:.6em 0}
.controls input{flex:1;max-width:360px}
.pager{display:flex;gap:8px;align-items:center;margin:.4em 0}
figure{margin:.8em 0}figcaption{color:var(--muted);font-size:.9em}
svg.chart{display:block;width:100%;max-width:760px;height:auto}
svg.chart text{fill:var(--fg);font-size:12px}
svg.chart .axis{stroke:var(--muted);stroke-width:1}svg.chart .grid{stroke:var(--line);stroke-width:1}
svg.chart .ref{stroke:var(--fg);stroke-width:1;stroke-dasharray:4 3}
svg.chart .join{stroke:var(--muted);stroke-dasharray:2 2}
svg.chart .region{opacity:.18}svg.chart .marker{stroke:var(--fg);stroke-width:1}
svg.chart .muted{fill:var(--muted)}
svg.chart .line{fill:none;stroke-width:2}
.green,.zone-green{fill:var(--green);stroke:var(--green)}.yellow,.zone-yellow{fill:var(--yellow);stroke:var(--yellow)}
.red,.zone-red{fill:var(--red);stroke:var(--red)}
svg.chart .up{fill:var(--s5)}svg.chart .down{fill:var(--s1)}svg.chart .total{fill:var(--muted)}
svg.chart .s1{fill:var(--s1)}svg.chart .s2{fill:var(--s2)}svg.chart .s3{fill:var(--s3)}
svg.chart .s4{fill:var(--s4)}svg.chart .s5{fill:var(--s5)}
svg.chart .cell{stroke:none}
section.role{content-visibility:auto;contain-intrinsic-size:auto 480px}
@media print{body{max-width:none;padding:0;background:#fff;color:#000}
.controls,.pager{display:none!important}tr[hidden]{display:table-row!important}
section.role{break-inside:avoid-page;content-visibility:visible}a{color:inherit;text-decoration:none}}
)css";

// Sorting, filtering and paging of the tables marked for it. Everything it touches is
// readable without it: with JavaScript off every row shows, and the controls (hidden in the
// markup) stay hidden.
inline constexpr std::string_view k_script = R"js(
(function () {
  'use strict';
  function bodyRows(table) { return Array.prototype.slice.call(table.tBodies[0].rows); }
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) { return numeric ? -Infinity : ''; }
    var v = cell.getAttribute('data-v');
    if (numeric) { var n = parseFloat(v === null ? cell.textContent : v); return isNaN(n) ? -Infinity : n; }
    return (v === null ? cell.textContent : v).toLowerCase();
  }
  function show(table) {
    var size = parseInt(table.getAttribute('data-page-size') || '0', 10);
    var rows = bodyRows(table).filter(function (r) { return !r.hasAttribute('data-out'); });
    var pages = size > 0 ? Math.max(1, Math.ceil(rows.length / size)) : 1;
    var page = Math.min(parseInt(table.getAttribute('data-page') || '0', 10), pages - 1);
    table.setAttribute('data-page', String(page));
    bodyRows(table).forEach(function (r) { r.hidden = true; });
    rows.forEach(function (r, i) { r.hidden = size > 0 && Math.floor(i / size) !== page; });
    var pager = document.querySelector('.pager[data-for="' + table.id + '"]');
    if (pager) {
      pager.hidden = size <= 0 || rows.length <= size;
      var first = rows.length === 0 ? 0 : page * size + 1;
      pager.querySelector('output').textContent =
        'Rows ' + first + '–' + Math.min(rows.length, (page + 1) * size) + ' of ' + rows.length;
      pager.querySelector('[data-step="-1"]').disabled = page === 0;
      pager.querySelector('[data-step="1"]').disabled = page >= pages - 1;
    }
  }
  function sortBy(table, th) {
    var index = th.cellIndex;
    var numeric = th.classList.contains('num');
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var rows = bodyRows(table);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    var body = table.tBodies[0];
    rows.forEach(function (r) { body.appendChild(r); });
    table.setAttribute('data-page', '0');
    show(table);
  }
  function filter(table, controls) {
    var text = controls.querySelector('input').value.trim().toLowerCase();
    var zone = controls.querySelector('select').value;
    bodyRows(table).forEach(function (r) {
      var keep = (zone === '' || r.getAttribute('data-zone') === zone) &&
                 (text === '' || r.textContent.toLowerCase().indexOf(text) !== -1);
      if (keep) { r.removeAttribute('data-out'); } else { r.setAttribute('data-out', ''); }
    });
    table.setAttribute('data-page', '0');
    show(table);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener('click', function () { sortBy(table, th); });
    });
    var controls = document.querySelector('.controls[data-for="' + table.id + '"]');
    if (controls) {
      controls.hidden = false;
      controls.querySelector('input').addEventListener('input', function () { filter(table, controls); });
      controls.querySelector('select').addEventListener('change', function () { filter(table, controls); });
    }
    var pager = document.querySelector('.pager[data-for="' + table.id + '"]');
    if (pager) {
      Array.prototype.forEach.call(pager.querySelectorAll('button'), function (b) {
        b.addEventListener('click', function () {
          var page = parseInt(table.getAttribute('data-page') || '0', 10);
          table.setAttribute('data-page', String(page + parseInt(b.getAttribute('data-step'), 10)));
          show(table);
        });
      });
    }
    show(table);
  });
})();
)js";

} // namespace aijri::html::assets
