package vn.binhduong.keycloak.standins.dvcqg;

/** A defect the stand-in can put into the id_tokens it issues, to prove that the broker's validation refuses it. */
public enum IdTokenFlaw {
    /** Signed by a key that is not in the stand-in's JWKS (under the same key id). */
    FOREIGN_KEY,
    WRONG_ISSUER,
    /** Issued for another client. */
    WRONG_AUDIENCE,
    EXPIRED,
    /** Carries a nonce other than the one of the authorization request. */
    WRONG_NONCE
}
