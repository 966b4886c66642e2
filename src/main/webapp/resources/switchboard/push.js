/* What every page's push sockets do with a message: re-read what changed with a PrimeFaces request, once PrimeFaces
   has given the page's forms its Content-Security-Policy nonce (primefaces.CSP is on, web.xml). A message can arrive
   while the page is still starting (the calls channel re-sends a recent change as a socket opens), and PrimeFaces sets
   the nonce from a ready handler that may run even after the load event: a request sent before is refused by the
   server. Kept in a file: the pages' policy runs no inline script. */
(function () {
    "use strict";

    var RETRY_MILLIS = 50;

    function nonceGiven() {
        return window.PrimeFaces && window.PrimeFaces.csp && window.PrimeFaces.csp.NONCE_VALUE !== "";
    }

    window.switchboardPushed = function refreshWhenReady(refresh) {
        if (nonceGiven()) {
            refresh();
        } else {
            window.setTimeout(function () {
                refreshWhenReady(refresh);
            }, RETRY_MILLIS);
        }
    };
})();
