package dev.minigun.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The work of the census's {@code fingerprint} stage, and its CPU-heavy part: a SHA-256 of the
 * file's <em>shape</em>, its token stream with keywords and operators as written and every
 * identifier and number replaced by a placeholder, so that two files that differ only in names,
 * constants, comments, literals or layout (a type-2 clone, in clone-detection terms) share a
 * fingerprint. The digest is strengthened by hashing it together with the stream {@link #ROUNDS}
 * times over. The census then counts files of the same shape. It is a pure function of the text,
 * so it can run in worker processes.
 */
public final class Fingerprint {
    /** Passes of SHA-256 over the shape: each one hashes the previous digest and the whole stream. */
    public static final int ROUNDS = 16;

    private Fingerprint() {}

    /** The file of {@code parsed} with its fingerprint; its text stays here. */
    public static Fingerprinted of(ParsedFile parsed) {
        return new Fingerprinted(parsed.stats(), of(parsed.text()));
    }

    /** The fingerprint of {@code text}: 64 lowercase hex digits. */
    public static String of(String text) {
        byte[] shape = shape(text);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] digest = new byte[0];
        for (int round = 0; round < ROUNDS; round++) {
            sha.update(digest);
            sha.update(shape);
            digest = sha.digest();
        }
        return HexFormat.of().formatHex(digest);
    }

    /** The token stream of {@code text}: keywords and operators as written, {@code I} and {@code N} for the rest, space-separated. */
    static byte[] shape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2 + 16);
        JavaTokenizer tokens = new JavaTokenizer(text);
        for (TokenKind kind = tokens.next(); kind != null; kind = tokens.next()) {
            switch (kind) {
                case IDENTIFIER -> out.write('I');
                case NUMBER -> out.write('N');
                case KEYWORD, OPERATOR ->
                    out.writeBytes(text.substring(tokens.start(), tokens.end()).getBytes(StandardCharsets.UTF_8));
            }
            out.write(' ');
        }
        return out.toByteArray();
    }
}
