"""The map legends' words in a real Chromium: no label drawn over another (the target and change legends
printed '-12,65 poin di bawah target', '0 = tepat target' and '+12,65 poin di atas target' on top of each
other), at a laptop's and a phone's legend width."""
from __future__ import annotations

import pytest

from geo import fmt
from geo.config import DEFAULTS
from geo.render.maps.legend import legend_html

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('div, span')]
    .filter(e => e.children.length === 0 && e.textContent.trim())
    .map(e => ({text: e.textContent.trim(), r: e.getBoundingClientRect()}));
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i].r, b = boxes[j].r;
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      out.push(`${boxes[i].text} × ${boxes[j].text}`);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("metric", ["target", "perubahan", "cakupan", "belum_rekam"])
@pytest.mark.parametrize("width", [240, 330])
def test_legend_words_never_overlap(offline, metric, lang, width):
    domain = {"target": (-12.65, 12.65), "perubahan": (-3.21, 3.21), "cakupan": (79.0, 100.0),
              "belum_rekam": (0.0, 4701.0)}[metric]
    html = legend_html(metric, DEFAULTS, lang, counts={"none": 0}, domain=domain, data_date="2026-11-30")
    page = offline.new().page
    page.set_content(f'<div style="width:{width}px;font:13px sans-serif">{html}</div>')
    assert page.evaluate(OVERLAPS) == []
    low = fmt.number(domain[0], 2 if metric in ("target", "perubahan") else 0, lang)
    assert low.lstrip("-") in page.inner_text("body")  # the scale's end is written, not only its colours
