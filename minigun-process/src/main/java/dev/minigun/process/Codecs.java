package dev.minigun.process;

/** Makes the codec a stage's workers and parent agree on, by name: {@code jdk} or a {@link Codec} class. */
final class Codecs {
    private Codecs() {}

    static Codec create(String name, AllowList allowed, String who) {
        if (name == null || name.isEmpty() || name.equals("jdk")) {
            return new JdkCodec(allowed, false).named(who);
        }
        try {
            Class<?> type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
            return (Codec) type.getConstructor(AllowList.class).newInstance(allowed);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "codec '" + name
                            + "' (minigun.process.codec) is not a Codec with a public (AllowList) constructor: " + e,
                    e);
        }
    }
}
