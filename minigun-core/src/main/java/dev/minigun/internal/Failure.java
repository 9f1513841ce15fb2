package dev.minigun.internal;

/**
 * One item that failed at one stage: the stage, a bounded rendering of the item (never the item
 * itself, which may be large or mutable), and the cause.
 *
 * @param stage the stage whose code threw
 * @param item the item's {@code toString}, truncated, or {@code null} for a producer
 * @param cause what was thrown
 * @param hint what the user can do about it, or an empty string
 */
public record Failure(String stage, String item, Throwable cause, String hint) {
    private static final int MAX_ITEM_TEXT = 200;

    /** A failure of {@code item} at {@code stage}. */
    public static Failure of(String stage, Object item, Throwable cause) {
        return new Failure(stage, item == null ? null : describe(item), cause, hint(item, cause));
    }

    private static String hint(Object item, Throwable cause) {
        // Items reach a stage untyped through emitTo: a cast of the item itself is a routing mistake.
        if (item != null
                && cause instanceof ClassCastException cce
                && cce.getMessage() != null
                && cce.getMessage().contains("class " + item.getClass().getName() + " cannot be cast")) {
            return " (the item's type, " + item.getClass().getName()
                    + ", is not what this stage takes: if it came through emitTo, check the stage that sent it)";
        }
        return "";
    }

    private static String describe(Object item) {
        String text;
        try {
            text = String.valueOf(item);
        } catch (RuntimeException e) {
            text = item.getClass().getName() + " (toString threw " + e + ")";
        }
        return text.length() <= MAX_ITEM_TEXT ? text : text.substring(0, MAX_ITEM_TEXT) + "...";
    }

    /** "stage 'x' failed on item ...: cause" */
    public String message() {
        String on = item == null ? "" : " on item " + item;
        return "stage '" + stage + "' failed" + on + ": " + cause + hint;
    }
}
