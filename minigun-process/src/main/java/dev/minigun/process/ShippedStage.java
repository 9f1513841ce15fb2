package dev.minigun.process;

import dev.minigun.execution.RemoteOutcome;
import dev.minigun.execution.StageSpec;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage made ready to run batches of its items in another JVM, and the protocol both sides of
 * such a hop speak: worker processes here, cluster members in {@code minigun-hazelcast}. It exists
 * so that every module that ships a stage checks its code, infers its allow-list, encodes items and
 * reads outcomes the same way. {@link #of} serializes the stage's code once, before any item moves
 * (a definition error naming the stage and the class if it cannot travel); {@link #encode} and
 * {@link #decode} are the sending side of a batch; {@link #runner} is the receiving side, which
 * reads only the classes of the stage's {@link AllowList}.
 *
 * <p>Thread-safe: one instance serves every context of a stage.
 */
public final class ShippedStage {
    private final StageShipment shipment;
    private final Codec codec;
    private final JdkCodec errors;

    ShippedStage(StageShipment shipment, String who) {
        this.shipment = shipment;
        this.codec = Codecs.create(shipment.codecName(), shipment.allowList(), who);
        this.errors = new JdkCodec(shipment.allowList(), true).named(who);
    }

    /**
     * Prepares {@code spec} to run on {@code where} (like {@code cluster(2)}, for messages); throws
     * {@link dev.minigun.PipelineDefinitionException} naming the stage when its code or what it
     * captures cannot be serialized, or when it is an operation that cannot run elsewhere.
     */
    public static ShippedStage of(StageSpec spec, String where) {
        StageShipment shipment = StageShipment.of(spec, where);
        return new ShippedStage(shipment, "the coordinator of stage '" + shipment.stage() + "'");
    }

    /** The stage's name. */
    public String stage() {
        return shipment.stage();
    }

    /** The stage's code as self-contained bytes for {@link #runner}: the bootstrap and its own allow-list. */
    public byte[] code() {
        return shipment.code();
    }

    /**
     * A batch ready to send: the bytes of the items that could be encoded, their positions in the
     * batch, and a failed outcome for each item that could not (it fails alone, through the
     * stage's error policy).
     *
     * @param payload the encoded items (an {@code Object[]}), empty when none could be encoded
     * @param sent the positions, in the batch, of the items in {@code payload}
     * @param unsendable the outcome of each item that could not be encoded, by position
     */
    public record Outgoing(byte[] payload, List<Integer> sent, Map<Integer, RemoteOutcome> unsendable) {}

    /** Encodes {@code items} for {@code destination} (like {@code a worker process}, for messages). */
    public Outgoing encode(List<Object> items, String destination) throws IOException {
        try {
            List<Integer> all = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                all.add(i);
            }
            return new Outgoing(codec.encode(items.toArray()), all, Map.of());
        } catch (IOException | RuntimeException whole) {
            List<Object> good = new ArrayList<>();
            List<Integer> sent = new ArrayList<>();
            Map<Integer, RemoteOutcome> unsendable = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    codec.encode(new Object[] {items.get(i)});
                    good.add(items.get(i));
                    sent.add(i);
                } catch (IOException | RuntimeException e) {
                    NotSerializableException cannot = new NotSerializableException("stage '" + stage()
                            + "': an item of class " + items.get(i).getClass().getName() + " cannot be sent to "
                            + destination + ": " + e);
                    cannot.initCause(e);
                    unsendable.put(i, failed(cannot));
                }
            }
            byte[] payload = good.isEmpty() ? new byte[0] : codec.encode(good.toArray());
            return new Outgoing(payload, sent, unsendable);
        }
    }

    /**
     * Puts {@code got}, what {@code who} answered for the items at positions {@code sent} of a chunk
     * that starts at {@code offset}, into {@code outcomes}. Fails when their counts differ: the
     * answer cannot be matched to its items ({@code who} names the sender, made only then).
     */
    public static void place(
            List<RemoteOutcome> got,
            List<Integer> sent,
            RemoteOutcome[] outcomes,
            int offset,
            java.util.function.Supplier<String> who)
            throws IOException {
        if (got.size() != sent.size()) {
            throw new IOException(who.get() + " answered " + got.size() + " outcomes for " + sent.size() + " items");
        }
        for (int i = 0; i < got.size(); i++) {
            outcomes[offset + sent.get(i)] = got.get(i);
        }
    }

    /** The outcomes a {@link Runner#run} answered, read through the allow-list (exceptions allowed). */
    public List<RemoteOutcome> decode(byte[] result) throws IOException {
        return decode(result, 0);
    }

    /** As {@link #decode(byte[])}, for an answer that starts at index {@code from} of {@code result}. */
    public List<RemoteOutcome> decode(byte[] result, int from) throws IOException {
        return WireOutcomes.decode(result, from, codec, errors);
    }

    /** The outcome of each of {@code n} items the other side refused to read, saying {@code why}. */
    public static List<RemoteOutcome> rejected(String why, int n) {
        RemoteStageException e =
                new RemoteStageException(RejectedClassException.class.getName(), why, new StackTraceElement[0]);
        List<RemoteOutcome> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(failed(e));
        }
        return out;
    }

    /** The outcome of an item that failed with {@code t} before or after its stage's code ran. */
    public static RemoteOutcome failed(Throwable t) {
        return new RemoteOutcome(List.of(), false, Optional.of(t));
    }

    /**
     * The receiving side for the stage whose {@link #code} is {@code code}, named {@code where} in
     * errors (like {@code member 10.0.0.5:5701}); reads the code through its own allow-list.
     */
    public static Runner runner(byte[] code, String where) throws IOException {
        return new Runner(readBootstrap(code), where);
    }

    static Bootstrap readBootstrap(byte[] code) throws IOException {
        DataInputStream payload = new DataInputStream(new ByteArrayInputStream(code));
        int n = payload.readInt();
        List<String> classes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classes.add(payload.readUTF());
        }
        byte[] blob = payload.readAllBytes();
        Object boot = new JdkCodec(AllowList.of(classes), false)
                .named("the bootstrap of a shipped stage")
                .decode(blob);
        if (!(boot instanceof Bootstrap b)) {
            throw new IOException("the stage's code holds a " + boot.getClass().getName());
        }
        return b;
    }

    /**
     * Runs batches of a shipped stage where it was shipped to: reads the items (only classes of the
     * stage's allow-list), runs the stage's code on each, and encodes what it did. One copy of the
     * stage's code serves every batch, so batches that run at once share it, as threads do.
     */
    public static final class Runner {
        private final Bootstrap boot;
        private final Codec codec;
        private final StageRunner code;
        private final String where;

        Runner(Bootstrap boot, String where) {
            this.boot = boot;
            this.where = where;
            this.codec = Codecs.create(
                    boot.codec(), AllowList.of(boot.allowed()), where + " of stage '" + boot.stage() + "'");
            this.code = new StageRunner(boot.kind(), boot.function());
        }

        /** The stage's name. */
        public String stage() {
            return boot.stage();
        }

        /** The items of a batch; throws {@link RejectedClassException} for a class outside the allow-list. */
        public Object[] read(byte[] batch) throws IOException {
            return (Object[]) codec.decode(batch);
        }

        /** Runs the stage on {@code items} and encodes the outcomes for {@link ShippedStage#decode}. */
        public byte[] run(Object[] items) throws IOException {
            List<StageRunner.Result> results = new ArrayList<>(items.length);
            for (Object item : items) {
                results.add(code.run(item));
            }
            return WireOutcomes.encode(results, codec, where, boot.stage());
        }
    }
}
