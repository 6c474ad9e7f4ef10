package vn.binhduong.keycloak.otp.challenge;

import java.security.SecureRandom;

/** Uniform decimal codes from {@link SecureRandom}, leading zeros kept. */
public final class CodeGenerator {

    private final SecureRandom random;

    public CodeGenerator(SecureRandom random) {
        this.random = random;
    }

    public String next(int length) {
        if (length < 4 || length > 10) {
            throw new IllegalArgumentException("code length must be 4 to 10, was " + length);
        }
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }
}
