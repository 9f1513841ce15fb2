package dev.minigun.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The framing of the pipes between a parent and its worker: a length, a type byte, then the
 * payload. A worker's stdout carries nothing else (the worker moves {@code System.out} to stderr
 * before any user code runs), so a frame can never be corrupted by a stray print.
 */
final class Frames {
    /** Parent to worker: the {@link Bootstrap}, preceded by the classes its bytes may hold. */
    static final byte BOOT = 1;
    /** Worker to parent: the hooks ran, the worker takes batches. */
    static final byte READY = 2;
    /** Worker to parent: the worker could not start; the payload is the error text. */
    static final byte BOOT_FAILED = 3;
    /** Parent to worker: a batch of items. */
    static final byte BATCH = 4;
    /** Worker to parent: one outcome per item of the batch. */
    static final byte RESULT = 5;
    /** Worker to parent: the batch could not be read (a class outside the allow-list); the payload is why. */
    static final byte REJECTED = 6;

    private static final int MAX = 1 << 30;

    private Frames() {}

    /** One frame. */
    record Frame(byte type, byte[] payload) {}

    static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.writeByte(type);
        out.write(payload);
        out.flush();
    }

    /** The next frame; {@link java.io.EOFException} when the other side has closed the pipe. */
    static Frame read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX) {
            throw new IOException("corrupt frame: length " + length);
        }
        byte type = in.readByte();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(type, payload);
    }
}
