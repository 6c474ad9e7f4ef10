package vn.binhduong.keycloak.standins.dvcqg;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Signs the stand-in's id_tokens with RS256 and publishes the public key as a JWKS. */
final class IdTokenSigner {

    static final String KEY_ID = "dvcqg-standin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys = rsaKeyPair();
    /** Not in the JWKS: signs the tokens of {@link IdTokenFlaw#FOREIGN_KEY}. */
    private final KeyPair foreignKeys = rsaKeyPair();

    String sign(ObjectNode payload, boolean foreignKey) {
        String header = BASE64URL.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String input = header + "." + BASE64URL.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return input + "." + BASE64URL.encodeToString(signature(input, (foreignKey ? foreignKeys : keys).getPrivate()));
    }

    String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA").put("kid", KEY_ID).put("use", "sig").put("alg", "RS256")
                .put("n", unsigned(key.getModulus())).put("e", unsigned(key.getPublicExponent()));
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").add(jwk);
        return jwks.toString();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return BASE64URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static byte[] signature(String input, PrivateKey key) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(input.getBytes(StandardCharsets.US_ASCII));
            return rs256.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
