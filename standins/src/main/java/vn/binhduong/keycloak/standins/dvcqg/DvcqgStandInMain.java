package vn.binhduong.keycloak.standins.dvcqg;

/**
 * Runs the DVCQG stand-in for the local system: {@code DvcqgStandInMain <port> <client secret> [bind address]}.
 * The bind address defaults to loopback ({@code run-local.sh}); the compose demo container passes {@code 0.0.0.0}
 * so that Keycloak's container and the host's browser can reach it.
 */
public final class DvcqgStandInMain {

    private DvcqgStandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("Usage: DvcqgStandInMain <port> <client secret> [bind address, default 127.0.0.1]");
            System.exit(2);
        }
        String bindAddress = args.length == 3 ? args[2] : DvcqgStandIn.LOOPBACK;
        DvcqgStandIn standIn = DvcqgStandIn.start(bindAddress, Integer.parseInt(args[0]), args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("DVCQG stand-in listening on " + bindAddress + ":" + standIn.port());
        Thread.currentThread().join();
    }
}
