// "Ladda ner" and "Skapa presentation": the links take the page's state from its URL (the
// permalink) just before the browser follows them, so the file is the view on screen.
(function () {
    function chartHref(link) {
        const params = new URLSearchParams(window.location.search);
        params.delete("present");
        params.set("page", window.location.pathname);
        params.set("chart", link.getAttribute("data-chart"));
        const format = link.getAttribute("data-format");
        if (format === "png-screen") {
            const graph = document.getElementById(link.getAttribute("data-graph"));
            params.set("format", "png");
            params.set("size", "screen");
            if (graph) {
                params.set("width", String(Math.round(graph.clientWidth)));
                params.set("height", String(Math.round(graph.clientHeight)));
            }
        } else {
            params.set("format", format);
        }
        return "/export/chart?" + params.toString();
    }
    function deckHref() {
        const params = new URLSearchParams(window.location.search);
        params.delete("present");
        params.delete("pick");
        if (window.location.pathname === "/jamfor") { params.delete("strategy"); }
        if (!params.get("lang")) { params.set("lang", document.documentElement.lang || "sv"); }
        return "/export/deck?" + params.toString();
    }
    document.addEventListener("click", function (event) {
        const link = event.target.closest && event.target.closest("a.download-link, a.deck-link");
        if (!link) { return; }
        link.href = link.classList.contains("deck-link") ? deckHref() : chartHref(link);
        const menu = link.closest("details");
        if (menu) { menu.open = false; }
    });
})();
