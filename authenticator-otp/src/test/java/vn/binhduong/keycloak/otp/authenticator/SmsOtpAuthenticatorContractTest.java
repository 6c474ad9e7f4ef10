package vn.binhduong.keycloak.otp.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;

import vn.binhduong.keycloak.otp.phone.OtpPhoneCredentialModel;

/** What Keycloak asks the sms-otp step about a user (configuredFor, setRequiredActions), on a fake user. */
class SmsOtpAuthenticatorContractTest {

    private final SmsOtpAuthenticator authenticator = new SmsOtpAuthenticator();

    private static final class FakeUser {
        final List<CredentialModel> phones = new ArrayList<>();
        final List<String> requiredActions = new ArrayList<>();

        final UserModel model = (UserModel) Proxy.newProxyInstance(FakeUser.class.getClassLoader(),
                new Class<?>[] {UserModel.class}, (self, method, args) -> switch (method.getName()) {
                    case "credentialManager" -> credentials();
                    case "getRequiredActionsStream" -> requiredActions.stream();
                    case "addRequiredAction" -> {
                        requiredActions.add((String) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException("UserModel." + method.getName());
                });

        private SubjectCredentialManager credentials() {
            return (SubjectCredentialManager) Proxy.newProxyInstance(FakeUser.class.getClassLoader(),
                    new Class<?>[] {SubjectCredentialManager.class}, (self, method, args) -> switch (method.getName()) {
                        case "getStoredCredentialsByTypeStream" ->
                                phones.stream().filter(phone -> phone.getType().equals(args[0]));
                        default -> throw new UnsupportedOperationException("SubjectCredentialManager." + method.getName());
                    });
        }
    }

    @Test
    void configuredOnlyForAUserWithAnOtpPhone() {
        FakeUser user = new FakeUser();
        assertThat(authenticator.configuredFor(null, null, user.model)).isFalse();

        user.phones.add(OtpPhoneCredentialModel.create("+84912345678", true));

        assertThat(authenticator.configuredFor(null, null, user.model)).isTrue();
    }

    @Test
    void setUpMeansThePhoneRegistrationOnce() {
        FakeUser user = new FakeUser();

        authenticator.setRequiredActions(null, null, user.model);
        authenticator.setRequiredActions(null, null, user.model);

        assertThat(user.requiredActions).containsExactly(SmsOtpAuthenticator.REGISTER_PHONE_ACTION);
    }
}
