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
import vn.binhduong.keycloak.otp.settings.IntSetting;

/** The {@value #PROVIDER_ID} step, configured per execution in the admin console. */
public class SmsOtpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-sms-otp";

    // The settings of an SMS code challenge, under the same keys wherever a challenge is configured (this step,
    // the reset's code step, the phone registration), so all three read them alike.
    public static final String CONF_CODE_LENGTH = "bd.smsCode.length";
    public static final String CONF_LIFETIME = "bd.smsCode.lifetime";
    public static final String CONF_MAX_ATTEMPTS = "bd.smsCode.maxAttempts";
    public static final String CONF_RESEND_COOLDOWN = "bd.smsCode.resendCooldown";
    public static final String CONF_MAX_RESENDS = "bd.smsCode.maxResends";
    public static final String CONF_PHONE_HOURLY_CAP = "bd.smsCode.phoneHourlyCap";
    public static final String CONF_IP_HOURLY_CAP = "bd.smsCode.ipHourlyCap";
    public static final String CONF_NO_PHONE = "bd.smsOtp.noPhone";

    public static final IntSetting CODE_LENGTH = new IntSetting(CONF_CODE_LENGTH, SmsOtpPolicy.DEFAULT.codeLength(), 4, 10);
    public static final IntSetting LIFETIME = new IntSetting(CONF_LIFETIME, SmsOtpPolicy.DEFAULT.lifetimeSeconds(), 1, 3600);
    public static final IntSetting MAX_ATTEMPTS = new IntSetting(CONF_MAX_ATTEMPTS, SmsOtpPolicy.DEFAULT.maxAttempts(), 1, 20);
    public static final IntSetting RESEND_COOLDOWN =
            new IntSetting(CONF_RESEND_COOLDOWN, SmsOtpPolicy.DEFAULT.resendCooldownSeconds(), 0, 3600);
    public static final IntSetting MAX_RESENDS = new IntSetting(CONF_MAX_RESENDS, SmsOtpPolicy.DEFAULT.maxResends(), 0, 20);
    public static final IntSetting PHONE_HOURLY_CAP =
            new IntSetting(CONF_PHONE_HOURLY_CAP, SmsOtpPolicy.DEFAULT.phoneHourlyCap(), 1, 1000);
    public static final IntSetting IP_HOURLY_CAP = new IntSetting(CONF_IP_HOURLY_CAP, SmsOtpPolicy.DEFAULT.ipHourlyCap(), 1, 100000);

    /** The challenge's settings every configured challenge has (the per-IP cap only where anyone can start one). */
    public static final List<IntSetting> CODE_CHALLENGE = List.of(LIFETIME, MAX_ATTEMPTS, RESEND_COOLDOWN, MAX_RESENDS,
            PHONE_HOURLY_CAP);

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};

    private final SmsOtpAuthenticator authenticator = new SmsOtpAuthenticator();

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigurationBuilder builder = integer(ProviderConfigurationBuilder.create(), CODE_LENGTH, "Code length",
                "Digits in a code.");
        return codeChallengeProperties(builder, "Resends per login", "How many times a user may ask for a new code in one login.")
                .property().name(CONF_NO_PHONE).type(ProviderConfigProperty.LIST_TYPE).label("User without OTP phone")
                .helpText("REFUSE: stop the login with a message. REGISTER_PHONE: go on and make the user register a phone.")
                .options(Arrays.stream(NoPhonePolicy.values()).map(Enum::name).toList())
                .defaultValue(NoPhonePolicy.REFUSE.name()).add()
                .build();
    }

    /**
     * The properties of {@link #CODE_CHALLENGE} (lifetime, wrong entries, cooldown, resends, hourly cap per phone).
     */
    public static ProviderConfigurationBuilder codeChallengeProperties(ProviderConfigurationBuilder builder,
                                                                       String resendsLabel, String resendsHelp) {
        integer(builder, LIFETIME, "Code lifetime (s)", "Seconds a code stays valid.");
        integer(builder, MAX_ATTEMPTS, "Wrong entries per code",
                "After this many wrong entries the code is void and a new one is needed.");
        integer(builder, RESEND_COOLDOWN, "Resend cooldown (s)", "Seconds after a send before 'Gửi lại' works again.");
        integer(builder, MAX_RESENDS, resendsLabel, resendsHelp);
        return integer(builder, PHONE_HOURLY_CAP, "Sends per phone per hour",
                "Cluster-wide cap of SMS sent to one phone (in the reset: for one ID number) in an hour. A login"
                        + " whose password passed counts apart from the anonymous flows (reset, a number being registered),"
                        + " so strangers cannot use up an official's login codes.");
    }

    /**
     * The per-client-IP cap, for the flows anyone can start (the reset, a number being registered). A login whose
     * password passed has none, so an office behind one NAT address keeps its codes during a DVCQG outage.
     */
    public static ProviderConfigurationBuilder ipCapProperty(ProviderConfigurationBuilder builder) {
        return integer(builder, IP_HOURLY_CAP, "Sends per client IP per hour",
                "Cluster-wide cap of SMS requested from one client IP in an hour, counted together for the reset"
                        + " and the phone registration. The IP is the one Keycloak resolves: behind a proxy, set"
                        + " --proxy-headers with --proxy-trusted-addresses.");
    }

    /** A whole-number property with its bounds in the help text. */
    public static ProviderConfigurationBuilder integer(ProviderConfigurationBuilder builder, IntSetting setting,
                                                       String label, String help) {
        return builder.property().name(setting.key()).type(ProviderConfigProperty.INTEGER_TYPE).label(label)
                .helpText(help + " " + setting.range()).defaultValue(setting.defaultValue()).add();
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
