package dev.minigun.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/**
 * Carries an exception from a worker to its parent with its own class and remote stack trace (so
 * the stage's error policy, {@code retry(...).on(IOException.class)} included, sees what the code
 * threw), its message tagged with the worker's pid and stage. When the exception cannot travel as
 * itself, a {@link RemoteStageException} with the same class name, message and trace stands in.
 */
final class RemoteErrors {
    private RemoteErrors() {}

    static String tag(String where, String stage) {
        return " [" + where + " of stage '" + stage + "']";
    }

    /** The bytes of {@code error}, thrown in {@code where} (like {@code worker pid 4711}) by {@code stage}. */
    static byte[] encode(Throwable error, String where, String stage) throws IOException {
        String tag = tag(where, stage);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        byte[] itself = serialize(error, tag);
        out.writeInt(itself == null ? -1 : itself.length);
        if (itself != null) {
            out.write(itself);
        }
        out.writeUTF(error.getClass().getName());
        out.writeUTF(truncate(String.valueOf(error.getMessage()) + tag));
        StackTraceElement[] trace = error.getStackTrace();
        out.writeInt(trace.length);
        for (StackTraceElement e : trace) {
            out.writeUTF(e.getClassName());
            out.writeUTF(e.getMethodName());
            out.writeUTF(e.getFileName() == null ? "" : e.getFileName());
            out.writeInt(e.getLineNumber());
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static String truncate(String s) {
        return s.length() > 16_000 ? s.substring(0, 16_000) + "..." : s;
    }

    /** The exception itself, its message tagged; {@code null} if it cannot be serialized. */
    private static byte[] serialize(Throwable error, String tag) {
        String message = error.getMessage();
        try {
            byte[] tagged = message == null ? null : write(error, message, message + tag);
            if (tagged != null) {
                return tagged;
            }
            // No message to tag (or one computed by getMessage): the pid rides on a suppressed note.
            error.addSuppressed(
                    new RemoteStageException(error.getClass().getName(), "thrown" + tag, new StackTraceElement[0]));
            return write(error, null, null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Serializes {@code error}, replacing the string instance {@code from} by {@code to}; null if it never met it. */
    private static byte[] write(Throwable error, String from, String to) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] replaced = {from == null};
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(from != null);
            }

            @Override
            protected Object replaceObject(Object obj) {
                if (obj == from) {
                    replaced[0] = true;
                    return to;
                }
                return obj;
            }
        }) {
            out.writeObject(error);
        }
        return replaced[0] ? bytes.toByteArray() : null;
    }

    /** The exception {@link #encode} wrote, read through {@code codec} (which allows exception classes). */
    static Throwable decode(byte[] bytes, JdkCodec codec) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int length = in.readInt();
        Throwable itself = null;
        if (length >= 0) {
            byte[] blob = in.readNBytes(length);
            try {
                if (codec.decode(blob) instanceof Throwable t) {
                    itself = t;
                }
            } catch (IOException | RuntimeException e) {
                itself = null; // not allowed or not readable here: the stand-in below says the same
            }
        }
        String className = in.readUTF();
        String message = in.readUTF();
        int n = in.readInt();
        StackTraceElement[] trace = new StackTraceElement[n];
        for (int i = 0; i < n; i++) {
            String cls = in.readUTF();
            String method = in.readUTF();
            String file = in.readUTF();
            int line = in.readInt();
            trace[i] = new StackTraceElement(cls, method, file.isEmpty() ? null : file, line);
        }
        if (itself != null) {
            return itself;
        }
        return new RemoteStageException(className, className + ": " + message, trace);
    }
}
