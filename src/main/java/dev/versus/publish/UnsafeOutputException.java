package dev.versus.publish;

/** The output folder given is one Versus must not write over. */
public final class UnsafeOutputException extends Exception {
    public UnsafeOutputException(String message) {
        super(message, null, false, false);
    }
}
