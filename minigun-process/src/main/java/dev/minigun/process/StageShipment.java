package dev.minigun.process;

import dev.minigun.PipelineDefinitionException;
import dev.minigun.WorkerOptions;
import dev.minigun.execution.Operation;
import dev.minigun.execution.StageSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stage made ready to ship, before any item moves: its code serialized once (which proves that it
 * and everything it captures can travel, or fails naming the class that cannot), the classes that
 * went into it (the bootstrap frame's own allow-list), and the item allow-list inferred from it.
 *
 * @param stage the stage's name
 * @param code the serialized {@link Bootstrap} with its own allow-list (the classes written into it),
 *     as one blob: what a worker or member reads first ({@link ShippedStage#readBootstrap})
 * @param allowList the stage's item allow-list
 * @param codecName the codec workers use
 * @param recycleAfter replace a worker after this many items (0 never)
 */
record StageShipment(String stage, byte[] code, AllowList allowList, String codecName, int recycleAfter) {

    /** The bootstrap with the classes written into it in front, made once per stage. */
    private static byte[] code(List<String> bootClasses, byte[] bootstrap) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(bootstrap.length + 512);
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            out.writeInt(bootClasses.size());
            for (String c : bootClasses) {
                out.writeUTF(c);
            }
            out.write(bootstrap);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static StageShipment of(StageSpec spec, String where) {
        String stage = spec.name();
        Serializable function;
        String kind;
        switch (spec.operation()) {
            case Operation.Process p -> {
                function = p.processor();
                kind = "process";
            }
            case Operation.Map m -> {
                function = m.function();
                kind = "map";
            }
            case Operation.Filter f -> {
                function = f.predicate();
                kind = "filter";
            }
            case Operation.Consume c -> {
                function = c.sink();
                kind = "consumer";
            }
            case Operation op ->
                throw new PipelineDefinitionException(
                        stage,
                        "stage '" + stage + "' is a " + op.label() + ", which cannot run on " + where
                                + ": run it on threads, and put the work it feeds on " + where);
        }
        WorkerOptions options = spec.exec().map(e -> e.workers()).orElse(WorkerOptions.NONE);
        String codec = System.getProperty("minigun.process.codec", "jdk");
        // First pass: what the code captures, to infer the items' allow-list.
        Collector probe = collect(
                stage,
                where,
                new Bootstrap(stage, kind, function, options.onStart(), options.onStop(), List.of(), codec));
        AllowList allow = AllowList.forStage(probe.inferred);
        Bootstrap boot =
                new Bootstrap(stage, kind, function, options.onStart(), options.onStop(), allow.entries(), codec);
        Collector done = collect(stage, where, boot);
        return new StageShipment(
                stage, code(List.copyOf(done.written), done.bytes.toByteArray()), allow, codec, options.recycleAfter());
    }

    private static Collector collect(String stage, String where, Bootstrap boot) {
        try {
            Collector c = new Collector();
            try (c) {
                c.writeObject(boot);
            }
            return c;
        } catch (NotSerializableException e) {
            throw new PipelineDefinitionException(
                    stage,
                    "stage '" + stage + "' runs on " + where + ", so its code must be serializable, but it captures an "
                            + "instance of " + e.getMessage() + ", which is not Serializable: make "
                            + e.getMessage() + " Serializable, capture only serializable values (not 'this' of a "
                            + "non-serializable class), or run the stage on threads");
        } catch (IOException | RuntimeException e) {
            throw new PipelineDefinitionException(
                    stage,
                    "stage '" + stage + "' runs on " + where + ", but its code cannot be serialized: " + e
                            + ": capture only serializable values, or run the stage on threads");
        }
    }

    /** Writes the bootstrap and notes every class it writes, and what the stage's lambdas tell of their items. */
    private static final class Collector extends ObjectOutputStream {
        final ByteArrayOutputStream bytes;
        final Set<String> written = new LinkedHashSet<>();
        final Set<String> inferred = new LinkedHashSet<>();

        Collector() throws IOException {
            this(new ByteArrayOutputStream(1024));
        }

        private Collector(ByteArrayOutputStream bytes) throws IOException {
            super(bytes);
            this.bytes = bytes;
            enableReplaceObject(true);
        }

        @Override
        protected void annotateClass(Class<?> cl) {
            written.add(cl.getName());
            if (!isInfrastructure(cl)) {
                inferred.add(cl.getName());
            }
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof SerializedLambda lambda) {
                String capturing = lambda.getCapturingClass().replace('/', '.');
                int dot = capturing.lastIndexOf('.');
                if (dot > 0) {
                    inferred.add(capturing.substring(0, dot) + ".*");
                }
                for (String type : typesIn(lambda.getInstantiatedMethodType())) {
                    inferred.add(type);
                }
            }
            return obj;
        }

        private static boolean isInfrastructure(Class<?> cl) {
            return cl == Bootstrap.class || cl == SerializedLambda.class;
        }
    }

    /** The class names of the reference types in a method descriptor such as {@code (Lx/A;I)Lx/B;}. */
    static List<String> typesIn(String descriptor) {
        List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < descriptor.length()) {
            char ch = descriptor.charAt(i);
            if (ch == 'L') {
                int end = descriptor.indexOf(';', i);
                String name = descriptor.substring(i + 1, end).replace('/', '.');
                out.add(name);
                i = end + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
