package dev.minigun.internal;

/**
 * One failure in a run: of an item at a stage, or of a hook. It keeps the stage, what failed (for
 * messages), a bounded rendering of the item (never the item itself, which may be large or
 * mutable), the cause, and a hint.
 *
 * @param stage the stage to blame, or {@code null} for a run hook
 * @param where what failed, as a message says it: {@code stage 'x'}, {@code beforeStage hook of stage 'x'}
 * @param item the item's {@code toString}, truncated, or {@code null} when there is no item
 * @param attempts how many times the item was tried (0 when there is no item)
 * @param cause what was thrown
 * @param hint what the user can do about it, or an empty string
 */
public record Failure(String stage, String where, String item, int attempts, Throwable cause, String hint) {
    private static final int MAX_ITEM_TEXT = 200;

    /** A failure of {@code item} at {@code stage}. */
    public static Failure of(String stage, Object item, Throwable cause) {
        return of(stage, item, 1, cause);
    }

    /** A failure of {@code item} at {@code stage} after {@code attempts} attempts. */
    public static Failure of(String stage, Object item, int attempts, Throwable cause) {
        return new Failure(
                stage,
                "stage '" + stage + "'",
                item == null ? null : describe(item),
                attempts,
                cause,
                hint(item, cause));
    }

    /** A failure of the {@code hook} (beforeStage, afterRun, ...) of {@code stage}, or of the run when it is null. */
    public static Failure ofHook(String stage, String hook, Throwable cause) {
        String where = stage == null ? hook + " hook" : hook + " hook of stage '" + stage + "'";
        return new Failure(stage, where, null, 0, cause, "");
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
        String on = item == null ? "" : " on item " + item + (attempts > 1 ? " after " + attempts + " attempts" : "");
        return where + " failed" + on + ": " + cause + hint;
    }
}
