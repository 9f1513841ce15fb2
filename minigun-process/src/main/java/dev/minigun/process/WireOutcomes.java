package dev.minigun.process;

import dev.minigun.execution.RemoteOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payload of a result frame: per item its status, the {@code emitTo} targets of its
 * emissions and its error, then every emitted item of the batch in one codec call (one stream per
 * batch, not per item, so class descriptors travel once).
 */
final class WireOutcomes {
    private static final byte OK = 0;
    private static final byte FILTERED = 1;
    private static final byte FAILED = 2;

    private WireOutcomes() {}

    /** Encodes {@code results} made in {@code where}; an emission that cannot be encoded fails its item. */
    static byte[] encode(List<StageRunner.Result> results, Codec codec, String where, String stage) throws IOException {
        List<StageRunner.Result> checked = new ArrayList<>(results);
        List<Object> emitted = new ArrayList<>();
        results.forEach(r -> emitted.addAll(r.items()));
        byte[] items;
        try {
            items = codec.encode(emitted.toArray());
        } catch (IOException | RuntimeException whole) {
            // Find the items whose emissions cannot travel and fail them alone.
            emitted.clear();
            for (int i = 0; i < checked.size(); i++) {
                StageRunner.Result r = checked.get(i);
                try {
                    codec.encode(r.items().toArray());
                    emitted.addAll(r.items());
                } catch (IOException | RuntimeException e) {
                    checked.set(
                            i,
                            StageRunner.Result.failed(new java.io.NotSerializableException("stage '" + stage
                                    + "' emitted an item that cannot be sent back from the " + where + ": " + e)));
                }
            }
            items = codec.encode(emitted.toArray());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(items.length + 16 + 4 * results.size());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(checked.size());
        for (StageRunner.Result r : checked) {
            if (r.error() != null) {
                out.writeByte(FAILED);
                byte[] error = RemoteErrors.encode(r.error(), where, stage);
                out.writeInt(error.length);
                out.write(error);
                continue;
            }
            out.writeByte(r.filtered() ? FILTERED : OK);
            out.writeInt(r.targets().size());
            for (String target : r.targets()) {
                out.writeBoolean(target != null);
                if (target != null) {
                    out.writeUTF(target);
                }
            }
        }
        out.writeInt(items.length);
        out.write(items);
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Decodes a result frame, {@code payload} from index {@code from} on, into one outcome per item;
     * items that cannot be read here fail with the reason.
     */
    static List<RemoteOutcome> decode(byte[] payload, int from, Codec codec, JdkCodec errors) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload, from, payload.length - from));
        int n = in.readInt();
        byte[] status = new byte[n];
        List<List<String>> targets = new ArrayList<>(n);
        Throwable[] failures = new Throwable[n];
        for (int i = 0; i < n; i++) {
            status[i] = in.readByte();
            if (status[i] == FAILED) {
                failures[i] = RemoteErrors.decode(in.readNBytes(in.readInt()), errors);
                targets.add(List.of());
                continue;
            }
            int k = in.readInt();
            List<String> t = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                t.add(in.readBoolean() ? in.readUTF() : null);
            }
            targets.add(t);
        }
        byte[] itemBytes = in.readNBytes(in.readInt());
        Object[] items;
        IOException unreadable = null;
        try {
            items = (Object[]) codec.decode(itemBytes);
        } catch (IOException e) {
            items = null;
            unreadable = e;
        }
        List<RemoteOutcome> outcomes = new ArrayList<>(n);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (status[i] == FAILED) {
                outcomes.add(new RemoteOutcome(List.of(), false, Optional.of(failures[i])));
                continue;
            }
            List<String> t = targets.get(i);
            if (items == null && !t.isEmpty()) {
                outcomes.add(new RemoteOutcome(List.of(), false, Optional.of(unreadable)));
                continue;
            }
            List<RemoteOutcome.Emission> emissions = new ArrayList<>(t.size());
            for (String target : t) {
                emissions.add(new RemoteOutcome.Emission(Optional.ofNullable(target), items[next++]));
            }
            outcomes.add(new RemoteOutcome(emissions, status[i] == FILTERED, Optional.empty()));
        }
        return outcomes;
    }
}
