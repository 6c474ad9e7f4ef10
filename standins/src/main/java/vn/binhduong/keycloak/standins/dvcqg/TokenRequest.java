package vn.binhduong.keycloak.standins.dvcqg;

import java.util.Map;

/** A request the stand-in's token endpoint received: whether it came with HTTP Basic client credentials, and its form. */
public record TokenRequest(boolean basicAuth, Map<String, String> form) {
}
