package dev.minigun.bench.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;

/**
 * The Pekko actor system a benchmark materializes its streams on: one per trial (streams are
 * materialized per run, as a pipeline run is started per run), quiet, with its default dispatcher.
 */
public final class PekkoSystem {
    private PekkoSystem() {}

    /** A new actor system called {@code name}. */
    public static ActorSystem start(String name) {
        Config quiet = ConfigFactory.parseString("""
                pekko.loglevel = "WARNING"
                pekko.stdout-loglevel = "WARNING"
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """);
        return ActorSystem.create(name, quiet.withFallback(ConfigFactory.load()));
    }

    /** Terminates {@code system} and waits for it (at most 30 s). */
    public static void stop(ActorSystem system) throws Exception {
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
