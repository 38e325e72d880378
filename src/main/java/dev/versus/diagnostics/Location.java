package dev.versus.diagnostics;

/** A place in a source file, 1-based, as printed in error messages ({@code path:line:column}). */
public record Location(String path, int line, int column) implements Comparable<Location> {

    /** A location for problems that concern a whole file (line and column 1). */
    public static Location fileStart(String path) {
        return new Location(path, 1, 1);
    }

    @Override
    public int compareTo(Location o) {
        int c = path.compareTo(o.path);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
