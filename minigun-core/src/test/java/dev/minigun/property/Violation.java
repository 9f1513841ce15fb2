package dev.minigun.property;

/**
 * A property a run broke, named so that shrinking keeps looking for the same kind of failure rather
 * than drifting to another one.
 */
final class Violation extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The property's short name, such as {@code accounting} or {@code no hang}. */
    private final String property;

    Violation(String property, String message) {
        this(property, message, null);
    }

    Violation(String property, String message, Throwable cause) {
        super("[" + property + "] " + message, cause);
        this.property = property;
    }

    String property() {
        return property;
    }

    /** The property {@code t} broke: its own for a violation, its type for anything else. */
    static String propertyOf(Throwable t) {
        return t instanceof Violation v
                ? v.property()
                : "unexpected " + t.getClass().getName();
    }
}
