package dev.minigun.process;

import java.io.InvalidClassException;

/**
 * A codec refused to read an object because its class is not in the stage's {@link AllowList}: the
 * bytes came from outside what the stage declared, so none of that class's code was run. The
 * message names the class and how to allow it.
 */
public final class RejectedClassException extends InvalidClassException {
    private static final long serialVersionUID = 1L;

    /** The class {@code className} was refused; {@code where} says by whom. */
    public RejectedClassException(String className, String where) {
        super(
                className,
                where + " refused class " + className
                        + ": it is not in the stage's allow-list; register it with AllowList.register("
                        + className + ".class) or -Dminigun.process.allow=" + className);
    }
}
