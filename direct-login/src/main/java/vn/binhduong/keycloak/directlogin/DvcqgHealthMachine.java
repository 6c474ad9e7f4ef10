package vn.binhduong.keycloak.directlogin;

import vn.binhduong.keycloak.directlogin.DvcqgHealth.Status;

/**
 * The probe's state machine, free of Keycloak so it is unit-tested alone. DVCQG is DOWN after {@code N} failed
 * probes in a row and UP again after {@code M} good ones (the very first good probe makes an UNKNOWN status UP).
 * Under the {@code auto} policy a change to DOWN turns direct login on, and a change back to UP turns it off, but
 * only if the probe itself turned it on: a switch an administrator set is theirs.
 */
final class DvcqgHealthMachine {

    /** The {@code changedBy} of a switch the probe set. */
    static final String AUTO = "auto";

    enum SwitchAction {
        NONE,
        TURN_ON,
        TURN_OFF
    }

    /** The health after a probe, whether its status changed, and what to do with the switch and why. */
    record Step(DvcqgHealth health, boolean statusChanged, SwitchAction action, AdminMessage reason) {
    }

    private DvcqgHealthMachine() {
    }

    static Step next(DvcqgHealth before, ProbeResult result, DvcqgProbeSettings settings, DirectLoginState directLogin,
                     long now) {
        int failures = result.reachable() ? 0 : saturated(before.failures() + 1);
        int successes = result.reachable() ? saturated(before.successes() + 1) : 0;
        Status status = before.status();
        if (!result.reachable() && failures >= settings.failuresToSwitchOn()) {
            status = Status.DOWN;
        } else if (result.reachable() && (status == Status.UNKNOWN || successes >= settings.successesToSwitchOff())) {
            status = Status.UP;
        }
        boolean changed = status != before.status();
        DvcqgHealth after = new DvcqgHealth(status, failures, successes, now, changed ? Long.valueOf(now) : before.statusSince(),
                result.reachable() ? null : result.problem());
        if (!changed || settings.policy() != ProbePolicy.AUTO) {
            return new Step(after, changed, SwitchAction.NONE, null);
        }
        boolean open = directLogin.isOpen(now);
        if (status == Status.DOWN && !open) {
            return new Step(after, true, SwitchAction.TURN_ON,
                    AdminMessage.of("bdDirectLoginReasonDvcqgDown", failures, result.problem()));
        }
        if (status == Status.UP && before.status() == Status.DOWN && open && AUTO.equals(directLogin.changedBy())) {
            return new Step(after, true, SwitchAction.TURN_OFF, AdminMessage.of("bdDirectLoginReasonDvcqgUp", successes));
        }
        return new Step(after, true, SwitchAction.NONE, null);
    }

    private static int saturated(int count) {
        return Math.min(count, 1_000_000);
    }
}
