package dev.minigun.cli;

/** Placeholder entry point until the real CLI lands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("minigun: demo not built yet");
    }
}
