package dev.minigun.process;

import java.io.ObjectInputFilter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The classes a worker (or an isolated stage) accepts from the other side of its pipe: everything
 * else is refused before any of its code runs. A stage's list is the union of the classes
 * registered with {@link #register} or named in the system property {@code minigun.process.allow}
 * (comma-separated class names, or package prefixes ending in {@code .*}), the classes inferred from
 * the stage's code (what its lambdas capture, the types in their signatures, and the package of the
 * class that defines them), and the value types of {@code java.base} (strings, boxed numbers,
 * {@code java.time}, {@code java.math}, the {@code java.util} collections, {@code java.net.URI}).
 */
public final class AllowList {
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
    private static final List<String> BASE_PACKAGES = List.of("java.lang", "java.util", "java.time", "java.math");
    private static final int MAX_DEPTH = 2_000;
    private static final long MAX_ARRAY = 50_000_000;

    private final Set<String> classes;
    private final Set<String> packages;

    private AllowList(Collection<String> entries) {
        Set<String> exact = new LinkedHashSet<>();
        Set<String> pkgs = new LinkedHashSet<>();
        for (String e : entries) {
            String entry = e.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.endsWith(".*")) {
                pkgs.add(entry.substring(0, entry.length() - 2));
            } else {
                exact.add(entry);
            }
        }
        this.classes = Set.copyOf(exact);
        this.packages = Set.copyOf(pkgs);
    }

    /** Allows {@code types} (and their arrays) for every stage of this JVM that starts after the call. */
    public static void register(Class<?>... types) {
        for (Class<?> t : types) {
            REGISTERED.add(t.getName());
        }
    }

    /**
     * A list of exactly {@code entries} (class names, or package prefixes ending in {@code .*}) plus
     * the {@code java.base} value types; nothing registered is added.
     */
    public static AllowList of(Collection<String> entries) {
        return new AllowList(entries);
    }

    /** The list of a stage: {@code inferred} plus what is registered and what the system property names. */
    static AllowList forStage(Collection<String> inferred) {
        Set<String> all = new LinkedHashSet<>(inferred);
        all.addAll(REGISTERED);
        String property = System.getProperty("minigun.process.allow", "");
        for (String name : property.split(",")) {
            all.add(name);
        }
        return new AllowList(all);
    }

    /** The entries of this list (class names and {@code package.*} prefixes), to ship to a worker. */
    List<String> entries() {
        List<String> out = new java.util.ArrayList<>(classes);
        packages.forEach(p -> out.add(p + ".*"));
        return out;
    }

    /** Whether an object of {@code type} may be read. */
    public boolean allows(Class<?> type) {
        Class<?> c = type;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isHidden()) {
            // A lambda made while reading a stage's code: allowed when the class that defines it is.
            Class<?> host = c.getNestHost();
            return host != c && allows(host);
        }
        if (c.isPrimitive() || classes.contains(c.getName()) || packages.contains(c.getPackageName())) {
            return true;
        }
        return isBaseValue(c);
    }

    private static boolean isBaseValue(Class<?> c) {
        if (c.getClassLoader() != null || !c.getModule().getName().equals("java.base")) {
            return false;
        }
        if (c == java.net.URI.class) {
            return true;
        }
        String pkg = c.getPackageName();
        for (String base : BASE_PACKAGES) {
            if (pkg.equals(base) || (base.equals("java.time") && pkg.startsWith("java.time."))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A deserialization filter that allows what this list allows (and, when {@code throwables}, any
     * exception class, for the errors a worker reports), refuses the rest, and tells
     * {@code onReject} the name of each refused class.
     */
    ObjectInputFilter filter(boolean throwables, Consumer<String> onReject) {
        return info -> {
            if (info.depth() > MAX_DEPTH || info.arrayLength() > MAX_ARRAY) {
                onReject.accept("(a graph deeper than " + MAX_DEPTH + " or an array longer than " + MAX_ARRAY + ")");
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            if (allows(c) || (throwables && Throwable.class.isAssignableFrom(elementOf(c)))) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            onReject.accept(c.getName());
            return ObjectInputFilter.Status.REJECTED;
        };
    }

    private static Class<?> elementOf(Class<?> c) {
        Class<?> e = c;
        while (e.isArray()) {
            e = e.getComponentType();
        }
        return e;
    }

    @Override
    public String toString() {
        return "AllowList" + entries();
    }
}
