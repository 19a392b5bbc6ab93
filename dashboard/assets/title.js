// The browser tab's title in the page's language: Dash sets each page's registered (Swedish)
// title when it navigates; the shell names the right one in data-title (dashboard.i18n).
(function () {
    function apply() {
        const shell = document.querySelector("[data-title]");
        const wanted = shell && shell.getAttribute("data-title");
        if (wanted && document.title !== wanted) { document.title = wanted; }
    }
    new MutationObserver(apply).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", apply);
})();
