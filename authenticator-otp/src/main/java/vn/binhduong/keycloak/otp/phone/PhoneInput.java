package vn.binhduong.keycloak.otp.phone;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import vn.binhduong.keycloak.identifiers.PhoneNumbers;

/**
 * A number a person typed with a country chosen beside it, checked with libphonenumber: either its E.164 form or
 * the one reason it is refused, so the page can say exactly what is wrong.
 */
public record PhoneInput(String phoneE164, Refusal refusal) {

    /** Why a typed number is refused; each has its own message key. */
    public enum Refusal {
        EMPTY("bdOtpPhoneEmpty"),
        LETTERS("bdOtpPhoneLetters"),
        TOO_SHORT("bdOtpPhoneTooShort"),
        TOO_LONG("bdOtpPhoneTooLong"),
        FOREIGN("bdOtpPhoneForeign"),
        LANDLINE("bdOtpPhoneLandline"),
        NOT_MOBILE("bdOtpPhoneNotMobile"),
        INVALID("bdOtpPhoneInvalid");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** What people type around digits: spaces, dots, dashes, brackets and a leading plus. */
    private static final Pattern TYPED = Pattern.compile("[0-9 .()+\\-]+");

    public static PhoneInput accepted(String phoneE164) {
        return new PhoneInput(phoneE164, null);
    }

    public static PhoneInput refused(Refusal refusal) {
        return new PhoneInput(null, refusal);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phoneE164);
    }

    /**
     * @param region the country chosen in the selector (ISO 3166 code, e.g. {@code VN}); a number typed with
     *               {@code +} keeps its own country
     */
    public static PhoneInput parse(String region, String typed, boolean allowForeign) {
        String raw = typed == null ? "" : typed.strip();
        if (raw.isEmpty()) {
            return refused(Refusal.EMPTY);
        }
        if (!TYPED.matcher(raw).matches()) {
            return refused(Refusal.LETTERS);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String chosen = region == null || region.isBlank() ? PhoneNumbers.DEFAULT_REGION : region.strip().toUpperCase();
        PhoneNumber number;
        try {
            number = util.parse(raw, chosen);
        } catch (NumberParseException e) {
            return refused(switch (e.getErrorType()) {
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> Refusal.TOO_SHORT;
                case TOO_LONG -> Refusal.TOO_LONG;
                default -> Refusal.INVALID;
            });
        }
        switch (util.isPossibleNumberWithReason(number)) {
            case TOO_SHORT:
                return refused(Refusal.TOO_SHORT);
            case TOO_LONG:
                return refused(Refusal.TOO_LONG);
            case INVALID_COUNTRY_CODE:
                return refused(Refusal.INVALID);
            default:
                break;
        }
        if (!allowForeign && number.getCountryCode() != util.getCountryCodeForRegion(PhoneNumbers.DEFAULT_REGION)) {
            return refused(Refusal.FOREIGN);
        }
        if (!util.isValidNumber(number)) {
            return refused(lengthRefusal(util, number).orElse(Refusal.INVALID));
        }
        PhoneNumberType type = util.getNumberType(number);
        if (type == PhoneNumberType.FIXED_LINE) {
            return refused(Refusal.LANDLINE);
        }
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            return refused(Refusal.NOT_MOBILE);
        }
        return accepted(util.format(number, PhoneNumberFormat.E164));
    }

    /** A number of a length no mobile of its country has: say "too short" or "too long" rather than "invalid". */
    private static Optional<Refusal> lengthRefusal(PhoneNumberUtil util, PhoneNumber number) {
        PhoneNumber example = util.getExampleNumberForType(util.getRegionCodeForCountryCode(number.getCountryCode()),
                PhoneNumberType.MOBILE);
        if (example == null) {
            return Optional.empty();
        }
        int expected = util.getNationalSignificantNumber(example).length();
        int actual = util.getNationalSignificantNumber(number).length();
        return actual < expected ? Optional.of(Refusal.TOO_SHORT)
                : actual > expected ? Optional.of(Refusal.TOO_LONG) : Optional.empty();
    }
}
