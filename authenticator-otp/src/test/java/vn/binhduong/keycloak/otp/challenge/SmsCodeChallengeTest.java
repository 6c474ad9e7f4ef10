package vn.binhduong.keycloak.otp.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.SendResult;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.VerifyResult;
import vn.binhduong.keycloak.otp.sender.SmsSendException;

/** The challenge's rules on a fake session; the clock moves through Keycloak's {@link Time} offset, never a sleep. */
class SmsCodeChallengeTest {

    private static final String PHONE = "+84912345678";
    private static final Pattern CODE_IN_TEXT = Pattern.compile("Ma (\\d+), hieu luc (\\d+) giay");
    private static final SmsOtpPolicy POLICY = new SmsOtpPolicy(6, 120, 3, 60, 2, 5, 20);

    private final FakeKeycloak keycloak = new FakeKeycloak();
    private final List<String> sentTexts = new ArrayList<>();
    private boolean gatewayDown;

    @AfterEach
    void clockBack() {
        Time.setOffset(0);
    }

    private SmsCodeChallenge challenge(SmsOtpPolicy policy) {
        return new SmsCodeChallenge(keycloak.session, keycloak.realm, keycloak.authSession, policy, (phone, text, code) -> {
            if (gatewayDown) {
                throw new SmsSendException("gateway down", false);
            }
            sentTexts.add(text);
        });
    }

    private SendResult sendFirst(SmsCodeChallenge challenge) {
        return challenge.sendFirst(PHONE, SendBudget.provenLogin(PHONE), FakeKeycloak.VIETNAMESE);
    }

    private SendResult resend(SmsCodeChallenge challenge) {
        return challenge.resend(PHONE, SendBudget.provenLogin(PHONE), FakeKeycloak.VIETNAMESE);
    }

    private String lastCode() {
        Matcher matcher = CODE_IN_TEXT.matcher(sentTexts.get(sentTexts.size() - 1));
        assertThat(matcher.matches()).isTrue();
        return matcher.group(1);
    }

    @Test
    void aSentCodeIsKeptOnlyAsAHashAndTheTextCarriesTheCodeAndLifetime() {
        SmsCodeChallenge challenge = challenge(POLICY);

        assertThat(sendFirst(challenge)).isEqualTo(SendResult.SENT);

        Matcher matcher = CODE_IN_TEXT.matcher(sentTexts.get(0));
        assertThat(matcher.matches()).isTrue();
        assertThat(matcher.group(1)).hasSize(6);
        assertThat(matcher.group(2)).isEqualTo("120");
        assertThat(keycloak.authNotes.values()).doesNotContain(matcher.group(1));
        assertThat(challenge.started()).isTrue();
    }

    @Test
    void theRightCodeOpensOnceAndClearsTheNotes() {
        SmsCodeChallenge challenge = challenge(POLICY);
        sendFirst(challenge);
        String code = lastCode();

        assertThat(challenge.verify(" " + code.substring(0, 3) + " " + code.substring(3)).result()).isEqualTo(VerifyResult.VALID);

        assertThat(keycloak.authNotes).isEmpty();
        assertThat(challenge.verify(code).result()).isEqualTo(VerifyResult.NO_CODE);
    }

    @Test
    void wrongEntriesUpToTheCapThenTheCodeIsVoidEvenForTheRightCode() {
        SmsCodeChallenge challenge = challenge(POLICY);
        sendFirst(challenge);
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThat(challenge.verify(wrong).attempt()).isEqualTo(1);
        assertThat(challenge.verify(null).result()).isEqualTo(VerifyResult.INVALID);
        SmsCodeChallenge.Verification last = challenge.verify(wrong);

        assertThat(last.result()).isEqualTo(VerifyResult.LOCKED);
        assertThat(last.evaluated()).isTrue();
        assertThat(challenge.verify(code).result()).isEqualTo(VerifyResult.NO_CODE);
    }

    @Test
    void aCodeExpiresAtItsLifetime() {
        SmsCodeChallenge challenge = challenge(POLICY);
        sendFirst(challenge);
        String code = lastCode();

        Time.setOffset(119);
        assertThat(challenge.view(PHONE).getSecondsLeft()).isEqualTo(1);
        Time.setOffset(120);

        assertThat(challenge.view(PHONE).getSecondsLeft()).isZero();
        assertThat(challenge.verify(code).result()).isEqualTo(VerifyResult.EXPIRED);
    }

    @Test
    void resendWaitsForTheCooldownAndStopsAtTheAllowance() {
        SmsCodeChallenge challenge = challenge(POLICY);
        sendFirst(challenge);
        String first = lastCode();

        assertThat(resend(challenge)).isEqualTo(SendResult.COOLDOWN);
        assertThat(sendFirst(challenge)).as("a refresh sends nothing").isEqualTo(SendResult.SENT);
        assertThat(sentTexts).hasSize(1);

        Time.setOffset(60);
        assertThat(resend(challenge)).isEqualTo(SendResult.SENT);
        assertThat(challenge.resendsLeft()).isEqualTo(1);
        assertThat(challenge.verify(first).result()).as("the old code is replaced").isEqualTo(VerifyResult.INVALID);
        Time.setOffset(120);
        assertThat(resend(challenge)).isEqualTo(SendResult.SENT);
        Time.setOffset(180);

        assertThat(resend(challenge)).isEqualTo(SendResult.NO_RESENDS_LEFT);
        assertThat(sentTexts).hasSize(3);
    }

    @Test
    void aFailedSendStartsNothingAndCountsTowardNoCap() {
        SmsOtpPolicy oneSendAnHour = new SmsOtpPolicy(6, 120, 3, 0, 5, 1, 20);
        gatewayDown = true;
        SmsCodeChallenge challenge = challenge(oneSendAnHour);

        assertThat(sendFirst(challenge)).isEqualTo(SendResult.GATEWAY_FAILED);
        assertThat(challenge.lastFailureReason()).isEqualTo("gateway down");
        assertThat(challenge.started()).isFalse();
        assertThat(keycloak.singleUse).isEmpty();

        gatewayDown = false;
        assertThat(sendFirst(challenge)).isEqualTo(SendResult.SENT);
        assertThat(resend(challenge)).isEqualTo(SendResult.PHONE_CAP_REACHED);
    }

    @Test
    void anAnonymousFlowAlsoSpendsThePerIpCap() {
        SmsOtpPolicy oneSendPerIp = new SmsOtpPolicy(6, 120, 3, 0, 5, 5, 1);
        SmsCodeChallenge challenge = challenge(oneSendPerIp);

        assertThat(challenge.sendFirst(PHONE, SendBudget.anonymous("id", "074090000501", "192.0.2.1"), FakeKeycloak.VIETNAMESE))
                .isEqualTo(SendResult.SENT);
        assertThat(challenge.resend(PHONE, SendBudget.anonymous("id", "074090000501", "192.0.2.1"), FakeKeycloak.VIETNAMESE))
                .isEqualTo(SendResult.IP_CAP_REACHED);
        assertThat(challenge.resend(PHONE, SendBudget.provenLogin(PHONE), FakeKeycloak.VIETNAMESE))
                .as("a proven login has no IP cap").isEqualTo(SendResult.SENT);
    }

    @Test
    void theViewShowsTheMaskedPhoneAndTheStateBeforeAndAfterTheFirstSend() {
        SmsCodeChallenge challenge = challenge(POLICY);

        SmsCodeView before = challenge.view(PHONE);
        assertThat(before.isStarted()).isFalse();
        assertThat(before.isCanResend()).isTrue();
        assertThat(before.getSecondsLeft()).isZero();
        assertThat(before.getCooldownSeconds()).isZero();

        sendFirst(challenge);
        SmsCodeView after = challenge.view(PHONE);

        assertThat(after.getPhone()).doesNotContain("12345678").contains("678");
        assertThat(after.isStarted()).isTrue();
        assertThat(after.getSecondsLeft()).isEqualTo(120);
        assertThat(after.getCooldownSeconds()).isEqualTo(60);
        assertThat(after.getResendsLeft()).isEqualTo(2);
        assertThat(after.getCodeLength()).isEqualTo(6);
        assertThat(challenge.view(null).getPhone()).as("the reset shows no phone").isEmpty();
    }

    @Test
    void theViewForbidsAResendOnceTheAllowanceIsSpent() {
        SmsCodeChallenge challenge = challenge(new SmsOtpPolicy(6, 120, 3, 0, 0, 5, 20));
        sendFirst(challenge);

        assertThat(challenge.view(PHONE).isCanResend()).isFalse();
    }

    @Test
    void codesUseEveryDigitInEveryPlaceAndKeepTheirLength() {
        SmsCodeChallenge challenge = challenge(new SmsOtpPolicy(4, 120, 3, 0, 1000, 1000, 20));
        List<Set<Character>> digitsByPlace = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        sendFirst(challenge);
        for (int i = 0; i < 400; i++) {
            resend(challenge);
            String code = lastCode();
            assertThat(code).matches("\\d{4}");
            for (int place = 0; place < 4; place++) {
                digitsByPlace.get(place).add(code.charAt(place));
            }
        }
        // 400 uniform draws miss one of ten digits in a place with a probability below 1e-16.
        digitsByPlace.forEach(digits -> assertThat(digits).hasSize(10));
    }

    @Test
    void everyResultMessageExistsInVietnameseAndEnglish() throws IOException {
        for (String language : List.of("vi", "en")) {
            Properties messages = messages(language);
            assertThat(messages).containsKey(SmsCodeChallenge.SENT_MESSAGE);
            for (SendResult result : SendResult.values()) {
                if (result != SendResult.SENT) {
                    assertThat(messages).as(language + " " + result).containsKey(result.errorMessage());
                }
            }
            for (VerifyResult result : VerifyResult.values()) {
                if (result != VerifyResult.VALID) {
                    assertThat(messages).as(language + " " + result).containsKey(result.errorMessage());
                }
            }
        }
    }

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = SmsCodeChallengeTest.class.getResourceAsStream("/theme-resources/messages/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
