package dev.minigun.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.atomic.AtomicReference;

/** JDK serialization behind an {@link java.io.ObjectInputFilter} built from an {@link AllowList}. */
final class JdkCodec implements Codec {
    private final AllowList allowed;
    private final boolean throwables;
    private volatile String where = "the codec";

    JdkCodec(AllowList allowed, boolean throwables) {
        this.allowed = allowed;
        this.throwables = throwables;
    }

    /** The same codec, naming {@code who} in its rejections. */
    JdkCodec named(String who) {
        this.where = who;
        return this;
    }

    @Override
    public byte[] encode(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object decode(byte[] bytes) throws IOException {
        AtomicReference<String> rejected = new AtomicReference<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(allowed.filter(throwables, name -> rejected.compareAndSet(null, name)));
            return in.readObject();
        } catch (InvalidClassException e) {
            if (rejected.get() != null) {
                RejectedClassException r = new RejectedClassException(rejected.get(), where);
                r.initCause(e);
                throw r;
            }
            throw e;
        } catch (ClassNotFoundException e) {
            throw new IOException(where + " cannot find class " + e.getMessage(), e);
        }
    }
}
