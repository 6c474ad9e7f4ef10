/*
 * Live countdown of an SMS code page (the bd-sms-code.ftl macro). The server rendered the starting values and the
 * texts (as data-* attributes, from the messages files) and stays the authority: an early "resend" is refused
 * there. This script keeps the texts current from the page's load time and enables the resend button when the
 * cooldown ends.
 */
(function () {
    "use strict";

    function fill(template, seconds) {
        return template.replace("{0}", String(seconds));
    }

    function start() {
        var countdown = document.querySelector("[data-bd-sms-countdown]");
        var resend = document.querySelector("[data-bd-sms-resend]");
        var hint = document.querySelector("[data-bd-sms-cooldown]");
        if (!resend) {
            return;
        }
        var loadedAt = Date.now();
        var lifetime = countdown ? parseInt(countdown.getAttribute("data-seconds"), 10) || 0 : 0;
        var cooldown = parseInt(resend.getAttribute("data-cooldown"), 10) || 0;
        var canResend = resend.getAttribute("data-can-resend") === "true";
        var timer = null;

        function tick() {
            // Elapsed time from the clock, not from counting ticks: background tabs run timers late.
            var elapsed = Math.floor((Date.now() - loadedAt) / 1000);
            var left = Math.max(0, lifetime - elapsed);
            var wait = Math.max(0, cooldown - elapsed);
            if (countdown) {
                countdown.textContent = left > 0
                    ? fill(countdown.getAttribute("data-text"), left)
                    : countdown.getAttribute("data-expired-text");
            }
            if (hint) {
                hint.textContent = wait > 0 ? fill(hint.getAttribute("data-text"), wait) : "";
                hint.hidden = wait === 0;
            }
            if (wait === 0 && canResend) {
                resend.disabled = false;
                resend.removeAttribute("aria-describedby");
            }
            if (left === 0 && wait === 0 && timer !== null) {
                clearInterval(timer);
            }
        }

        tick();
        timer = setInterval(tick, 1000);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
