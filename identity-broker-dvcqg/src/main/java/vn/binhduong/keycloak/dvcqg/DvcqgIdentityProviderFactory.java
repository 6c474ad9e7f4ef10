package vn.binhduong.keycloak.dvcqg;

import java.util.Arrays;
import java.util.List;

import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** "Cổng Dịch vụ công Quốc gia" in the admin console's list of identity providers. */
public final class DvcqgIdentityProviderFactory extends AbstractIdentityProviderFactory<DvcqgIdentityProvider> {

    /**
     * Without the {@code bd-} prefix, the one id that keeps version 1.0's name: Keycloak cannot change the type of
     * a stored identity provider (its storage's update leaves the type as it was) and removing and re-creating the
     * provider would delete every user's link to DVCQG and the provider's mappers.
     */
    public static final String PROVIDER_ID = "dvcqg";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "Cổng Dịch vụ công Quốc gia (DVCQG / VNeID)";
    }

    @Override
    public DvcqgIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new DvcqgIdentityProvider(session, new DvcqgIdentityProviderConfig(model));
    }

    @Override
    public DvcqgIdentityProviderConfig createConfig() {
        return new DvcqgIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(DvcqgIdentityProviderConfig.CONF_ENVIRONMENT).type(ProviderConfigProperty.LIST_TYPE)
                .label("Environment").helpText("PRODUCTION (xacthuc.dichvucong.gov.vn), TEST (testxacthuc.dichvucong.gov.vn) or CUSTOM (base URL below).")
                .options(Arrays.stream(DvcqgEnvironment.values()).map(Enum::name).toList())
                .defaultValue(DvcqgEnvironment.PRODUCTION.name()).add()
                .property().name(DvcqgIdentityProviderConfig.CONF_BASE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("Custom base URL").helpText("Base URL of DVCQG's identity server when the environment is CUSTOM.").add()
                .property().name(DvcqgIdentityProviderConfig.CONF_AUTHORIZATION_PATH).type(ProviderConfigProperty.STRING_TYPE)
                .label("Authorization path").helpText("Path under the base URL, or an absolute URL.")
                .defaultValue(DvcqgIdentityProviderConfig.DEFAULT_AUTHORIZATION_PATH).add()
                .property().name(DvcqgIdentityProviderConfig.CONF_TOKEN_PATH).type(ProviderConfigProperty.STRING_TYPE)
                .label("Token path").helpText("Path under the base URL, or an absolute URL.")
                .defaultValue(DvcqgIdentityProviderConfig.DEFAULT_TOKEN_PATH).add()
                .property().name(DvcqgIdentityProviderConfig.CONF_USERINFO_PATH).type(ProviderConfigProperty.STRING_TYPE)
                .label("Userinfo path").helpText("Path under the base URL, or an absolute URL.")
                .defaultValue(DvcqgIdentityProviderConfig.DEFAULT_USERINFO_PATH).add()
                .property().name(DvcqgIdentityProviderConfig.CONF_LOGOUT_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("Logout path").helpText("DVCQG's end-session endpoint: a path under the base URL, or an absolute URL.")
                .defaultValue(DvcqgIdentityProviderConfig.DEFAULT_LOGOUT_PATH).add()
                .property().name("clientId").type(ProviderConfigProperty.STRING_TYPE)
                .label("Client ID").helpText("The client id DVCQG issued to the province.").required(true).add()
                .property().name("clientSecret").type(ProviderConfigProperty.PASSWORD)
                .label("Client secret").helpText("The client secret, or a vault reference such as ${vault.dvcqg_secret}.")
                .secret(true).required(true).add()
                .property().name("clientAuthMethod").type(ProviderConfigProperty.LIST_TYPE)
                .label("Client authentication").helpText("How the token request carries the client credentials.")
                .options("client_secret_post", "client_secret_basic").defaultValue("client_secret_post").add()
                .property().name("defaultScope").type(ProviderConfigProperty.STRING_TYPE)
                .label("Scopes").helpText("Space-separated scopes asked for.").defaultValue("openid").add()
                .property().name(DvcqgIdentityProviderConfig.CONF_ACR_VALUES).type(ProviderConfigProperty.STRING_TYPE)
                .label("acr_values").helpText("Level of assurance asked for; empty sends none.")
                .defaultValue(DvcqgIdentityProviderConfig.DEFAULT_ACR_VALUES).add()
                .property().name(DvcqgIdentityProviderConfig.CONF_MIN_LEVEL).type(ProviderConfigProperty.LIST_TYPE)
                .label("Minimum level of assurance").helpText("Lowest level an account must have in DVCQG's answer "
                        + "(claims loAs and, where present, VNeID's IAL: LoA2 is level 2). 0 accepts any account.")
                .options("0", "1", "2", "3").defaultValue("0").add()
                .property().name("pkceEnabled").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("PKCE").helpText("Send a PKCE S256 code challenge: binds DVCQG's code to the browser that started the login.").defaultValue("true").add()
                .property().name(DvcqgIdentityProviderConfig.CONF_USERINFO_METHOD).type(ProviderConfigProperty.LIST_TYPE)
                .label("Userinfo method").helpText("HTTP method of the userinfo call.")
                .options(Arrays.stream(DvcqgIdentityProviderConfig.UserInfoMethod.values()).map(Enum::name).toList())
                .defaultValue(DvcqgIdentityProviderConfig.UserInfoMethod.GET.name()).add()
                .property().name(DvcqgIdentityProviderConfig.CONF_CONNECT_TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Connect timeout (ms)").helpText("Longest wait to connect to DVCQG.")
                .defaultValue(String.valueOf(DvcqgIdentityProviderConfig.DEFAULT_TIMEOUT_MS)).add()
                .property().name(DvcqgIdentityProviderConfig.CONF_READ_TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Read timeout (ms)").helpText("Longest wait for DVCQG's answer.")
                .defaultValue(String.valueOf(DvcqgIdentityProviderConfig.DEFAULT_TIMEOUT_MS)).add()
                .property().name("backchannelSupported").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Logout from the server").helpText("Call DVCQG's logout URL from Keycloak; when off, the browser is sent there.")
                .defaultValue("true").add()
                .property().name(DvcqgIdentityProviderConfig.CONF_VALIDATE_ID_TOKEN).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Validate id_token").helpText("Check an id_token when one comes: signature against the JWKS URL, iss, aud, exp and nonce.")
                .defaultValue("false").add()
                .property().name("jwksUrl").type(ProviderConfigProperty.STRING_TYPE)
                .label("JWKS URL").helpText("Keys that sign DVCQG's id_token.").add()
                .property().name("issuer").type(ProviderConfigProperty.STRING_TYPE)
                .label("Issuer").helpText("Expected iss of the id_token.").add();
        // DVCQG publishes no specification: every claim the broker reads can be renamed here.
        for (DvcqgClaim claim : DvcqgClaim.values()) {
            builder.property().name(claim.configKey()).type(ProviderConfigProperty.STRING_TYPE)
                    .label("Claim " + claim.defaultName()).helpText("Name of the userinfo claim. " + claim.help())
                    .defaultValue(claim.defaultName()).add();
        }
        return builder.build();
    }
}
