package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmitToRoutingTest {

    @Test
    void triageRoutesTicketsByNameToPagerAndSchedule() {
        Capture run = Capture.run(EmitToRouting::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Triage routed 6 tickets:
              pager    [T-102 (Checkout returns HTTP 500 for all users), T-104 (Password reset e-mails are delayed), T-106 (Data center in eu-west unreachable)]
              backlog  [T-101 due in 2 days, T-103 due in 10 days, T-105 due in 2 days]
            Report: pager received 3, schedule received 3, backlog consumed 3
            """);
    }
}
