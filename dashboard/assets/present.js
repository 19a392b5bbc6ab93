// Presentation mode: large type for a projector. The state lives in the URL (?present=1),
// so a permalink opens in the same mode; the toggle rewrites the URL without reloading.
(function () {
    function apply() {
        const on = new URLSearchParams(window.location.search).get("present") === "1";
        document.body.classList.toggle("present", on);
        const button = document.getElementById("present-toggle");
        if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); }
    }
    document.addEventListener("click", function (event) {
        const button = event.target.closest && event.target.closest("#present-toggle");
        if (!button) { return; }
        const params = new URLSearchParams(window.location.search);
        if (params.get("present") === "1") { params.delete("present"); } else { params.set("present", "1"); }
        const query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
        apply();
        window.dispatchEvent(new Event("resize"));  // let plotly redraw at the new size
    });
    // Dash renders after load and re-renders on navigation: keep the class and button in step.
    new MutationObserver(apply).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", apply);
})();
