package vn.binhduong.keycloak.otp.sender.http;

/** How a gateway wants the receiver written. */
enum PhoneFormat {
    /** {@code +84912345678} */
    E164,
    /** {@code 0912345678}: Vietnamese gateways' national form. */
    NATIONAL,
    /** {@code 84912345678}: E.164 without the {@code +} (Viettel, FPT, VMG, SpeedSMS). */
    INTERNATIONAL;

    String format(String phoneE164) {
        return switch (this) {
            case E164 -> phoneE164;
            case NATIONAL -> phoneE164.startsWith("+84") ? "0" + phoneE164.substring(3) : phoneE164;
            case INTERNATIONAL -> phoneE164.startsWith("+") ? phoneE164.substring(1) : phoneE164;
        };
    }
}
