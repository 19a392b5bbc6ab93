// Presentation mode: large type for a projector. The state lives in the URL (?present=1),
// so a permalink opens in the same mode; the toggle rewrites the URL without reloading.
// The charts are re-laid out with larger fonts and a taller plot (the page itself is never
// zoomed: plotly would measure its text unzoomed and clip the last tick).
(function () {
    const FONT = 20;  // px; the figures' own base size is 14
    const MIN_HEIGHT = 0.7;  // of the window's height: bars keep their room on a projector

    function isOn() {
        return new URLSearchParams(window.location.search).get("present") === "1";
    }

    function fit(graph) {
        if (!window.Plotly || !graph._fullLayout || graph.dataset.presentBusy) { return; }
        const on = isOn();
        // never enlarged: nothing to restore (a relayout here only redrew every graph as it came)
        if (!on && graph.dataset.presentBase === undefined) { return; }
        if (graph.dataset.presentBase === undefined) {
            graph.dataset.presentBase = JSON.stringify({
                size: (graph.layout.font && graph.layout.font.size) || 14,
                height: graph.layout.height || null,
                // small print with a size of its own (a map's attribution) grows in step
                notes: (graph.layout.annotations || []).map(function (a) {
                    return (a.font && a.font.size) || null;
                }),
            });
        }
        const base = JSON.parse(graph.dataset.presentBase);
        // Larger type needs a taller plot, or plotly skips every other category label.
        const grown = Math.round((base.height || 450) * FONT / base.size);
        const wanted = on
            ? { "font.size": FONT, height: Math.max(grown, Math.round(window.innerHeight * MIN_HEIGHT)) }
            : { "font.size": base.size, height: base.height };
        (base.notes || []).forEach(function (size, i) {
            if (size) { wanted["annotations[" + i + "].font.size"] = on ? Math.round(size * FONT / base.size) : size; }
        });
        const now = graph._fullLayout;
        if (now.font.size === wanted["font.size"] && (wanted.height === null || now.height === wanted.height)) {
            return;
        }
        graph.dataset.presentBusy = "1";
        window.Plotly.relayout(graph, wanted).finally(function () { delete graph.dataset.presentBusy; });
    }

    function apply() {
        const on = isOn();
        document.body.classList.toggle("present", on);
        const button = document.getElementById("present-toggle");
        if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); }
        document.querySelectorAll(".js-plotly-plot").forEach(function (graph) {
            if (graph.closest("#chart-code-warmup")) { return; }  // hidden, never shown (chart_code.py)
            if (!graph.dataset.presentHooked && graph.on) {
                graph.dataset.presentHooked = "1";
                // a callback's new figure comes with the base font: fit it again after drawing
                graph.on("plotly_afterplot", function () {
                    if (graph.dataset.presentBusy) { return; }  // our own relayout
                    const size = graph.layout.font && graph.layout.font.size;
                    if (size !== FONT) { delete graph.dataset.presentBase; }
                    fit(graph);
                });
            }
            fit(graph);
        });
    }

    document.addEventListener("click", function (event) {
        const button = event.target.closest && event.target.closest("#present-toggle");
        if (!button) { return; }
        const params = new URLSearchParams(window.location.search);
        if (params.get("present") === "1") { params.delete("present"); } else { params.set("present", "1"); }
        const query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
        apply();
        window.dispatchEvent(new Event("resize"));  // let plotly redraw at the new width
    });
    // Dash renders after load and re-renders on navigation: keep the class and charts in step.
    new MutationObserver(apply).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", apply);
})();
