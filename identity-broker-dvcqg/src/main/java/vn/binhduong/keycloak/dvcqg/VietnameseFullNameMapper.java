package vn.binhduong.keycloak.dvcqg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * The {@code name} claim in Vietnamese order, family name first ("Nguyễn Văn An"); {@code given_name} and
 * {@code family_name} are left to Keycloak's own mappers. Runs after Keycloak's "full name" mapper of the
 * {@code profile} scope (higher priority), whose "first last" it replaces.
 */
public class VietnameseFullNameMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "bd-vietnamese-full-name-mapper";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, VietnameseFullNameMapper.class);
    }

    /** The full name from the profile's two fields, family name first; null when both are empty. */
    static String fullName(String familyName, String givenNames) {
        String joined = Stream.of(familyName, givenNames).filter(Objects::nonNull).map(String::trim)
                .filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
        UserModel user = userSession.getUser();
        String name = fullName(user.getLastName(), user.getFirstName());
        if (name != null) {
            token.getOtherClaims().put(IDToken.NAME, name);
        }
    }

    @Override
    public int getPriority() {
        return 10;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Full name, family name first";
    }

    @Override
    public String getHelpText() {
        return "The name claim as Vietnamese names are written: family name, then given names.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
