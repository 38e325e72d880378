package dev.versus.i18n;

/** A translation file that cannot be changed safely; the message says which and why. Nothing was written. */
public final class TranslationEditException extends Exception {
    private static final long serialVersionUID = 1L;

    public TranslationEditException(String message) {
        super(message);
    }
}
