package dev.versus.i18n;

import dev.versus.validate.SourceHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code versus i18n stamp}: records in translation files which English their fields were
 * translated from, declaring them current. Only fields without a record are stamped, unless
 * {@code refresh} also declares stale ones current (after a translator updated them by hand).
 * Every other line of the files stays as it was.
 */
public final class Stamp {
    private Stamp() {}

    /** What was stamped. */
    public record Result(int fields, List<String> files) {}

    /**
     * @param files translation file paths (relative to the source folder) to stamp; empty for all
     */
    public static Result run(Path root, TranslationStatus status, boolean refresh, Set<String> files)
            throws IOException, TranslationEditException {
        Predicate<FieldStatus> wanted = f -> (f.state() == FieldStatus.State.UNSTAMPED
                || (refresh && f.state() == FieldStatus.State.STALE))
                && (files.isEmpty() || files.contains(f.translation()));
        TranslationFiles out = new TranslationFiles(root);
        int fields = 0;
        for (FieldStatus f : status.fields()) {
            if (!wanted.test(f)) continue;
            out.editor(f.translation(), status.site().family(f.code().family()).audiences()).setHash(f.field(), SourceHash.of(f.english().value()));
            fields++;
        }
        TranslationFiles.Written written = out.writeAll();
        return new Result(fields, written.changed());
    }
}
