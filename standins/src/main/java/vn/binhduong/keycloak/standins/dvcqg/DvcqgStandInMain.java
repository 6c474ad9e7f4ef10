package vn.binhduong.keycloak.standins.dvcqg;

/** Runs the DVCQG stand-in for the local system: {@code DvcqgStandInMain <port> <client secret>}. */
public final class DvcqgStandInMain {

    private DvcqgStandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DvcqgStandIn standIn = DvcqgStandIn.start(Integer.parseInt(args[0]), args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("DVCQG stand-in on " + standIn.baseUrl());
        Thread.currentThread().join();
    }
}
