package dev.versus.model;

/** A code of a given family, as written {@code family:code} in {@code seeAlso}. */
public record CodeRef(String family, String code) implements Comparable<CodeRef> {
    @Override
    public int compareTo(CodeRef o) {
        int c = family.compareTo(o.family);
        return c != 0 ? c : CodeOrder.INSTANCE.compare(code, o.code);
    }
}
