/* The running timer of calls in progress, and the dial pad's keys. Kept in a file: the pages'
   Content-Security-Policy runs no inline script. */
(function () {
    "use strict";

    function pad(n) {
        return n < 10 ? "0" + n : String(n);
    }

    function tick() {
        var now = Date.now();
        document.querySelectorAll(".call-timer[data-since]").forEach(function (timer) {
            var seconds = Math.max(0, Math.floor((now - Number(timer.getAttribute("data-since"))) / 1000));
            timer.textContent = Math.floor(seconds / 60) + ":" + pad(seconds % 60);
        });
    }

    window.setInterval(tick, 1000);
    document.addEventListener("DOMContentLoaded", tick);
    document.addEventListener("click", function (event) {
        var key = event.target.closest("[data-digit]");
        if (!key) {
            return;
        }
        var input = document.getElementById(key.getAttribute("data-target"));
        input.value += key.getAttribute("data-digit");
        input.focus();
    });
})();
