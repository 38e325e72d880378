package dev.versus.diagnostics;


/** One problem found in the sources, printed as {@code path:line:column: message}. */
public record ContentError(Location location, String message) implements Comparable<ContentError> {

    @Override
    public int compareTo(ContentError o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
