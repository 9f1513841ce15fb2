package dev.minigun.process;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.minigun.ErrorPolicy;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.Routing;
import dev.minigun.execution.Operation;
import dev.minigun.execution.StageSpec;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The measurements behind docs/processes.md, as a main-method harness (run by hand, never by the
 * suite): JDK serialization against Kryo on batches of small records and on 10 KB payloads, the
 * process hop's throughput with two workers, a worker's start time, and the cost of recycleAfter(1).
 * The process hop and the worker start are also JMH benchmarks in minigun-bench ({@code ProcessHop},
 * {@code ProcessWorkerStart}, run by {@code bin/bench}); the codec comparison and recycleAfter(1) are
 * measured only here.
 */
public final class ProcessMeasurements {
    private ProcessMeasurements() {}

    record Small(int id, String name, double price) implements Serializable {}

    record Big(int id, byte[] data) implements Serializable {}

    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        if (what.equals("all") || what.equals("codec")) {
            codecs();
        }
        if (what.equals("all") || what.equals("process")) {
            startTime();
            hop();
            recycle();
        }
    }

    interface RoundTrip {
        Object run(Object value) throws Exception;
    }

    private static void codecs() throws Exception {
        Object[] smallBatch = IntStream.range(0, 64)
                .mapToObj(i -> new Small(i, "item-" + i, i * 1.5))
                .toArray();
        Object[] bigOne = {new Big(1, new byte[10 * 1024])};
        Codec jdk = Codec.jdk(AllowList.of(List.of(Small.class.getName(), Big.class.getName())));
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.register(Object[].class);
        kryo.register(byte[].class);
        kryo.register(Small.class);
        kryo.register(Big.class);
        Output output = new Output(1 << 16, -1);
        RoundTrip jdkTrip = v -> jdk.decode(jdk.encode(v));
        RoundTrip kryoTrip = v -> {
            output.reset();
            kryo.writeClassAndObject(output, v);
            return kryo.readClassAndObject(new Input(output.toBytes()));
        };
        output.reset();
        kryo.writeClassAndObject(output, smallBatch);
        int kryoSmallBytes = output.position();
        output.reset();
        kryo.writeClassAndObject(output, bigOne);
        int kryoBigBytes = output.position();
        System.out.printf("codec  payload                      ns/item (encode+decode)  bytes/item%n");
        System.out.printf(
                "jdk    64 small records per batch   %10.0f  %8d%n",
                perItem(jdkTrip, smallBatch, 64), jdk.encode(smallBatch).length / 64);
        System.out.printf(
                "kryo   64 small records per batch   %10.0f  %8d%n",
                perItem(kryoTrip, smallBatch, 64), kryoSmallBytes / 64);
        System.out.printf(
                "jdk    one 10 KB payload            %10.0f  %8d%n",
                perItem(jdkTrip, bigOne, 1), jdk.encode(bigOne).length);
        System.out.printf(
                "kryo   one 10 KB payload            %10.0f  %8d%n", perItem(kryoTrip, bigOne, 1), kryoBigBytes);
    }

    private static double perItem(RoundTrip trip, Object value, int items) throws Exception {
        for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
            sink = trip.run(value);
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + 3_000_000_000L;
        while (System.nanoTime() < end) {
            sink = trip.run(value);
            n++;
        }
        return (double) (System.nanoTime() - start) / (n * items);
    }

    private static void startTime() throws Exception {
        StageSpec spec = new StageSpec(
                "start",
                new Operation.Map((dev.minigun.ItemFunction<Integer, Integer>) i -> i),
                List.of("x"),
                Optional.of(Exec.processes(1)),
                Routing.broadcast(),
                ErrorPolicy.failFast());
        StageShipment shipment = StageShipment.of(spec, "processes(1)");
        long total = 0;
        int n = 10;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            WorkerProcess w = WorkerProcess.start(shipment, "bench", "bench/start#0");
            w.awaitReady();
            total += System.nanoTime() - t0;
            w.awaitExit(5_000, WorkerProcess.StopReason.END);
        }
        System.out.printf("worker start (spawn to ready), mean of %d: %.0f ms%n", n, total / 1e6 / n);
    }

    private static double run(int items, Exec exec) {
        LongAdder count = new LongAdder();
        Pipeline p = Pipeline.create("hop");
        p.<Small>producer("records", out -> {
                    for (int i = 0; i < items; i++) {
                        out.emit(new Small(i, "item-" + i, i * 1.5));
                    }
                })
                .map("hop", exec, (Small s) -> s)
                .consume("count", s -> count.increment());
        long t0 = System.nanoTime();
        p.run();
        if (count.sum() != items) {
            throw new AssertionError(count.sum() + " of " + items);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void hop() {
        run(100_000, Exec.processes(2)); // warm up the parent
        int items = 1_000_000;
        double seconds = run(items, Exec.processes(2));
        System.out.printf(
                "process hop, 2 workers, small records: %,.0f items/s (%d items in %.2f s, worker start included)%n",
                items / seconds, items, seconds);
        double threads = run(items, Exec.threads(2));
        System.out.printf("same pipeline on threads(2): %,.0f items/s%n", items / threads);
    }

    private static void recycle() {
        int items = 100;
        double plain = run(items, Exec.processes(1));
        double fresh = run(items, Exec.processes(1).recycleAfter(1));
        System.out.printf(
                "recycleAfter(1): %.1f ms per item (%d items: %.2f s vs %.2f s without recycling)%n",
                (fresh - plain) * 1000 / items, items, fresh, plain);
    }
}
