package vn.binhduong.keycloak.directlogin;

/** One probe of DVCQG: reachable, or the first problem met (an endpoint's name and what went wrong, no URL). */
record ProbeResult(boolean reachable, String problem) {

    static final ProbeResult REACHABLE = new ProbeResult(true, null);

    static ProbeResult unreachable(String problem) {
        return new ProbeResult(false, problem);
    }
}
