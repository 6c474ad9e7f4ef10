package vn.binhduong.keycloak.otp.sender.http;

import java.net.URI;

/**
 * Where a token-first gateway (FPT) hands out its OAuth2 client-credentials token: {@code FORM} is RFC 6749's
 * form body with the client in HTTP basic auth, {@code JSON} a JSON body carrying the client id and secret.
 */
record TokenEndpoint(URI url, String clientId, String clientSecret, String scope, Format format) {

    enum Format { FORM, JSON }
}
