package dev.versus.publish;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Writing the site failed; says which site the output folder holds now, so that every message
 * tells the user where they stand: the previous site, untouched (or no site, for a first build),
 * or the new one.
 */
public final class PublishException extends IOException {
    private final boolean newSiteInPlace;
    private final boolean previousSiteExists;

    PublishException(String message, boolean newSiteInPlace, boolean previousSiteExists) {
        super(message);
        this.newSiteInPlace = newSiteInPlace;
        this.previousSiteExists = previousSiteExists;
    }

    PublishException(IOException cause, boolean newSiteInPlace, boolean previousSiteExists) {
        super(describe(cause), cause);
        this.newSiteInPlace = newSiteInPlace;
        this.previousSiteExists = previousSiteExists;
    }

    /** A failure while the pages were written into the staging folder: the output was not touched. */
    public static PublishException beforeSwap(IOException cause, OutputFolder out) {
        return cause instanceof PublishException p ? p : new PublishException(cause, false, out.previousSiteExists());
    }

    /** What the output folder holds now, as the end of a sentence about {@code output}. */
    public String outcome(String output) {
        if (newSiteInPlace) return output + " holds the new site";
        return previousSiteExists ? "nothing was replaced: " + output + " still holds the previous site"
                : "nothing was written to " + output;
    }

    /** One line that says which file and why, for the I/O failures a user can act on. */
    public static String describe(IOException e) {
        if (e instanceof PublishException) return e.getMessage();
        if (e instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file or folder";
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + ": already exists";
        if (e instanceof NotDirectoryException d) return d.getFile() + ": is a file, not a folder";
        if (e instanceof FileSystemException fs) {
            return fs.getFile() + (fs.getReason() != null ? ": " + fs.getReason().toLowerCase(Locale.ROOT) : "");
        }
        if (e.getMessage() != null && e.getMessage().contains("No space left on device")) return "no space left on the device";
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
