package dev.versus.model;

/** Two codes of one family, {@code a} before {@code b} in {@link CodeOrder}. */
public record Pair(Family family, Code a, Code b) {
    public Pair {
        if (CodeOrder.INSTANCE.compare(a.id(), b.id()) >= 0) {
            throw new IllegalArgumentException("pair out of order: " + a.id() + ", " + b.id());
        }
    }

    /** The URL slug, {@code 421-vs-552}. */
    public String slug() {
        return a.id() + "-vs-" + b.id();
    }

    public boolean contains(Code c) {
        return a.equals(c) || b.equals(c);
    }

    public Code other(Code c) {
        return a.equals(c) ? b : a;
    }
}
