package dev.minigun.process;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A parent JVM for {@link LaunchedParentTest}: {@code hang} runs a process stage whose items never
 * finish and prints its workers' pids; {@code run} runs a small pipeline through a process stage
 * and prints what came back.
 */
public final class ParentMain {
    private ParentMain() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("hang")) {
            Pipeline p = Pipeline.create("orphans");
            p.<Integer>producer("numbers", out -> IntStream.range(0, 10).forEach(out::emit))
                    .map("hang", Exec.processes(2), (Integer i) -> {
                        Thread.sleep(Long.MAX_VALUE);
                        return i;
                    })
                    .consume("sink", x -> {});
            p.start();
            java.util.List<Long> pids = Workers.awaitAtLeast(2, java.time.Duration.ofSeconds(60));
            System.out.println("workers " + pids.stream().map(String::valueOf).collect(Collectors.joining(" ")));
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } else {
            java.util.concurrent.ConcurrentLinkedQueue<Integer> got =
                    new java.util.concurrent.ConcurrentLinkedQueue<>();
            Pipeline p = Pipeline.create("modular");
            p.<Integer>producer("numbers", out -> IntStream.range(0, 10).forEach(out::emit))
                    .map("square", Exec.processes(1), (Integer i) -> i * i)
                    .consume("sink", got::add);
            RunReport report = p.run();
            System.out.println("core module: " + Pipeline.class.getModule().getName());
            System.out.println("consumed " + report.consumed() + " sum "
                    + got.stream().mapToInt(Integer::intValue).sum());
        }
    }
}
