package vn.binhduong.keycloak.standins.dvcqg;

/** What an authorization code stands for: the picked account and the authorization request it answers. */
record Grant(String account, String clientId, String redirectUri, String nonce, String codeChallenge,
             String codeChallengeMethod) {
}
