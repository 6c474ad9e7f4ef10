package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.keycloak.models.utils.TimeBasedOTP;

import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * The measured journeys, each from the app's authorization request to tokens issued (the reset: to its success
 * page), walked as a browser without JavaScript does.
 */
final class Flows {

    /** One journey of person {@code user} of its population. */
    @FunctionalInterface
    interface Flow {
        void run(Visitor visitor, int user) throws IOException, InterruptedException;
    }

    static final String OURS_REALM = "binhduong";
    static final String OURS_CLIENT = "dichvucong";
    static final String STOCK_REALM = "stock";
    static final String STOCK_CLIENT = "bench-app";
    static final String STOCK_IDP = "standin-oidc";

    private final SmsInbox sms;
    private final DvcqgStandIn dvcqg;

    Flows(SmsInbox sms, DvcqgStandIn dvcqg) {
        this.sms = sms;
        this.dvcqg = dvcqg;
    }

    /** Ours: ID number and password (the direct-login form), then the SMS code. */
    void directLoginSms(Visitor visitor, int user) throws IOException, InterruptedException {
        AppLogin app = start(visitor, OURS_REALM, OURS_CLIENT, "");
        String phone = Population.DIRECT.nationalPhone(user);
        SmsInbox.Sms before = sms.last(phone);
        visitor.submit("form#kc-form-login", Map.of("username", Population.DIRECT.username(user), "password", Population.PASSWORD));
        visitor.submit("form#bd-sms-otp-form", Map.of("code", sms.awaitCodeAfter(phone, before)));
        app.redeem(visitor);
    }

    /** Stock: username and password, then a TOTP computed as an authenticator app does. */
    void stockPasswordTotp(Visitor visitor, int user) throws IOException, InterruptedException {
        AppLogin app = start(visitor, STOCK_REALM, STOCK_CLIENT, "");
        visitor.submit("form#kc-form-login", Map.of("username", Population.STOCK_TOTP.username(user), "password", Population.PASSWORD));
        visitor.submit("form#kc-otp-login-form", Map.of("otp", new TimeBasedOTP().generateTOTP(Population.totpSecret(user))));
        app.redeem(visitor);
    }

    /** Ours: the DVCQG broker, for a person already linked (the steady state). */
    void dvcqgBroker(Visitor visitor, int user) throws IOException, InterruptedException {
        broker(visitor, OURS_REALM, OURS_CLIENT, "dvcqg", user);
    }

    /** Stock: Keycloak's {@code keycloak-oidc} provider against the same stand-in. */
    void stockOidcBroker(Visitor visitor, int user) throws IOException, InterruptedException {
        broker(visitor, STOCK_REALM, STOCK_CLIENT, STOCK_IDP, user);
    }

    /** Ours: "Quên mật khẩu?" on the login page, the ID number, the SMS code, a new password, its success page. */
    void resetByIdNumber(Visitor visitor, int user) throws IOException, InterruptedException {
        start(visitor, OURS_REALM, OURS_CLIENT, "");
        Element link = visitor.page().selectFirst("a[href*=reset-credentials]");
        if (link == null) {
            throw new FlowException("no reset link on the login page: " + visitor.excerpt());
        }
        visitor.open(link.absUrl("href"));
        String phone = Population.RESET.nationalPhone(user);
        SmsInbox.Sms before = sms.last(phone);
        visitor.submit("form#bd-reset-id-form", Map.of("username", Population.RESET.username(user)));
        visitor.submit("form#bd-reset-code-form", Map.of("code", sms.awaitCodeAfter(phone, before)));
        String password = "Moi@" + (100000 + user) + System.nanoTime() % 1000;
        visitor.submit("form#bd-reset-password-form", Map.of("password-new", password, "password-confirm", password));
        if (visitor.last().statusCode() != 200 || visitor.page().selectFirst("form#bd-reset-password-form") != null) {
            throw new FlowException("reset not done: " + visitor.page().title() + " " + visitor.excerpt());
        }
    }

    /** Ours, with a phone the gateway stalls: the password is checked, then the send waits for its timeout. */
    void stalledSms(Visitor visitor, int user) throws IOException, InterruptedException {
        start(visitor, OURS_REALM, OURS_CLIENT, "");
        visitor.submit("form#kc-form-login", Map.of("username", Population.STALLED.username(user), "password", Population.PASSWORD));
    }

    private AppLogin start(Visitor visitor, String realm, String client, String extraQuery)
            throws IOException, InterruptedException {
        visitor.newPerson();
        AppLogin app = new AppLogin(visitor.serverBase() + "/realms/" + realm, client);
        visitor.open(app.authorizationUrl(extraQuery));
        return app;
    }

    private void broker(Visitor visitor, String realm, String client, String alias, int user)
            throws IOException, InterruptedException {
        AppLogin app = start(visitor, realm, client, "&kc_idp_hint=" + alias);
        URI authorize = visitor.redirectOut();
        if (authorize == null || !authorize.toString().startsWith(dvcqg.baseUrl())) {
            throw new FlowException("not sent to the DVCQG stand-in: " + visitor.excerpt());
        }
        // The person's choice at DVCQG is the stand-in's business, not Keycloak's: straight to the callback.
        visitor.open(dvcqg.callback(authorize, Population.techId(user)));
        app.redeem(visitor);
    }
}
