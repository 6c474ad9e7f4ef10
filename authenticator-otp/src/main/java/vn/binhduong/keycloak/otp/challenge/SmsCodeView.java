package vn.binhduong.keycloak.otp.challenge;

/**
 * What an SMS code page shows, under the one form attribute {@value #ATTRIBUTE} that the {@code bd-sms-code.ftl}
 * macro reads: made by {@link SmsCodeChallenge#view}, so the login step, the reset and the phone registration render
 * the same state the same way. JavaBean getters, for FreeMarker.
 */
public final class SmsCodeView {

    public static final String ATTRIBUTE = "bdSmsCode";

    private final String maskedPhone;
    private final int secondsLeft;
    private final int cooldownSeconds;
    private final int resendsLeft;
    private final boolean started;
    private final int codeLength;

    SmsCodeView(String maskedPhone, int secondsLeft, int cooldownSeconds, int resendsLeft, boolean started, int codeLength) {
        this.maskedPhone = maskedPhone;
        this.secondsLeft = secondsLeft;
        this.cooldownSeconds = cooldownSeconds;
        this.resendsLeft = resendsLeft;
        this.started = started;
        this.codeLength = codeLength;
    }

    /** The phone the code went to, masked; empty for a page that must not show it (the reset). */
    public String getPhone() {
        return maskedPhone == null ? "" : maskedPhone;
    }

    /** Seconds the current code stays valid; 0 when there is none. */
    public int getSecondsLeft() {
        return secondsLeft;
    }

    /** Seconds before "Gửi lại" works again. */
    public int getCooldownSeconds() {
        return cooldownSeconds;
    }

    public int getResendsLeft() {
        return resendsLeft;
    }

    /** Whether a code was sent in this flow: the button then says "Gửi lại", else "Thử gửi lại". */
    public boolean isStarted() {
        return started;
    }

    /** Whether a send may still be asked for once the cooldown is over. */
    public boolean isCanResend() {
        return !started || resendsLeft > 0;
    }

    public int getCodeLength() {
        return codeLength;
    }
}
