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

    // Codes are compared by family and id, not with the records' deep equals: these run for
    // every comparison page, and both codes of a pair are always of its family.
    public boolean contains(Code c) {
        return c.family().equals(family.id()) && (a.id().equals(c.id()) || b.id().equals(c.id()));
    }

    /** The code of the pair that is not {@code c} (which must be one of them). */
    public Code other(Code c) {
        return a.id().equals(c.id()) ? b : a;
    }
}
