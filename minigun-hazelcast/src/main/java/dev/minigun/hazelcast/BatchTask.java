package dev.minigun.hazelcast;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.minigun.process.ShippedStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * One batch of a stage, sent to a member through Hazelcast's executor service and run there.
 *
 * <p>Hazelcast serializes only this task, as an {@link IdentifiedDataSerializable} made by a
 * registered factory: plain strings and byte arrays, so Hazelcast's own Java deserialization never
 * reads anything of the user's. The items inside are bytes of the process module's codec, read on
 * the member through the stage's allow-list ({@link ShippedStage.Runner}); what the stage did comes
 * back the same way and the coordinator reads it through the same list.
 *
 * <p>The stage's code travels with the first batch a member gets of a run's stage; after that the
 * member keeps it ({@link MemberStages}) and a batch carries only the stage's id. A member that
 * lacks the code answers {@link #NEED_CODE} and the coordinator sends the batch again with it.
 */
final class BatchTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int FACTORY_ID = 0x4d47; // "MG"
    static final int CLASS_ID = 1;

    /** Answer: the rest is the stage's outcomes, for {@link ShippedStage#decode}. */
    static final byte RESULT = 0;
    /** Answer: the member does not have the stage's code; send it. */
    static final byte NEED_CODE = 1;
    /** Answer: the member refused to read an item (not on the allow-list); the rest says why, UTF-8. */
    static final byte REJECTED = 2;
    /** Answer: the member could not read the stage's code; the rest says why, UTF-8. */
    static final byte BAD_CODE = 3;

    private String stageId;
    private byte[] code;
    private byte[] items;
    private transient HazelcastInstance member;

    /** For the factory. */
    BatchTask() {}

    BatchTask(String stageId, byte[] code, byte[] items) {
        this.stageId = stageId;
        this.code = code;
        this.items = items;
    }

    /** Makes this task readable by the Hazelcast instance {@code config} configures (member or client). */
    static void register(SerializationConfig config) {
        config.addDataSerializableFactory(FACTORY_ID, id -> id == CLASS_ID ? new BatchTask() : null);
    }

    @Override
    public byte[] call() throws IOException {
        Address here = member.getCluster().getLocalMember().getAddress();
        String where = "member " + here.getHost() + ":" + here.getPort();
        ShippedStage.Runner runner;
        try {
            runner = MemberStages.runner(stageId, code, where);
        } catch (IOException | RuntimeException e) {
            return answer(BAD_CODE, "cannot read the stage's code on " + where + ": " + e);
        }
        if (runner == null) {
            return new byte[] {NEED_CODE};
        }
        Object[] batch;
        try {
            batch = runner.read(items);
        } catch (IOException | RuntimeException e) {
            return answer(REJECTED, String.valueOf(e.getMessage()));
        }
        // The stage's code has run once the outcomes exist: if they cannot be written, the slice
        // fails with that cause (an ExecutionException at the coordinator), it is never re-sent.
        return answer(RESULT, runner.run(batch));
    }

    private static byte[] answer(byte status, String message) {
        return answer(status, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The status byte, then {@code body}. */
    private static byte[] answer(byte status, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = status;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.member = instance;
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(stageId);
        out.writeByteArray(code);
        out.writeByteArray(items);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        stageId = in.readString();
        code = in.readByteArray();
        items = in.readByteArray();
    }
}
