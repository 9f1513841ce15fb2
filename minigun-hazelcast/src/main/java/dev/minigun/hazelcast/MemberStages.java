package dev.minigun.hazelcast;

import dev.minigun.process.ShippedStage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stages a member has code for, by id (one id per stage per run) and member (tests embed
 * several in one JVM): the code is read once per member, and the batches of a stage that run at once share it, as a stage's threads do. A member
 * outlives runs, so it keeps only the most recently used stages; one it has dropped is asked for
 * again ({@link BatchTask#NEED_CODE}).
 */
final class MemberStages {
    private static final int KEPT = 32;
    private static final Map<String, ShippedStage.Runner> RUNNERS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ShippedStage.Runner> eldest) {
            return size() > KEPT;
        }
    };

    private MemberStages() {}

    /** The runner of stage {@code id}, made from {@code code} if given; {@code null} when unknown and no code came. */
    static ShippedStage.Runner runner(String id, byte[] code, String where) throws IOException {
        synchronized (RUNNERS) {
            ShippedStage.Runner known = RUNNERS.get(id + "@" + where);
            if (known != null || code == null) {
                return known;
            }
        }
        // Read outside the lock: several batches of a new stage may read it at once; one copy stays.
        ShippedStage.Runner made = ShippedStage.runner(code, where);
        synchronized (RUNNERS) {
            return RUNNERS.computeIfAbsent(id + "@" + where, k -> made);
        }
    }
}
