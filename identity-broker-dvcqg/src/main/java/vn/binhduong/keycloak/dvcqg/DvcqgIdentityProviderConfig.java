package vn.binhduong.keycloak.dvcqg;

import java.util.Locale;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;

/**
 * The DVCQG settings as the admin console stores them. The OIDC URL getters are derived from the environment
 * (or a custom base URL) and the endpoint paths, so Keycloak's OIDC machinery calls the right place.
 */
public final class DvcqgIdentityProviderConfig extends OIDCIdentityProviderConfig {

    static final String CONF_ENVIRONMENT = "bd.dvcqg.environment";
    static final String CONF_BASE_URL = "bd.dvcqg.baseUrl";
    static final String CONF_AUTHORIZATION_PATH = "bd.dvcqg.authorizationPath";
    static final String CONF_TOKEN_PATH = "bd.dvcqg.tokenPath";
    static final String CONF_USERINFO_PATH = "bd.dvcqg.userInfoPath";
    static final String CONF_LOGOUT_URL = "bd.dvcqg.logoutUrl";
    static final String CONF_ACR_VALUES = "bd.dvcqg.acrValues";
    static final String CONF_USERINFO_METHOD = "bd.dvcqg.userInfoMethod";
    static final String CONF_CONNECT_TIMEOUT_MS = "bd.dvcqg.connectTimeoutMs";
    static final String CONF_READ_TIMEOUT_MS = "bd.dvcqg.readTimeoutMs";
    static final String CONF_VALIDATE_ID_TOKEN = "bd.dvcqg.validateIdToken";
    static final String CONF_MIN_LEVEL = "bd.dvcqg.minLevel";

    /** Followed by a claim's default name: the key holding the name DVCQG uses, see {@link DvcqgClaim}. */
    static final String CONF_CLAIM_PREFIX = "bd.dvcqg.claim.";

    static final String DEFAULT_AUTHORIZATION_PATH = "/oauth2/authorize";
    static final String DEFAULT_TOKEN_PATH = "/oauth2/token";
    static final String DEFAULT_USERINFO_PATH = "/oauth2/userinfo";
    static final String DEFAULT_LOGOUT_PATH = "/oidc/logout";
    static final String DEFAULT_ACR_VALUES = "LoA1";
    static final int DEFAULT_TIMEOUT_MS = 10_000;
    private static final int MAX_TIMEOUT_MS = 120_000;
    /** 0: any level, and none; LoA levels go up to 3, room is left for more. */
    static final int MAX_LEVEL = 9;

    enum UserInfoMethod {
        GET, POST
    }

    public DvcqgIdentityProviderConfig() {
    }

    public DvcqgIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    DvcqgEnvironment environment() {
        String value = getConfig().getOrDefault(CONF_ENVIRONMENT, DvcqgEnvironment.PRODUCTION.name());
        try {
            return DvcqgEnvironment.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONF_ENVIRONMENT + " must be one of PRODUCTION, TEST, CUSTOM");
        }
    }

    String baseUrl() {
        String base = environment().baseUrl(getConfig().get(CONF_BASE_URL));
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException(CONF_BASE_URL + " is required for the CUSTOM environment");
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A path is joined to the base URL; an absolute URL is taken as it is. */
    private String endpoint(String key, String defaultPath) {
        String value = getConfig().get(key);
        String path = value == null || value.isBlank() ? defaultPath : value.trim();
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    @Override
    public String getAuthorizationUrl() {
        return endpoint(CONF_AUTHORIZATION_PATH, DEFAULT_AUTHORIZATION_PATH);
    }

    @Override
    public String getTokenUrl() {
        return endpoint(CONF_TOKEN_PATH, DEFAULT_TOKEN_PATH);
    }

    @Override
    public String getUserInfoUrl() {
        return endpoint(CONF_USERINFO_PATH, DEFAULT_USERINFO_PATH);
    }

    @Override
    public String getLogoutUrl() {
        return endpoint(CONF_LOGOUT_URL, DEFAULT_LOGOUT_PATH);
    }

    String acrValues() {
        return getConfig().getOrDefault(CONF_ACR_VALUES, DEFAULT_ACR_VALUES).trim();
    }

    UserInfoMethod userInfoMethod() {
        String value = getConfig().getOrDefault(CONF_USERINFO_METHOD, UserInfoMethod.GET.name());
        try {
            return UserInfoMethod.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONF_USERINFO_METHOD + " must be GET or POST");
        }
    }

    int connectTimeoutMs() {
        return timeout(CONF_CONNECT_TIMEOUT_MS);
    }

    int readTimeoutMs() {
        return timeout(CONF_READ_TIMEOUT_MS);
    }

    private int timeout(String key) {
        String value = getConfig().get(key);
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT_MS;
        }
        try {
            int ms = Integer.parseInt(value.trim());
            if (ms < 1 || ms > MAX_TIMEOUT_MS) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds between 1 and " + MAX_TIMEOUT_MS);
        }
    }

    /**
     * The lowest level of assurance accepted (see {@link DvcqgAssuranceLevel}); 0, the default, accepts any account,
     * also one whose answer names no level.
     */
    int minLevel() {
        String value = getConfig().get(CONF_MIN_LEVEL);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int level = Integer.parseInt(value.trim());
            if (level < 0 || level > MAX_LEVEL) {
                throw new NumberFormatException();
            }
            return level;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CONF_MIN_LEVEL + " must be a level between 0 and " + MAX_LEVEL);
        }
    }

    /** The userinfo claim names, each overridable in the console since DVCQG publishes no specification. */
    DvcqgClaimNames claimNames() {
        return DvcqgClaimNames.from(getConfig());
    }

    /** Whether an id_token, when DVCQG sends one, is checked: signature (JWKS URL), iss, aud, exp and nonce. */
    boolean validateIdToken() {
        return Boolean.parseBoolean(getConfig().get(CONF_VALIDATE_ID_TOKEN));
    }

    @Override
    public boolean isValidateSignature() {
        return validateIdToken();
    }

    @Override
    public boolean isUseJwksUrl() {
        return true;
    }

    /** A nonce is always sent: a DVCQG id_token that echoes it ties the answer to this browser's login. */
    @Override
    public boolean isDisableNonce() {
        return false;
    }

    /** PKCE unless turned off: it binds DVCQG's code to the browser that started the login. */
    @Override
    public boolean isPkceEnabled() {
        return !"false".equalsIgnoreCase(getConfig().getOrDefault("pkceEnabled", "true").trim());
    }

    @Override
    public String getPkceMethod() {
        String method = getConfig().get("pkceMethod");
        return method == null || method.isBlank() ? "S256" : method;
    }

    @Override
    public void validate(org.keycloak.models.RealmModel realm) {
        environment();
        baseUrl();
        userInfoMethod();
        connectTimeoutMs();
        readTimeoutMs();
        minLevel();
        super.validate(realm);
    }
}
