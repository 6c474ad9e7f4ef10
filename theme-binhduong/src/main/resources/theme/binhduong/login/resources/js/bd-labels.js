/*
 * keycloak.v2's template.ftl shows the signed-in user's name on later steps (e.g. the SMS OTP page) in a read-only
 * field #kc-attempted-username whose label points at "username", an id absent there: screen readers announce the
 * field without a name. Point the orphan label at the field it describes.
 */
(function () {
    "use strict";

    function linkAttemptedUsernameLabel() {
        var field = document.getElementById("kc-attempted-username");
        if (!field || document.getElementById("username")) {
            return;
        }
        var label = document.querySelector("label[for='username']");
        if (label) {
            label.htmlFor = field.id;
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", linkAttemptedUsernameLabel);
    } else {
        linkAttemptedUsernameLabel();
    }
})();
