// When the warehouse (the database) does not answer, the app answers a callback with 503 and
// {"error": "warehouse-unavailable", "message": …} in the page's language (dashboard/health.py).
// Dash would only leave the view as it was; this says why, above the page, until a callback
// is answered with the warehouse available again.
(function () {
    const ID = "rusmon-warehouse-unavailable";
    const CALLBACK = "_dash-update-component";
    const VERSION = "X-Rusmon-Data-Version";  // "unavailable" while the warehouse is down
    const fetchFirst = window.fetch.bind(window);

    function show(message) {
        let banner = document.getElementById(ID);
        if (!banner) {
            banner = document.createElement("div");
            banner.id = ID;
            banner.setAttribute("role", "alert");
            Object.assign(banner.style, {
                position: "sticky", top: "0", zIndex: "1000", padding: "0.75rem 1rem",
                background: "#fdecea", color: "#5f2120", borderBottom: "3px solid #b3261e",
                fontWeight: "600",
            });
            document.body.prepend(banner);
        }
        banner.textContent = message;
    }

    function hide() {
        const banner = document.getElementById(ID);
        if (banner) { banner.remove(); }
    }

    window.fetch = function (resource, init) {
        const url = typeof resource === "string" ? resource : (resource && resource.url) || "";
        const answer = fetchFirst(resource, init);
        if (String(url).indexOf(CALLBACK) === -1) { return answer; }
        return answer.then(function (response) {
            if (response.status === 503) {
                response.clone().json().then(function (body) {
                    if (body && body.error === "warehouse-unavailable") { show(body.message); }
                }).catch(function () { /* not our answer: Dash reports it as usual */ });
            } else if (response.ok && response.headers.get(VERSION) !== "unavailable") {
                hide();  // a callback that needed no data says nothing of the warehouse
            }
            return response;
        });
    };
})();
