package dev.versus.render.views;

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

    /** The value {@code table} holds for {@code key}, made by {@code make} the first time; made each time when off. */
    <K, V> V get(Map<K, V> table, K key, Function<? super K, ? extends V> make) {
        return on ? table.computeIfAbsent(key, make) : make.apply(key);
    }
}
