package dev.minigun.process;

import java.io.IOException;

/**
 * How items cross the boundary of a worker process or an isolated stage: turned into bytes on one
 * side and back into objects on the other, where only the classes of the stage's {@link AllowList}
 * may be read. The default is the JDK's own serialization with an {@link java.io.ObjectInputFilter}
 * built from the allow-list (chosen by measurement: see {@code docs/processes.md}); another codec
 * plugs in through the system property {@code minigun.process.codec}, naming a class that
 * implements this interface and has a public constructor taking the {@link AllowList}.
 */
public interface Codec {

    /** The bytes of {@code value} and everything it references. */
    byte[] encode(Object value) throws IOException;

    /**
     * The value {@code bytes} hold; throws {@link RejectedClassException} when they hold an object of
     * a class outside the allow-list, before any of that class's code runs.
     */
    Object decode(byte[] bytes) throws IOException;

    /** JDK serialization, reading only what {@code allowed} allows. */
    static Codec jdk(AllowList allowed) {
        return new JdkCodec(allowed, false);
    }
}
