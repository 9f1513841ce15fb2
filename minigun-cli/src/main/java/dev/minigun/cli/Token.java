package dev.minigun.cli;

/**
 * One token of a source text, with its kind: what {@link JavaTokenizer#tokenize} returns, for tests
 * and for anyone who wants to see how a snippet is counted.
 *
 * @param kind what sort of token it is
 * @param text the token as written in the source
 */
public record Token(TokenKind kind, String text) {

    /** Shows the kind and the text, as in {@code IDENTIFIER:foo}. */
    @Override
    public String toString() {
        return kind + ":" + text;
    }
}
