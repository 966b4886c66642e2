/* The running timer of calls in progress, and the dial pad's keys. Kept in a file: the pages'
   Content-Security-Policy runs no inline script. */
(function () {
    "use strict";

    function pad(n) {
        return n < 10 ? "0" + n : String(n);
    }

    function tick() {
        var now = Date.now();
        /* An ended call's summary leaves at the time the server would stop showing it, push or not. */
        document.querySelectorAll(".call-panel[data-summary-until]").forEach(function (panel) {
            var until = Number(panel.getAttribute("data-summary-until"));
            if (until > 0 && now >= until) {
                panel.hidden = true;
            }
        });
        document.querySelectorAll(".call-timer[data-since]").forEach(function (timer) {
            var seconds = Math.max(0, Math.floor((now - Number(timer.getAttribute("data-since"))) / 1000));
            timer.textContent = Math.floor(seconds / 60) + ":" + pad(seconds % 60);
        });
    }

    /* The panels are re-rendered whenever any call changes; notes being typed must survive that. A draft is kept
       until the server's text (the textarea's default) equals it, i.e. it has been saved. */
    var drafts = {};
    var focusedNotes = null;

    document.addEventListener("input", function (event) {
        if (event.target.classList && event.target.classList.contains("call-notes-text")) {
            drafts[event.target.name] = event.target.value;
        }
    });
    document.addEventListener("focusin", function (event) {
        var notes = event.target.classList && event.target.classList.contains("call-notes-text");
        focusedNotes = notes ? event.target.name : null;
    });

    function restoreDrafts() {
        Object.keys(drafts).forEach(function (name) {
            var notes = document.querySelector("textarea[name='" + name + "']");
            if (!notes || notes.defaultValue === drafts[name]) {
                delete drafts[name];
            } else if (notes.value !== drafts[name]) {
                notes.value = drafts[name];
            }
        });
        if (focusedNotes && document.activeElement === document.body) {
            var focused = document.querySelector("textarea[name='" + focusedNotes + "']");
            if (focused) {
                focused.focus();
                focused.setSelectionRange(focused.value.length, focused.value.length);
            }
        }
        tick();
    }

    /* Buttons' requests are global and end with pfAjaxComplete; the push-triggered refresh is not global (no
       busy indicator for it) and calls this itself when done. */
    if (window.jQuery) {
        window.jQuery(document).on("pfAjaxComplete", restoreDrafts);
    }
    window.switchboardCallsRefreshed = restoreDrafts;

    /* A message on the calls channel: the panels, and on the calls page its log, re-read the calls. The page has one
       socket on the channel: the server refuses a second one on the same channel now and then. */
    window.switchboardCallsPushed = function () {
        window.switchboardPushed(function () {
            window.callsChanged();
            if (window.callLogChanged) {
                window.callLogChanged();
            }
        });
    };
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
