package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.binhduong.keycloak.directlogin.DvcqgHealth.Status;
import vn.binhduong.keycloak.directlogin.DvcqgHealthMachine.Step;
import vn.binhduong.keycloak.directlogin.DvcqgHealthMachine.SwitchAction;

class DvcqgHealthMachineTest {

    private static final long NOW = 1_800_000_000L;
    private static final ProbeResult GOOD = ProbeResult.REACHABLE;
    private static final ProbeResult BAD = ProbeResult.unreachable("token: HTTP 503");
    private static final DirectLoginState OFF = new DirectLoginState(false, null, null, "master/admin", NOW - 1000);
    private static final DirectLoginState ON_BY_ADMIN = new DirectLoginState(true, null, "sự cố", "master/admin", NOW - 1000);
    private static final DirectLoginState ON_BY_PROBE = new DirectLoginState(true, null, "auto", DvcqgHealthMachine.AUTO, NOW - 1000);

    private static DvcqgProbeSettings settings(ProbePolicy policy, int failures, int successes) {
        return new DvcqgProbeSettings(policy, 60, 5000, failures, successes, "dvcqg");
    }

    /** Runs the probes one after another from a never-probed state, with the switch as given throughout. */
    private static List<Step> run(DvcqgProbeSettings settings, DirectLoginState directLogin, ProbeResult... results) {
        return run(DvcqgHealth.NEVER_PROBED, settings, directLogin, results);
    }

    private static List<Step> run(DvcqgHealth start, DvcqgProbeSettings settings, DirectLoginState directLogin,
                                  ProbeResult... results) {
        List<Step> steps = new ArrayList<>();
        DvcqgHealth health = start;
        long now = NOW;
        for (ProbeResult result : results) {
            Step step = DvcqgHealthMachine.next(health, result, settings, directLogin, now);
            steps.add(step);
            health = step.health();
            now += 60;
        }
        return steps;
    }

    private static DvcqgHealth down() {
        return new DvcqgHealth(Status.DOWN, 3, 0, NOW - 60, NOW - 60, "token: HTTP 503");
    }

    @Test
    void theFirstGoodProbeMakesTheStatusUp() {
        Step step = run(settings(ProbePolicy.AUTO, 3, 3), OFF, GOOD).get(0);

        assertThat(step.health().status()).isEqualTo(Status.UP);
        assertThat(step.statusChanged()).isTrue();
        assertThat(step.health().statusSince()).isEqualTo(NOW);
        assertThat(step.action()).isEqualTo(SwitchAction.NONE);
    }

    @Test
    void failuresBelowTheThresholdKeepTheStatusAndCountInARow() {
        List<Step> steps = run(settings(ProbePolicy.AUTO, 3, 3), OFF, GOOD, BAD, BAD);

        assertThat(steps.get(2).health().status()).isEqualTo(Status.UP);
        assertThat(steps.get(2).health().failures()).isEqualTo(2);
        assertThat(steps.get(2).health().lastProblem()).isEqualTo("token: HTTP 503");
        assertThat(steps.get(2).statusChanged()).isFalse();
        assertThat(steps.get(2).action()).isEqualTo(SwitchAction.NONE);
    }

    @Test
    void autoTurnsDirectLoginOnAtTheNthFailureInARow() {
        List<Step> steps = run(settings(ProbePolicy.AUTO, 3, 3), OFF, GOOD, BAD, BAD, BAD);

        Step third = steps.get(3);
        assertThat(third.health().status()).isEqualTo(Status.DOWN);
        assertThat(third.statusChanged()).isTrue();
        assertThat(third.action()).isEqualTo(SwitchAction.TURN_ON);
        assertThat(Refusals.vietnamese(third.reason())).isEqualTo("auto: không kết nối được DVCQG (3 lần kiểm tra lỗi liên tiếp; token: HTTP 503)");
    }

    @Test
    void aGoodProbeInBetweenStartsTheCountAgain() {
        List<Step> steps = run(settings(ProbePolicy.AUTO, 3, 3), OFF, GOOD, BAD, BAD, GOOD, BAD, BAD);

        assertThat(steps).extracting(s -> s.health().status()).containsOnly(Status.UP);
        assertThat(steps).extracting(Step::action).containsOnly(SwitchAction.NONE);
    }

    @Test
    void aNeverProbedDvcqgThatFailsGoesDownAndAutoTurnsOn() {
        List<Step> steps = run(settings(ProbePolicy.AUTO, 2, 2), OFF, BAD, BAD);

        assertThat(steps.get(0).health().status()).isEqualTo(Status.UNKNOWN);
        assertThat(steps.get(0).statusChanged()).isFalse();
        assertThat(steps.get(1).health().status()).isEqualTo(Status.DOWN);
        assertThat(steps.get(1).action()).isEqualTo(SwitchAction.TURN_ON);
    }

    @Test
    void manualOnlyReportsTheStatus() {
        List<Step> steps = run(settings(ProbePolicy.MANUAL, 1, 1), OFF, GOOD, BAD, GOOD);

        assertThat(steps).extracting(s -> s.health().status()).containsExactly(Status.UP, Status.DOWN, Status.UP);
        assertThat(steps).extracting(Step::statusChanged).containsExactly(true, true, true);
        assertThat(steps).extracting(Step::action).containsOnly(SwitchAction.NONE);
    }

    @Test
    void autoTurnsOffAtTheMthGoodProbeWhatItTurnedOn() {
        List<Step> steps = run(down(), settings(ProbePolicy.AUTO, 3, 2), ON_BY_PROBE, GOOD, GOOD);

        assertThat(steps.get(0).health().status()).isEqualTo(Status.DOWN);
        assertThat(steps.get(0).action()).isEqualTo(SwitchAction.NONE);
        assertThat(steps.get(1).health().status()).isEqualTo(Status.UP);
        assertThat(steps.get(1).health().lastProblem()).isNull();
        assertThat(steps.get(1).action()).isEqualTo(SwitchAction.TURN_OFF);
        assertThat(Refusals.vietnamese(steps.get(1).reason())).startsWith("auto: DVCQG hoạt động trở lại");
    }

    @Test
    void autoLeavesASwitchAnAdministratorTurnedOn() {
        Step back = run(down(), settings(ProbePolicy.AUTO, 3, 1), ON_BY_ADMIN, GOOD).get(0);

        assertThat(back.health().status()).isEqualTo(Status.UP);
        assertThat(back.action()).isEqualTo(SwitchAction.NONE);
    }

    @Test
    void autoDoesNotTurnOnWhatIsAlreadyOn() {
        Step fail = run(settings(ProbePolicy.AUTO, 1, 1), ON_BY_ADMIN, GOOD, BAD).get(1);

        assertThat(fail.health().status()).isEqualTo(Status.DOWN);
        assertThat(fail.action()).isEqualTo(SwitchAction.NONE);
    }

    @Test
    void anExpiredSwitchCountsAsOffSoAutoTurnsItOn() {
        DirectLoginState expired = new DirectLoginState(true, NOW - 1, "cũ", "master/admin", NOW - 1000);

        Step fail = run(settings(ProbePolicy.AUTO, 1, 1), expired, GOOD, BAD).get(1);

        assertThat(fail.action()).isEqualTo(SwitchAction.TURN_ON);
    }

    @Test
    void aStatusThatHoldsKeepsItsSince() {
        List<Step> steps = run(settings(ProbePolicy.MANUAL, 3, 3), OFF, GOOD, GOOD, GOOD);

        assertThat(steps.get(2).health().statusSince()).isEqualTo(NOW);
        assertThat(steps.get(2).health().lastProbeAt()).isEqualTo(NOW + 120);
        assertThat(steps.get(2).health().successes()).isEqualTo(3);
    }

    @Test
    void probesAreDueAfterTheInterval() {
        DvcqgHealth probed = new DvcqgHealth(Status.UP, 0, 1, NOW, NOW, null);

        assertThat(DvcqgHealth.NEVER_PROBED.probeDue(NOW, 60)).isTrue();
        assertThat(probed.probeDue(NOW + 59, 60)).isFalse();
        assertThat(probed.probeDue(NOW + 60, 60)).isTrue();
    }
}
