package vn.binhduong.keycloak.otp.authenticator;

import java.util.Arrays;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;
import vn.binhduong.keycloak.otp.phone.OtpPhoneCredentialModel;

/** The {@code sms-otp} step, configured per execution in the admin console. */
public class SmsOtpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "sms-otp";

    public static final String CONF_LIFETIME = "lifetime";
    public static final String CONF_CODE_LENGTH = "codeLength";
    public static final String CONF_MAX_ATTEMPTS = "maxAttempts";
    public static final String CONF_RESEND_COOLDOWN = "resendCooldown";
    public static final String CONF_MAX_RESENDS = "maxResends";
    public static final String CONF_PHONE_HOURLY_CAP = "phoneHourlyCap";
    public static final String CONF_IP_HOURLY_CAP = "ipHourlyCap";
    public static final String CONF_NO_PHONE = "noPhone";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};

    private final SmsOtpAuthenticator authenticator = new SmsOtpAuthenticator();

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(CONF_CODE_LENGTH).type(ProviderConfigProperty.INTEGER_TYPE).label("Code length")
                .helpText("Digits in a code (4 to 10).").defaultValue(SmsOtpPolicy.DEFAULT.codeLength()).add();
        return codeChallengeProperties(builder, "Resends per login", "How many times a user may ask for a new code in one login.")
                .property().name(CONF_NO_PHONE).type(ProviderConfigProperty.LIST_TYPE).label("User without OTP phone")
                .helpText("REFUSE: stop the login with a message. REGISTER_PHONE: go on and make the user register a phone.")
                .options(Arrays.stream(NoPhonePolicy.values()).map(Enum::name).toList())
                .defaultValue(NoPhonePolicy.REFUSE.name()).add()
                .build();
    }

    /**
     * The settings of an SMS code challenge (lifetime, wrong entries, cooldown, resends, hourly cap per phone), under
     * the same keys wherever a challenge is configured, so the login step, the reset and the phone registration read
     * them alike.
     */
    public static ProviderConfigurationBuilder codeChallengeProperties(ProviderConfigurationBuilder builder,
                                                                       String resendsLabel, String resendsHelp) {
        SmsOtpPolicy d = SmsOtpPolicy.DEFAULT;
        return builder
                .property().name(CONF_LIFETIME).type(ProviderConfigProperty.INTEGER_TYPE).label("Code lifetime (s)")
                .helpText("Seconds a code stays valid.").defaultValue(d.lifetimeSeconds()).add()
                .property().name(CONF_MAX_ATTEMPTS).type(ProviderConfigProperty.INTEGER_TYPE).label("Wrong entries per code")
                .helpText("After this many wrong entries the code is void and a new one is needed.").defaultValue(d.maxAttempts()).add()
                .property().name(CONF_RESEND_COOLDOWN).type(ProviderConfigProperty.INTEGER_TYPE).label("Resend cooldown (s)")
                .helpText("Seconds after a send before 'Gửi lại' works again.").defaultValue(d.resendCooldownSeconds()).add()
                .property().name(CONF_MAX_RESENDS).type(ProviderConfigProperty.INTEGER_TYPE).label(resendsLabel)
                .helpText(resendsHelp).defaultValue(d.maxResends()).add()
                .property().name(CONF_PHONE_HOURLY_CAP).type(ProviderConfigProperty.INTEGER_TYPE).label("Sends per phone per hour")
                .helpText("Cluster-wide cap of SMS sent to one phone (in the reset: for one ID number) in an hour. A login"
                        + " whose password passed counts apart from the anonymous flows (reset, a number being registered),"
                        + " so strangers cannot use up an official's login codes.")
                .defaultValue(d.phoneHourlyCap()).add();
    }

    /**
     * The per-client-IP cap, for the flows anyone can start (the reset, a number being registered). A login whose
     * password passed has none, so an office behind one NAT address keeps its codes during a DVCQG outage.
     */
    public static ProviderConfigurationBuilder ipCapProperty(ProviderConfigurationBuilder builder) {
        return builder
                .property().name(CONF_IP_HOURLY_CAP).type(ProviderConfigProperty.INTEGER_TYPE).label("Sends per client IP per hour")
                .helpText("Cluster-wide cap of SMS requested from one client IP in an hour, counted together for the reset"
                        + " and the phone registration. The IP is the one Keycloak resolves: behind a proxy, set"
                        + " --proxy-headers with --proxy-trusted-addresses.")
                .defaultValue(SmsOtpPolicy.DEFAULT.ipHourlyCap()).add();
    }

    @Override
    public String getDisplayType() {
        return "SMS OTP";
    }

    @Override
    public String getHelpText() {
        return "Sends a one-time code by SMS to the user's OTP phone and checks it; use after a first factor.";
    }

    @Override
    public String getReferenceCategory() {
        // The credential it uses: Keycloak lists a credential type in the account console only when a flow step
        // refers to it.
        return OtpPhoneCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
