package dev.versus.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family of codes compared with each other (SMTP reply codes, SMTP enhanced status codes).
 * Codes are sorted by {@link CodeOrder}; {@code commandLabels} maps locale → command id → label,
 * in session order; {@code notes} are hand-written notes keyed by pair slug.
 */
public record Family(
        String id,
        Map<String, Text> names,
        Map<String, Text> titles,
        Map<String, Text> descriptions,
        List<Group> groups,
        Map<String, Map<String, Text>> commandLabels,
        List<Code> codes,
        Map<String, PairNote> notes) {

    public Family {
        names = Map.copyOf(names);
        titles = Map.copyOf(titles);
        descriptions = Map.copyOf(descriptions);
        groups = List.copyOf(groups);
        Map<String, Map<String, Text>> labels = new LinkedHashMap<>();
        commandLabels.forEach((k, v) -> labels.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        commandLabels = java.util.Collections.unmodifiableMap(labels);
        codes = codes.stream().sorted((x, y) -> CodeOrder.INSTANCE.compare(x.id(), y.id())).toList();
        notes = Map.copyOf(notes);
    }

    /** The short name used in titles ("SMTP") in a locale. */
    public String name(String locale) {
        return names.get(locale).value();
    }

    /** The hand-written note on a pair, or null. */
    public PairNote note(Pair pair) {
        return notes.get(pair.slug());
    }

    public Group group(String key) {
        for (Group g : groups) {
            if (g.key().equals(key)) return g;
        }
        throw new java.util.NoSuchElementException("no group " + key + " in family " + id);
    }

    public Group groupOf(Code code) {
        return group(code.groupKey());
    }

    /** The code with this id, or null. A binary search: codes are sorted by {@link CodeOrder}, a total order. */
    public Code code(String id) {
        int low = 0;
        int high = codes.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = CodeOrder.INSTANCE.compare(codes.get(mid).id(), id);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return codes.get(mid);
            }
        }
        return null;
    }

    /**
     * How many pairs {@link #pairs()} has, without making them: each has a comparison page (and
     * its redirect) in every locale. {@code check}'s summary, the family index's count and the
     * limit on pages per family read it here, so they count what the build renders; keep it
     * in step with {@link #pairs()}.
     */
    public long pairCount() {
        long n = codes.size();
        return n * (n - 1) / 2;
    }

    /** Every unordered pair, lower code first, in a stable order. */
    public List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>(codes.size() * (codes.size() - 1) / 2);
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                pairs.add(new Pair(this, codes.get(i), codes.get(j)));
            }
        }
        return pairs;
    }
}
