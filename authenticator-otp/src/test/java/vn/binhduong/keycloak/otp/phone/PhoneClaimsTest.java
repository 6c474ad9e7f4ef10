package vn.binhduong.keycloak.otp.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

class PhoneClaimsTest {

    private final Map<String, String> attributes = new HashMap<>();
    private final UserModel user = (UserModel) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {UserModel.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getFirstAttribute" -> attributes.get((String) args[0]);
                case "setSingleAttribute" -> attributes.put((String) args[0], (String) args[1]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aProvenNumberReplacesDvcqgsUnverifiedOneAndIsVerified() {
        attributes.put(PhoneClaims.ATTR_NUMBER, "+84912345678");
        attributes.put(PhoneClaims.ATTR_VERIFIED, "false");

        PhoneClaims.proven(user, "+84326926565");

        assertThat(attributes).containsEntry(PhoneClaims.ATTR_NUMBER, "+84326926565")
                .containsEntry(PhoneClaims.ATTR_VERIFIED, "true");
    }

    @Test
    void deletingTheVerifiedNumbersPhoneUnverifiesIt() {
        PhoneClaims.proven(user, "+84326926565");

        PhoneClaims.keepVerifiedOnlyIfHeld(user, List.of("+84912345678"));

        assertThat(attributes).containsEntry(PhoneClaims.ATTR_NUMBER, "+84326926565")
                .containsEntry(PhoneClaims.ATTR_VERIFIED, "false");
    }

    @Test
    void deletingAnotherPhoneKeepsTheNumberVerified() {
        PhoneClaims.proven(user, "+84326926565");

        PhoneClaims.keepVerifiedOnlyIfHeld(user, List.of("+84326926565"));

        assertThat(attributes).containsEntry(PhoneClaims.ATTR_VERIFIED, "true");
    }
}
