package dev.minigun.cli;

/**
 * The kinds of token {@link JavaTokenizer} counts. Comments, whitespace and string, character and
 * text-block literals are skipped and are not tokens at all.
 */
public enum TokenKind {
    /** A name that is not a reserved word: {@code String}, {@code i}, {@code var}, {@code record}. */
    IDENTIFIER,
    /** A reserved keyword of the JLS (§3.9), or one of the literals {@code true}, {@code false}, {@code null}. */
    KEYWORD,
    /** A numeric literal, including its suffix: {@code 42}, {@code 0x1F}, {@code 1_000L}, {@code 1.5e-3f}. */
    NUMBER,
    /** An operator or separator ({@code ->}, {@code >>>=}, {@code ;}, {@code @}), or any other lone character. */
    OPERATOR
}
