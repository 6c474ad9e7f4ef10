package vn.binhduong.keycloak.otp.sender.http;

/** How a gateway wants the receiver written. */
enum PhoneFormat {
    /** {@code +84912345678} */
    E164,
    /** {@code 0912345678}: Vietnamese gateways' national form. */
    NATIONAL;

    String format(String phoneE164) {
        if (this == NATIONAL && phoneE164.startsWith("+84")) {
            return "0" + phoneE164.substring(3);
        }
        return phoneE164;
    }
}
