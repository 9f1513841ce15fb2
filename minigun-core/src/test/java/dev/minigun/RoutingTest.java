package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class RoutingTest {
    record Reading(String sensor, int value) {}

    static final List<String> SENSORS = List.of("boiler", "chiller", "door", "fan", "gate", "hall", "inlet");

    static Source<Reading> readings(int n) {
        return out -> {
            for (int i = 0; i < n; i++) {
                out.emit(new Reading(SENSORS.get(i % SENSORS.size()), i));
            }
        };
    }

    static Map<String, ConcurrentLinkedQueue<Reading>> branches(Stage<Reading> from, Exec exec) {
        Map<String, ConcurrentLinkedQueue<Reading>> got = new ConcurrentHashMap<>();
        for (String b : List.of("b0", "b1", "b2")) {
            ConcurrentLinkedQueue<Reading> q = new ConcurrentLinkedQueue<>();
            got.put(b, q);
            if (exec == null) {
                from.consume(b, q::add);
            } else {
                from.consume(b, exec, q::add);
            }
        }
        return got;
    }

    @Test
    void broadcastIsTheDefaultAndHandsEveryItemToEveryBranch() {
        Pipeline p = Pipeline.create("broadcast");
        var got = branches(p.producer("sensors", readings(900)), Exec.threads(2));

        RunReport report = assertNothingLost(p.run());

        got.values().forEach(q -> assertThat(q).hasSize(900).doesNotHaveDuplicates());
        assertThat(report.stage("sensors").out()).isEqualTo(900);
        assertThat(report.stage("sensors").delivered()).isEqualTo(2_700);
    }

    @Test
    void roundRobinHandsEachItemToOneBranchInTurn() {
        Pipeline p = Pipeline.create("round-robin");
        var got = branches(p.producer("sensors", readings(900)).routing(Routing.roundRobin()), null);

        assertNothingLost(p.run());

        got.values().forEach(q -> assertThat(q).hasSize(300));
        assertThat(got.get("b0")).allMatch(r -> r.value() % 3 == 0);
        assertThat(got.get("b1")).allMatch(r -> r.value() % 3 == 1);
    }

    @Test
    void byKeySendsEqualKeysToTheSameBranch() {
        Pipeline p = Pipeline.create("by-key");
        Stage<Reading> sensors = p.producer("sensors", readings(7_000))
                .map("calibrate", Exec.threads(3), r -> new Reading(r.sensor(), r.value() + 1))
                .routing(Routing.byKey(Reading::sensor));
        var got = branches(sensors, Exec.threads(1));

        assertNothingLost(p.run());

        Set<String> seen = new HashSet<>();
        int total = 0;
        for (var q : got.values()) {
            Set<String> keys = new HashSet<>();
            q.forEach(r -> keys.add(r.sensor()));
            assertThat(seen).as("a key in two branches").doesNotContainAnyElementsOf(keys);
            seen.addAll(keys);
            total += q.size();
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(SENSORS);
        assertThat(total).isEqualTo(7_000);
    }
}
