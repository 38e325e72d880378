package dev.versus.model;

/** A code of a given family, as written {@code family:code} in {@code seeAlso}. */
public record CodeRef(String family, String code) implements Comparable<CodeRef> {
    @Override
    public int compareTo(CodeRef o) {
        int c = family.compareTo(o.family);
        return c != 0 ? c : CodeOrder.INSTANCE.compare(code, o.code);
    }

    // Written out, with the meaning a record gives them: lists of references are cache keys on
    // every comparison page, and the generated versions run through method handles, about four
    // times slower under the launcher's C1-only JIT.
    @Override
    public boolean equals(Object o) {
        return o instanceof CodeRef r && family.equals(r.family) && code.equals(r.code);
    }

    @Override
    public int hashCode() {
        return 31 * family.hashCode() + code.hashCode();
    }
}
