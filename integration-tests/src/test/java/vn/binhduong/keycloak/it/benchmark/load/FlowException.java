package vn.binhduong.keycloak.it.benchmark.load;

/** A login that did not end where it should: counted as an error of its window, not as a latency. */
final class FlowException extends RuntimeException {

    FlowException(String message) {
        super(message);
    }
}
