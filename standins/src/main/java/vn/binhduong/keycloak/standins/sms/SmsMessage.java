package vn.binhduong.keycloak.standins.sms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One SMS a stand-in received: the receiver as the gateway got it, and the text. */
public record SmsMessage(String to, String text) {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");

    /** The first run of 4 to 10 digits in the text: the OTP code. */
    public Optional<String> code() {
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
