package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Blocking I/O on virtual threads: 10,000 link checks, each a blocking call that takes 10 ms (here
 * a sleep stands in for the HTTP request), run on up to 1,000 virtual threads. One platform thread
 * per call would cost a megabyte of stack each; virtual threads park cheaply while they wait, so the
 * stage keeps a thousand calls in flight and finishes in roughly a hundredth of the sequential
 * time. Use {@code Exec.virtualThreads(n)} for stages that mostly wait: HTTP, JDBC, file and
 * message-queue calls.
 */
public final class VirtualThreadIo {
    private VirtualThreadIo() {}

    /** A link found on the site, to check. */
    record Link(int id, URI url) {}

    /** What the check found: the HTTP status and the size of the page. */
    record LinkStatus(int id, int status, int contentLength) {}

    static final int LINKS = 10_000;
    static final int IN_FLIGHT = 1_000;

    public static void main(String[] args) {
        run(System.out);
    }

    /** Stands in for an HTTP HEAD request: blocks like one, and answers the same for the same URL. */
    static LinkStatus check(Link link) throws InterruptedException {
        Thread.sleep(Duration.ofMillis(10));
        int h = Math.floorMod(link.url().hashCode(), 1000);
        return new LinkStatus(link.id(), h < 20 ? 404 : 200, 1_000 + h);
    }

    static RunReport run(PrintStream out) {
        LongAdder checked = new LongAdder();
        LongAdder broken = new LongAdder();
        LongAdder checksum = new LongAdder();

        Pipeline p = Pipeline.create("link-check");
        Stage<Link> links = p.producer(
                "crawl",
                emitter -> IntStream.range(0, LINKS)
                        .mapToObj(i -> new Link(i, URI.create("https://shop.example.com/products/" + i)))
                        .forEach(emitter::emit));
        links.map("check", Exec.virtualThreads(IN_FLIGHT), VirtualThreadIo::check)
                .consume("tally", status -> {
                    checked.increment();
                    checksum.add(31L * status.id() + status.contentLength());
                    if (status.status() != 200) {
                        broken.increment();
                    }
                });

        out.printf(
                "check runs on %d virtual threads%n",
                p.plan().placement("check").contexts());

        RunReport report = p.run();

        out.printf("Checked %d links, %d broken, checksum %d%n", checked.sum(), broken.sum(), checksum.sum());
        out.printf(
                "Report: produced %d, consumed %d, failed %d%n", report.produced(), report.consumed(), report.failed());
        return report;
    }
}
