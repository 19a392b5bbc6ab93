"""The deck as one self-contained HTML presentation that works without a network.

`offline_html(parts, lang)` turns the deck's parts (`dashboard.export.deck.deck_parts`) into a
single page: the same slides in the same order, each chart slide drawing the page's own plotly
figure, interactive, with the slide's title, subtitle, caveats and source as HTML around it.
plotly.js is inlined from the installed plotly package (the full bundle, so every trace type
draws); nothing is fetched: no CDN, no web fonts, no images by URL, and a Content-Security-Policy
forbids any request the page might still try.

Keys: → / PageDown / Space (or a click on the right half) = next, ← / PageUp (or the left half)
= previous, Home / End, "n" = speaker notes. The URL's hash (#3) follows the slide, so a reload
keeps the place. A chart is drawn the first time its slide is shown, and resized when shown
again.

Pure: parts in, text out (no Dash, no database, no browser).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from dashboard.export import deck_spec as d
from dashboard.export.markup import escape, escape_attribute
from dashboard.figures.common import BLUE, FONT, GREEN, GREY, ORANGE, VERMILLION
from dashboard.i18n import t

if TYPE_CHECKING:
    from dashboard.export.deck import Part

TEXT_KEYS = ("help", "notes", "no_notes", "slide", "noscript")  # "export.<key>" in dashboard.i18n


def texts(lang: str) -> dict[str, str]:
    """The presentation's own words (around the slides) in `lang`."""
    return {key: t(f"export.{key}", lang) for key in TEXT_KEYS}


# The status icon is tinted; the word beside it carries the meaning (as on the pages).
STATUS_CLASSES = {
    "●": "s-good",
    "✔": "s-good",
    "▲": "s-warn",
    "◆": "s-warn",
    "▼": "s-bad",
    "✖": "s-bad",
    "?": "s-none",
    "…": "s-none",
}
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
# No request of any kind: scripts and styles only inline, images only as data:/blob: (plotly's
# "download as PNG" button), nothing else.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'"
)
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
CHART_TOP_MARGIN = 40  # the title is HTML; plotly only keeps room for a legend above the plot


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The full plotly.js bundle shipped with the installed plotly package."""
    path = resources.files("plotly") / "package_data" / "plotly.min.js"
    return _script_safe(path.read_text(encoding="utf-8"))


def _script_safe(code: str) -> str:
    """Code that cannot end or confuse its <script> element: only "</script" and "<!--" can,
    and both only ever occur inside JS strings, where "<\\/" is "</" and "<\\!" is "<!"."""
    return _SCRIPT_END.sub(r"<\\/\1", code).replace("<!--", "<\\!--")


def _json_script(value: str) -> str:
    """JSON text safe inside <script type="application/json">: every <, > and & as a \\u
    escape, which JSON.parse reads back unchanged (so "</script>" can never end the element)."""
    return value.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _e(text: object) -> str:
    return escape(text)


def _attr(text: object) -> str:
    return escape_attribute(text)


def presentation_figure(figure: go.Figure) -> go.Figure:
    """A copy of the page's figure that fills its box: no fixed size, no own title (the slide's
    title is HTML above it). Fonts are scaled in the browser to the stage's width."""
    fig = go.Figure(figure)
    margin = fig.layout.margin
    fig.update_layout(
        title_text="",
        height=None,
        width=None,
        autosize=True,
        margin={"t": min(margin.t if margin.t is not None else 80, CHART_TOP_MARGIN)},
    )
    return fig


def _figure_json(figure: go.Figure) -> str:
    return _json_script(presentation_figure(figure).to_json())


def _paragraphs(text: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return "".join(f"<p{attr}>{_e(line)}</p>" for line in text.split("\n") if line.strip())


def _header(slide: d.Slide, tag: str = "h2") -> str:
    subtitle = getattr(slide, "subtitle", "")
    sub = f'<p class="subtitle">{_e(subtitle)}</p>' if subtitle else ""
    return f'<header><{tag} class="title">{_e(slide.title)}</{tag}>{sub}</header>'


def _footer(slide: d.Slide) -> str:
    caveats = list(getattr(slide, "caveats", []) or [])
    source = getattr(slide, "source", "") or ""
    if not caveats and not source:
        return ""
    items = "".join(f"<li>{_e(c)}</li>" for c in caveats)
    lines = f'<ul class="caveats">{items}</ul>' if items else ""
    if source:
        lines += f'<p class="source">{_e(source)}</p>'
    return f"<footer>{lines}</footer>"


def _status_cell(text: str) -> str:
    icon = text[:1]
    if icon in STATUS_CLASSES:
        return f'<span class="icon {STATUS_CLASSES[icon]}">{_e(icon)}</span>{_e(text[1:])}'
    return _e(text)


def _table(
    caption: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Sequence[int] | frozenset[int] = (),
    status: int | None = None,
) -> str:
    def cls(c: int) -> str:
        names = (["num"] if c in numeric else []) + (["status"] if c == status else [])
        return f' class="{" ".join(names)}"' if names else ""

    head = "".join(f'<th scope="col"{cls(c)}>{_e(h)}</th>' for c, h in enumerate(columns))
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{cls(c)}>{_status_cell(cell) if c == status else _e(cell)}</td>"
            for c, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="body scroll"><table>'
        f'<caption class="visually-hidden">{_e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _series_table(slide: d.BarChartSlide | d.LineChartSlide) -> str:
    """A chart slide without a figure: its numbers as a table, nothing lost."""
    columns = ["", *(s.name for s in slide.series)]
    rows = [
        [category, *("–" if s.values[i] is None else f"{s.values[i]:g}" for s in slide.series)]
        for i, category in enumerate(slide.categories)
    ]
    return _table(slide.title, columns, rows, frozenset(range(1, len(columns))))


def _body(part: Part, number: int) -> tuple[str, str]:
    """The slide's CSS kind and its inner HTML (without the notes)."""
    slide = part.slide
    if isinstance(slide, d.TitleSlide):
        return "title-slide", _header(slide, "h1")
    if part.figure is not None:
        chart = (
            f'<figure class="chart-box" aria-label="{_attr(slide.title)}">'
            f'<div class="chart" id="chart-{number}" data-figure="figure-{number}"></div></figure>'
        )
        return "chart-slide", _header(slide) + chart + _footer(slide)
    if isinstance(slide, d.TableSlide):
        table = _table(
            slide.title, slide.columns, slide.rows, slide.numeric_columns, slide.status_column
        )
        return "table-slide", _header(slide) + table + _footer(slide)
    if isinstance(slide, d.BulletsSlide):
        items = "".join(f"<li>{_e(b)}</li>" for b in slide.bullets)
        body = f'<div class="body scroll"><ul class="bullets">{items}</ul></div>'
        return "bullets-slide", _header(slide) + body + _footer(slide)
    if isinstance(slide, d.PictureSlide):
        data = base64.b64encode(slide.image_png).decode("ascii")
        alt = f"{slide.title}. {slide.source}"
        picture = (
            f'<div class="body picture"><img src="data:image/png;base64,{data}" '
            f'alt="{_attr(alt)}"></div>'
        )
        return "picture-slide", _header(slide) + picture + _footer(slide)
    if isinstance(slide, d.BarChartSlide | d.LineChartSlide):
        return "table-slide", _header(slide) + _series_table(slide) + _footer(slide)
    raise TypeError(f"slide {number}: cannot show {type(slide).__name__}")


def _slide(part: Part, number: int, total: int, words: dict[str, str]) -> str:
    kind, inner = _body(part, number)
    notes = _paragraphs(part.slide.notes) or f'<p class="empty">{_e(words["no_notes"])}</p>'
    label = f"{words['slide']} {number} / {total}: {part.slide.title}"
    hidden = "" if number == 1 else " hidden"
    return (
        f'<section class="slide {kind}" id="slide-{number}" aria-label="{_attr(label)}"{hidden}>'
        f"{inner}"
        f'<aside class="notes" aria-label="{_attr(words["notes"])}">'
        f'<h2 class="notes-title">{_e(words["notes"])} · {number} / {total}</h2>{notes}</aside>'
        "</section>"
    )


def offline_html(parts: Sequence[Part], lang: str = "sv") -> str:
    """The whole presentation as one HTML document (UTF-8 text) that makes no network request."""
    if lang not in d.LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {d.LANGUAGES}")
    if not parts:
        raise ValueError("a presentation needs at least one slide")
    words = texts(lang)
    total = len(parts)
    first = parts[0].slide
    title = first.title + (f" – {first.subtitle}" if getattr(first, "subtitle", "") else "")
    slides = "\n".join(_slide(part, i, total, words) for i, part in enumerate(parts, start=1))
    figures = "\n".join(
        f'<script type="application/json" id="figure-{i}">{_figure_json(part.figure)}</script>'
        for i, part in enumerate(parts, start=1)
        if part.figure is not None
    )
    config = _json_script(json.dumps(PLOTLY_CONFIG))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rusmon">
<title>{_attr(title)}</title>
<style>{_css()}</style>
<script>{plotly_js()}</script>
</head>
<body>
<noscript><p class="noscript">{_e(words["noscript"])}</p></noscript>
<main id="stage">
{slides}
<p id="help">{_e(words["help"])}</p>
<p id="counter" aria-live="polite">1 / {total}</p>
</main>
<script type="application/json" id="plotly-config">{config}</script>
{figures}
<script>{_script_safe(SCRIPT)}</script>
</body>
</html>
"""


def _css() -> str:
    return (
        CSS.replace("$FONT", FONT)
        .replace("$GREY", GREY)
        .replace("$BLUE", BLUE)
        .replace("$GREEN", GREEN)
        .replace("$ORANGE", ORANGE)
        .replace("$VERMILLION", VERMILLION)
    )


# The stage keeps 16:9 and fills the window (letterboxed); --u is 1 % of its width and every
# size on it is given in --u, so the slide scales as a whole. With the notes shown, the stage
# shrinks into the space above them.
CSS = """
body { --avail: 100vh; --w: min(100vw, calc(var(--avail) * 16 / 9)); --u: calc(var(--w) / 100);
  margin: 0; height: 100vh; overflow: hidden; background: #2b2b2b; font-family: $FONT;
  color: #1a1a1a; }
body.notes-on { --avail: 68vh; }
#stage { position: absolute; width: var(--w); height: calc(var(--w) * 9 / 16);
  left: calc((100vw - var(--w)) / 2); top: calc((var(--avail) - var(--w) * 9 / 16) / 2);
  background: #fff; overflow: hidden; font-size: calc(var(--u) * 1.5); line-height: 1.3; }
.slide { position: absolute; inset: 0; box-sizing: border-box; display: flex;
  flex-direction: column; padding: calc(var(--u) * 2.6) calc(var(--u) * 3.2)
  calc(var(--u) * 2.8); }
.slide[hidden] { display: none; }
.slide header { flex: none; }
.slide .title { margin: 0; font-size: calc(var(--u) * 2.6); line-height: 1.15; font-weight: 600; }
.slide .subtitle { margin: calc(var(--u) * 0.5) 0 0; color: $GREY;
  font-size: calc(var(--u) * 1.5); }
.title-slide { justify-content: center; padding-left: calc(var(--u) * 7);
  padding-right: calc(var(--u) * 7); border-top: calc(var(--u) * 0.8) solid $BLUE; }
.title-slide .title { font-size: calc(var(--u) * 4.6); font-weight: 700; }
.title-slide .subtitle { font-size: calc(var(--u) * 2.3); margin-top: calc(var(--u) * 1.6); }
.chart-box { flex: 1 1 0; min-height: 0; margin: calc(var(--u) * 0.8) 0 0; position: relative; }
.chart { position: absolute; inset: 0; }
.body { flex: 1 1 0; min-height: 0; margin-top: calc(var(--u) * 1.4); }
.scroll { overflow: auto; }
.slide footer { flex: none; margin-top: calc(var(--u) * 0.6); font-size: calc(var(--u) * 1.05); }
.caveats { margin: 0 0 calc(var(--u) * 0.3); padding: 0; list-style: none; }
.caveats li { margin: 0 0 calc(var(--u) * 0.2); }
.source { margin: 0; color: $GREY; }
table { border-collapse: collapse; width: 100%; font-size: calc(var(--u) * 1.35); }
th, td { text-align: left; vertical-align: top; padding: calc(var(--u) * 0.45) calc(var(--u) * 0.7);
  border-bottom: 1px solid #d9d9d9; }
thead th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #1a1a1a;
  font-weight: 600; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.status { white-space: nowrap; }
.icon { margin-right: 0.35em; }
.s-good { color: $GREEN; } .s-warn { color: $ORANGE; } .s-bad { color: $VERMILLION; }
.s-none { color: $GREY; }
.bullets { margin: 0; padding-left: 1.2em; font-size: calc(var(--u) * 1.6); }
.bullets li { margin-bottom: 0.55em; }
.d1 table { font-size: calc(var(--u) * 1.25); } .d1 .bullets { font-size: calc(var(--u) * 1.45); }
.d2 table { font-size: calc(var(--u) * 1.15); } .d2 .bullets { font-size: calc(var(--u) * 1.3); }
.d3 table { font-size: calc(var(--u) * 1.05); } .d3 .bullets { font-size: calc(var(--u) * 1.15); }
.d4 table { font-size: calc(var(--u) * 0.95); } .d4 .bullets { font-size: calc(var(--u) * 1.0); }
.d5 table { font-size: calc(var(--u) * 0.85); } .d5 .bullets { font-size: calc(var(--u) * 0.9); }
.picture { display: flex; justify-content: center; }
.picture img { max-width: 100%; max-height: 100%; object-fit: contain; }
#help, #counter { position: absolute; bottom: calc(var(--u) * 0.7); margin: 0; color: $GREY;
  font-size: calc(var(--u) * 0.95); }
#help { left: calc(var(--u) * 3.2); }
#counter { right: calc(var(--u) * 3.2); font-variant-numeric: tabular-nums; }
.notes { display: none; }
body.notes-on .slide:not([hidden]) .notes { display: block; position: fixed; left: 0; right: 0;
  bottom: 0; height: calc(100vh - var(--avail)); box-sizing: border-box; overflow: auto;
  padding: 12px 24px; background: #111; color: #eee; font-size: 18px; line-height: 1.45; }
.notes-title { margin: 0 0 6px; font-size: 14px; color: #aaa; font-weight: 600; }
.notes p { margin: 0 0 8px; }
.notes .empty { color: #aaa; font-style: italic; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.noscript { color: #fff; padding: 1em; }
"""

# Navigation and drawing. Only the shown slide's chart is drawn: on first show with
# Plotly.newPlot (fonts scaled to the stage), afterwards Plotly.Plots.resize.
SCRIPT = """
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll("#stage > .slide"));
  var total = slides.length;
  var stage = document.getElementById("stage");
  var counter = document.getElementById("counter");
  var config = JSON.parse(document.getElementById("plotly-config").textContent);
  var current = -1;

  function clamp(i) { return Math.min(Math.max(i, 0), total - 1); }

  function fromHash() {
    var m = /^#(\\d+)$/.exec(window.location.hash);
    return m ? clamp(parseInt(m[1], 10) - 1) : 0;
  }

  function scaleFonts(node, k) {
    if (Array.isArray(node)) { node.forEach(function (x) { scaleFonts(x, k); }); return; }
    if (!node || typeof node !== "object") { return; }
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (value && typeof value === "object") {
        if (/font$/i.test(key) && typeof value.size === "number") {
          value.size = Math.round(value.size * k);
        }
        scaleFonts(value, k);
      }
    });
  }

  function categories(data) {
    var seen = {};
    data.forEach(function (trace) {
      if (trace.orientation === "h" && Array.isArray(trace.y)) {
        trace.y.forEach(function (y) { seen[y] = true; });
      }
    });
    return Object.keys(seen).length;
  }

  function fit(figure) {
    var layout = figure.layout || {};
    var k = Math.min(Math.max(stage.clientWidth / 1000, 0.8), 2.4);
    layout.font = layout.font || {};
    if (typeof layout.font.size !== "number") { layout.font.size = 12; }
    scaleFonts(figure, k);
    if (layout.margin) {
      ["l", "r", "t", "b"].forEach(function (side) {
        if (typeof layout.margin[side] === "number") {
          layout.margin[side] = Math.round(layout.margin[side] * k);
        }
      });
    }
    figure.layout = layout;
    return figure;
  }

  // Many bars share the plot's height: their labels shrink so that none overlaps or is left out.
  function fitLabels(box) {
    var n = box.rusmonCategories;
    var size = box._fullLayout && box._fullLayout._size;
    if (!n || !size || !size.h) { return; }
    var font = Math.max(8, Math.min(box.rusmonFont, Math.floor(size.h / n * 0.8)));
    var axis = box.layout.yaxis || {};
    if (!axis.tickfont || axis.tickfont.size !== font) {
      Promise.resolve(Plotly.relayout(box, {"yaxis.tickfont.size": font})).catch(function () {});
    }
  }

  function draw(slide) {
    var box = slide.querySelector(".chart");
    if (!box || typeof Plotly === "undefined") { return; }
    if (box.getAttribute("data-drawn") === "1") {
      Promise.resolve(Plotly.Plots.resize(box)).then(function () { fitLabels(box); })
        .catch(function () {});
      return;
    }
    box.setAttribute("data-drawn", "1");
    var source = document.getElementById(box.getAttribute("data-figure"));
    var figure = fit(JSON.parse(source.textContent));
    box.rusmonCategories = categories(figure.data || []);
    box.rusmonFont = figure.layout.font.size;
    Plotly.newPlot(box, figure.data, figure.layout, config).then(function () { fitLabels(box); });
  }

  // A long table or list takes a smaller type size, step by step, until it fits; what still
  // does not fit scrolls (no row is ever dropped).
  var DENSITY = ["d1", "d2", "d3", "d4", "d5"];
  function fitText(slide) {
    var body = slide.querySelector(".scroll");
    if (!body) { return; }
    DENSITY.forEach(function (name) { body.classList.remove(name); });
    for (var i = 0; i < DENSITY.length && body.scrollHeight > body.clientHeight + 1; i++) {
      if (i > 0) { body.classList.remove(DENSITY[i - 1]); }
      body.classList.add(DENSITY[i]);
    }
  }

  function refresh() {
    fitText(slides[current]);
    draw(slides[current]);
  }

  function show(i) {
    i = clamp(i);
    if (i !== current) {
      if (current >= 0) { slides[current].hidden = true; }
      slides[i].hidden = false;
      current = i;
      counter.textContent = (i + 1) + " / " + total;
      refresh();
    }
    var hash = "#" + (i + 1);
    if (window.location.hash !== hash) { window.location.replace(hash); }
  }

  function next() { show(current + 1); }
  function previous() { show(current - 1); }

  function toggleNotes(on) {
    document.body.classList.toggle("notes-on", on);
    refresh();
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return; }
    switch (event.key) {
      case "ArrowRight": case "PageDown": next(); break;
      case " ": case "Spacebar": if (event.shiftKey) { previous(); } else { next(); } break;
      case "ArrowLeft": case "PageUp": previous(); break;
      case "Home": show(0); break;
      case "End": show(total - 1); break;
      case "n": case "N": toggleNotes(); break;
      case "Escape": toggleNotes(false); break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.defaultPrevented) { return; }
    var target = event.target;
    if (target.closest && target.closest(".js-plotly-plot, a, button, .notes")) {
      return;
    }
    if (window.getSelection && String(window.getSelection())) { return; }
    if (event.clientX >= window.innerWidth / 2) { next(); } else { previous(); }
  });

  window.addEventListener("hashchange", function () { show(fromHash()); });
  window.addEventListener("resize", function () { fitText(slides[current]); });
  show(fromHash());
}());
"""
