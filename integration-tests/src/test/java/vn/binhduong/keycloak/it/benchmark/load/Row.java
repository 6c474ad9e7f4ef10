package vn.binhduong.keycloak.it.benchmark.load;

/** One flow at one concurrency, its windows merged; the two sides of a scenario are compared at each concurrency. */
record Row(String scenario, String flow, Side side, int concurrency, Window window) {

    /**
     * Ours against stock; for the stalled gateway, the other users' logins with it stalled against healthy; for the
     * cluster, two nodes against one.
     */
    enum Side {
        OURS, STOCK, STALLED, HEALTHY, TWO_NODES, ONE_NODE;

        /** The numerator of the scenario's ratio. */
        boolean subject() {
            return this == OURS || this == STALLED || this == TWO_NODES;
        }
    }
}
