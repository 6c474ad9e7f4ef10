package vn.binhduong.keycloak.reset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.binhduong.keycloak.otp.phone.OtpPhoneCredentialModel;

/** Step 1 of the reset on a fake flow context (Mockito): what each kind of account gets, and what bad input looks up. */
class ResetIdNumberAuthenticatorTest {

    private static final String ID = "079197001234";

    private final FakeResetFlow flow = new FakeResetFlow();
    private final KeycloakSession session = flow.session;
    private final RealmModel realm = flow.realm;
    private final AuthenticationFlowContext context = flow.context;
    private final AuthenticationSessionModel authSession = flow.authSession;
    private final EventBuilder event = flow.event;
    private final UserProvider users = mock(UserProvider.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final ResetIdNumberAuthenticator step = new ResetIdNumberAuthenticator();

    @BeforeEach
    void keycloaksUsersAndBruteForceProtector() {
        when(context.getProtector()).thenReturn(protector);
        when(session.users()).thenReturn(users);
    }

    private UserModel official(boolean enabled, boolean withPhone) {
        UserModel user = mock(UserModel.class, RETURNS_DEEP_STUBS);
        when(user.getId()).thenReturn("user-1");
        when(user.getUsername()).thenReturn(ID);
        when(user.isEnabled()).thenReturn(enabled);
        when(user.credentialManager().getStoredCredentialsByTypeStream(OtpPhoneCredentialModel.TYPE))
                .thenAnswer(call -> withPhone ? Stream.of(OtpPhoneCredentialModel.create("+84912345678", true)) : Stream.empty());
        when(users.getUserByUsername(realm, ID)).thenReturn(user);
        return user;
    }

    private void submit(String typed) {
        flow.formData.putSingle(ResetIdNumberAuthenticator.FIELD_ID, typed);
        step.action(context);
    }

    @Test
    void aMalformedIdNumberGetsItsMessageAndLooksNothingUp() {
        submit("07919700123A");

        verify(event).error(ResetEvents.ERROR_INVALID_ID);
        verify(context).challenge(flow.page);
        verify(session, never()).users();
        verify(context, never()).success();
    }

    @Test
    void anAccountWithAPhoneIsTheOneACodeMayBeSentTo() {
        official(true, true);

        submit("0791 9700 1234");

        verify(authSession).setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, ID);
        verify(authSession).setAuthNote(ResetIdNumberAuthenticator.NOTE_ACCOUNT, "user-1");
        verify(event).success();
        verify(context).clearUser();
        verify(context).success();
    }

    @Test
    void anUnknownIdNumberGoesOnLikeARealOneWithNothingToSend() {
        submit(ID);

        verify(authSession).removeAuthNote(ResetIdNumberAuthenticator.NOTE_ACCOUNT);
        verify(authSession, never()).setAuthNote(eq(ResetIdNumberAuthenticator.NOTE_ACCOUNT), any());
        verify(event).error(Errors.USER_NOT_FOUND);
        verify(context).success();
    }

    @Test
    void anAccountLockedByBruteForceDetectionGetsTheDecoyPathWithKeycloaksReason() {
        UserModel user = official(true, true);
        when(protector.isTemporarilyDisabled(session, realm, user)).thenReturn(true);

        submit(ID);

        verify(authSession, never()).setAuthNote(eq(ResetIdNumberAuthenticator.NOTE_ACCOUNT), any());
        verify(event).error(Errors.USER_TEMPORARILY_DISABLED);
        verify(context).success();
    }

    @Test
    void aPermanentLockoutReadsAsKeycloaksOwnLoginStepsRecordIt() {
        UserModel user = official(true, true);
        when(protector.isPermanentlyLockedOut(session, realm, user)).thenReturn(true);

        submit(ID);

        verify(authSession, never()).setAuthNote(eq(ResetIdNumberAuthenticator.NOTE_ACCOUNT), any());
        verify(event).error(Errors.USER_DISABLED);
    }

    @Test
    void aDisabledAccountOrOneWithoutPhoneGetsNothing() {
        official(false, true);
        submit(ID);
        verify(event).error(Errors.USER_DISABLED);

        official(true, false);
        submit(ID);
        verify(event).error(ResetEvents.ERROR_NO_PHONE);
        verify(authSession, never()).setAuthNote(eq(ResetIdNumberAuthenticator.NOTE_ACCOUNT), any());
    }
}
