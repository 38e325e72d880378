package dev.versus.model;

import dev.versus.diagnostics.Location;

/**
 * A real reply text a server or provider sends with a code, quoted as written, with who sends it
 * ({@code from}: Postfix, Gmail) and the public document it was read in ({@code url}, one of the
 * code's references). {@code lang} is the language of the file it was written in: an example
 * from the default language's file is shown in every locale, one from a translation file only in
 * that locale.
 */
public record Example(String text, String from, String url, String lang, Location location) {}
