// "Đăng ký OTP" of the account console (keycloak.v3 loads this module for its content.json entry, with React from
// its import map). Keycloak 26.7's console routes an entry only by a path equal to one of its own routes, and finds
// the module by the route's :componentId, so the entry's path is the pattern "content/:componentId" itself. It lists the user's OTP phones from
// /realms/{realm}/bd-otp-phones and links every change to Keycloak's application-initiated actions:
// bd-register-otp-phone (add, ":update.<id>", ":receiver.<id>", ":delete.<id>"). It keeps no state and
// changes nothing itself. Texts come from the account theme's messages in the page's language.
import { createElement as h, useEffect, useState } from "react";

const ACTION = "bd-register-otp-phone";

const accountPath = location.pathname.slice(0, location.pathname.indexOf("/account") + "/account".length);
const realmPath = accountPath.slice(0, -"/account".length);
const realmName = decodeURIComponent(realmPath.slice(realmPath.lastIndexOf("/") + 1));
const serverPath = realmPath.slice(0, realmPath.lastIndexOf("/realms/"));

function random() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// An authorization request of the account console's own client that runs one action and comes back here; its
// code is never redeemed (the console signs in again by itself on its way back), so the PKCE challenge is random.
function actionUrl(action) {
  const query = new URLSearchParams({
    client_id: "account-console",
    redirect_uri: location.origin + location.pathname,
    response_type: "code",
    response_mode: "query",
    scope: "openid",
    state: random(),
    nonce: random(),
    code_challenge: random(),
    code_challenge_method: "S256",
    kc_action: action,
    ui_locales: document.documentElement.lang || "vi",
  });
  return location.origin + realmPath + "/protocol/openid-connect/auth?" + query;
}

async function texts(locale) {
  const response = await fetch(serverPath + "/resources/" + encodeURIComponent(realmName) + "/account/" + locale);
  const entries = response.ok ? await response.json() : [];
  return Object.fromEntries(entries.map((entry) => [entry.key, entry.value]));
}

function link(id, className, href, label) {
  return h("a", { id, className: "pf-v5-c-button " + className, href }, label);
}

function row(phone, index, t) {
  return h("tr", { key: phone.id, className: "pf-v5-c-table__tr", id: "bd-otp-phone-" + phone.id },
    h("td", { className: "pf-v5-c-table__td", "data-label": t.bdOtpPhonesIndex }, String(index + 1)),
    h("td", { className: "pf-v5-c-table__td bd-otp-phone-number", "data-label": t.bdOtpPhonesNumber, dir: "ltr" }, phone.display),
    h("td", { className: "pf-v5-c-table__td", "data-label": t.bdOtpPhonesReceives },
      phone.receiver
        ? h("span", { className: "pf-v5-c-label pf-m-green bd-otp-phone-receiver" },
            h("span", { className: "pf-v5-c-label__content" }, t.bdOtpPhonesReceiver))
        : link("bd-otp-phone-make-receiver-" + phone.id, "pf-m-secondary pf-m-small", actionUrl(ACTION + ":receiver." + phone.id), t.bdOtpPhonesMakeReceiver)),
    h("td", { className: "pf-v5-c-table__td bd-otp-phone-actions", "data-label": t.bdOtpPhonesActions },
      link("bd-otp-phone-update-" + phone.id, "pf-m-link", actionUrl(ACTION + ":update." + phone.id), "✎ " + t.bdOtpPhonesUpdate),
      link("bd-otp-phone-delete-" + phone.id, "pf-m-link pf-m-danger", actionUrl(ACTION + ":delete." + phone.id), "✖ " + t.bdOtpPhonesDelete)));
}

export default function OtpPhones() {
  const [t, setTexts] = useState();
  const [phones, setPhones] = useState();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    texts(document.documentElement.lang || "vi").then(setTexts, () => setTexts({}));
    fetch(realmPath + "/bd-otp-phones", { credentials: "same-origin", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((body) => setPhones(body.phones), () => setFailed(true));
  }, []);

  if (!t) {
    return null;
  }
  let content;
  if (failed) {
    content = h("p", { id: "bd-otp-phones-error", className: "pf-v5-c-helper-text__item-text pf-m-error" }, t.bdOtpPhonesLoadError);
  } else if (!phones) {
    content = null;
  } else if (phones.length === 0) {
    content = h("p", { id: "bd-otp-phones-empty" }, t.bdOtpPhonesEmpty);
  } else {
    content = h("table", { id: "bd-otp-phones", className: "pf-v5-c-table pf-m-grid-md", role: "grid", "aria-label": t.bdOtpRegistration },
      h("thead", { className: "pf-v5-c-table__thead" },
        h("tr", { className: "pf-v5-c-table__tr" },
          [t.bdOtpPhonesIndex, t.bdOtpPhonesNumber, t.bdOtpPhonesReceives, t.bdOtpPhonesActions]
            .map((label) => h("th", { key: label, className: "pf-v5-c-table__th", scope: "col" }, label)))),
      h("tbody", { className: "pf-v5-c-table__tbody" }, phones.map((phone, index) => row(phone, index, t))));
  }
  return h("section", { className: "pf-v5-c-page__main-section pf-m-light bd-otp-phones-page" },
    h("h1", { className: "pf-v5-c-title pf-m-2xl", id: "bd-otp-phones-title" }, t.bdOtpRegistration),
    h("p", { className: "pf-v5-u-mt-sm pf-v5-u-mb-lg" }, t.bdOtpPhonesDescription),
    content,
    h("div", { className: "pf-v5-u-mt-lg" }, link("bd-otp-phone-add", "pf-m-primary", actionUrl(ACTION), t.bdOtpPhonesAdd)));
}
