package dev.versus.render.views;

import dev.versus.model.Code;

import java.util.Map;
import java.util.function.Function;

/**
 * The switch of the renderer's memo tables (each code's views, learn-more links, sentence
 * fragments, anchors): what a thousand pages share is made once per key. Each table is a claim
 * that its key names everything the value depends on; with the switch off every value is made
 * afresh, and {@code CachedFragmentsTest} requires the same pages byte for byte either way.
 */
final class Memo {
    private volatile boolean on = true;

    void off() {
        on = false;
    }

    /**
     * The key of a table of per-code values: a code in one locale. A record rather than a joined
     * string, so a key cannot leave out a part by a slip of concatenation.
     */
    record CodeKey(String locale, String family, String code) {
        static CodeKey of(String locale, Code c) {
            return new CodeKey(locale, c.family(), c.id());
        }

        // Written out, with the meaning a record gives them (as CodeRef's): every comparison page
        // looks up several of these, and the generated versions run through method handles,
        // several times slower under the launcher's C1-only JIT.
        @Override
        public boolean equals(Object o) {
            return o instanceof CodeKey k && locale.equals(k.locale) && family.equals(k.family) && code.equals(k.code);
        }

        @Override
        public int hashCode() {
            return (31 * locale.hashCode() + family.hashCode()) * 31 + code.hashCode();
        }
    }

    /** The key of a table of per-family values: a family in one locale. */
    record FamilyKey(String locale, String family) {
        // Written out, as CodeKey's.
        @Override
        public boolean equals(Object o) {
            return o instanceof FamilyKey k && locale.equals(k.locale) && family.equals(k.family);
        }

        @Override
        public int hashCode() {
            return 31 * locale.hashCode() + family.hashCode();
        }
    }

    /**
     * The value {@code table} holds for {@code key}, or null if it holds none yet (always null when
     * off). For the callers on every page: they look first and make their {@code make} function
     * only on a miss, since under the launcher's C1-only JIT each capturing lambda is an object
     * made through a method handle and a native call, not a plain allocation, and those were a
     * million per build.
     */
    <K, V> V hit(Map<K, V> table, K key) {
        return on ? table.get(key) : null;
    }

    /** The value {@code table} holds for {@code key}, made by {@code make} the first time; made each time when off. */
    <K, V> V get(Map<K, V> table, K key, Function<? super K, ? extends V> make) {
        return on ? table.computeIfAbsent(key, make) : make.apply(key);
    }
}
