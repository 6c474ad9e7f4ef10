package vn.binhduong.keycloak.identifiers;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers as this extension keeps them: E.164, Vietnam the default region; OTP phones are mobiles only. */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "VN";

    private PhoneNumbers() {
    }

    /** The E.164 form of a mobile number typed in any usual way ({@code 0912 345 678}, {@code +84912345678}). */
    public static Optional<String> normalizeMobile(String raw) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        return parse(raw).filter(util::isValidNumber).filter(number -> {
            PhoneNumberType type = util.getNumberType(number);
            return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }).map(PhoneNumbers::e164);
    }

    /**
     * The E.164 form of a valid Vietnamese number of any kind (mobile or landline), written as a directory gives
     * it ({@code 0274 3822 222}, {@code 84912345678}, {@code +84…}); a foreign or impossible number gives none.
     */
    public static Optional<String> normalizeVietnamese(String raw) {
        return parse(raw).filter(number -> PhoneNumberUtil.getInstance().isValidNumberForRegion(number, DEFAULT_REGION))
                .map(PhoneNumbers::e164);
    }

    private static Optional<PhoneNumber> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumberUtil.getInstance().parse(raw.trim(), DEFAULT_REGION));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String e164(PhoneNumber number) {
        return PhoneNumberUtil.getInstance().format(number, PhoneNumberFormat.E164);
    }

    /** The number as its owner reads it: national form for Vietnam ({@code 0912 345 678}), international otherwise. */
    public static String display(String phoneE164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = util.parse(phoneE164, DEFAULT_REGION);
            boolean home = DEFAULT_REGION.equals(util.getRegionCodeForNumber(number));
            return util.format(number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return phoneE164;
        }
    }

    /**
     * What a page or a log line may show: the country code, the first two and the last three digits of the
     * national number ({@code +84 32****565}).
     */
    public static String mask(String phoneE164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = util.parse(phoneE164, DEFAULT_REGION);
            String national = util.getNationalSignificantNumber(number);
            if (national.length() < 6) {
                return "+" + number.getCountryCode() + " " + "*".repeat(national.length());
            }
            return "+" + number.getCountryCode() + " " + national.substring(0, 2)
                    + "*".repeat(national.length() - 5) + national.substring(national.length() - 3);
        } catch (NumberParseException e) {
            return "***";
        }
    }
}
