package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.Routing;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Round-robin routing: a crawl frontier of 30 URLs is dealt out to three fetchers in turn, so each
 * fetcher gets exactly a third of the work, and each URL is fetched once. Use it to spread work
 * over branches that each hold something of their own (a connection, a rate limit, a session);
 * when the branches are interchangeable, one stage with a pool ({@code Exec.threads(3)}) is
 * simpler.
 */
public final class RoundRobin {
    private RoundRobin() {}

    /** A page to fetch. */
    record CrawlTask(URI url, int depth) {}

    static final List<String> FETCHERS = List.of("fetcher-1", "fetcher-2", "fetcher-3");

    static final List<CrawlTask> FRONTIER = IntStream.rangeClosed(1, 30)
            .mapToObj(i -> new CrawlTask(URI.create("https://docs.example.org/guide/page-" + i + ".html"), i % 3))
            .toList();

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<URI> fetched = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("crawl");
        Stage<CrawlTask> frontier = p.producer("frontier", emitter -> FRONTIER.forEach(emitter::emit));
        frontier.routing(Routing.roundRobin());
        for (String fetcher : FETCHERS) {
            frontier.consume(fetcher, Exec.threads(1), task -> fetched.add(task.url()));
        }

        RunReport report = p.run();

        out.printf("Dealt %d URLs round-robin to %d fetchers:%n", report.produced(), FETCHERS.size());
        for (String fetcher : FETCHERS) {
            out.printf("  %s fetched %d%n", fetcher, report.stage(fetcher).completed());
        }
        Set<URI> distinct = ConcurrentHashMap.newKeySet();
        distinct.addAll(fetched);
        out.printf(
                "Every URL fetched exactly once: %b%n",
                fetched.size() == FRONTIER.size() && distinct.size() == FRONTIER.size());
        return report;
    }
}
