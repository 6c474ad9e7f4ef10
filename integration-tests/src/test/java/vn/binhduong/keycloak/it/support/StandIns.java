package vn.binhduong.keycloak.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.binhduong.keycloak.standins.StandIn;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;
import vn.binhduong.keycloak.standins.proxy.ForwardProxy;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;
import vn.binhduong.keycloak.standins.sms.TwilioStandIn;

/**
 * The loopback stand-ins for what lies outside Keycloak (DVCQG, SMS gateways, captcha verification), started
 * once before Keycloak so that its server options and the realm's environment can point at them.
 */
public final class StandIns implements AutoCloseable {

    private final List<StandIn> started = new ArrayList<>();
    private DvcqgStandIn dvcqg;
    private SmsGatewayStandIn smsGateway;
    private TwilioStandIn twilio;
    private CaptchaStandIn captcha;
    private ForwardProxy proxy;

    public static StandIns start() {
        StandIns standIns = new StandIns();
        try {
            standIns.startAll();
        } catch (RuntimeException e) {
            standIns.close();
            throw e;
        }
        return standIns;
    }

    /** Each stand-in is started here and kept in a field with an accessor for the tests. */
    private void startAll() {
        dvcqg = add(DvcqgStandIn.start());
        twilio = add(TwilioStandIn.start());
        // Twilio is the gateway's secondary: failover lands there.
        smsGateway = add(SmsGatewayStandIn.start(Map.of("spi-sms-sender--http--secondary", "twilio")));
        captcha = add(CaptchaStandIn.start());
        // Keycloak reaches all of them through this outbound proxy, as on a government network.
        proxy = add(ForwardProxy.start());
    }

    public DvcqgStandIn dvcqg() {
        return dvcqg;
    }

    /** The primary SMS gateway ({@code http} sms-sender). */
    public SmsGatewayStandIn smsGateway() {
        return smsGateway;
    }

    /** Twilio's Messages API ({@code twilio} sms-sender), the primary gateway's secondary. */
    public TwilioStandIn twilio() {
        return twilio;
    }

    /** reCAPTCHA's verification endpoint. */
    public CaptchaStandIn captcha() {
        return captcha;
    }

    /** The outbound HTTP proxy every stand-in is reached through ({@code connections-http-client} proxy mappings). */
    public ForwardProxy proxy() {
        return proxy;
    }

    private <T extends StandIn> T add(T standIn) {
        started.add(standIn);
        return standIn;
    }

    /** {@code kc.sh} options (without the leading dashes) that aim Keycloak's SPIs at the stand-ins. */
    public Map<String, String> serverOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        started.forEach(standIn -> options.putAll(standIn.serverOptions()));
        return options;
    }

    /** Variables the realm import resolves, such as the stand-ins' URLs. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        started.forEach(standIn -> environment.putAll(standIn.environment()));
        return environment;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
