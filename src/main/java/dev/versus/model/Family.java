package dev.versus.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family of codes compared with each other (SMTP reply codes, SMTP enhanced status codes).
 * Codes are sorted by {@link CodeOrder}; {@code facts} are the facts it declares, in their
 * declared order; {@code patterns} are its own sentence patterns (locale → name → text), which
 * take the place of the locale's {@code pattern.<name>} on its pages; {@code notes} are
 * hand-written notes keyed by pair slug; {@code pairSelection} says which pairs have a
 * comparison page ({@link #pairs()}, {@link #hasPair}); {@code index} says how its index page
 * names its groups and which fact it shows beside each code; {@code audiences} are the readers a
 * code's {@code fix} speaks to, in the order pages show them; {@code labels} are the locale labels
 * its pages say in its own words (locale → key → text): the heading {@code fix.<audience>} of each
 * audience it declares and its replacements of {@code section.forServer} and the like
 * ({@link Site#labels(String, Family)} lays them over the locale's); {@code alternatives} is the
 * fact two codes must share a value of before the engine weighs one against the other for a
 * server (codes that answer different commands are not alternatives), or null for none.
 */
public record Family(
        String id,
        Map<String, Text> names,
        Map<String, Text> titles,
        Map<String, Text> descriptions,
        List<Group> groups,
        List<Fact> facts,
        Map<String, Map<String, Text>> patterns,
        List<Code> codes,
        Map<String, PairNote> notes,
        PairSelection pairSelection,
        Index index,
        List<String> audiences,
        Map<String, Map<String, Text>> labels,
        String alternatives) {

    public Family(String id, Map<String, Text> names, Map<String, Text> titles, Map<String, Text> descriptions,
                  List<Group> groups, List<Fact> facts, Map<String, Map<String, Text>> patterns, List<Code> codes,
                  Map<String, PairNote> notes, PairSelection pairSelection, Index index, List<String> audiences,
                  Map<String, Map<String, Text>> labels) {
        this(id, names, titles, descriptions, groups, facts, patterns, codes, notes, pairSelection, index, audiences, labels,
                null);
    }

    /**
     * The family's index page: {@code groupedBy} is the fact whose values its groups are (its
     * label names them: "Subject", "Class"), or null to show the groups by name only;
     * {@code column}, the fact shown beside each code, or null for the first {@code quick} fact.
     */
    public record Index(String groupedBy, String column) {
        public static final Index DEFAULT = new Index(null, null);
    }

    public Family {
        names = Map.copyOf(names);
        titles = Map.copyOf(titles);
        descriptions = Map.copyOf(descriptions);
        groups = List.copyOf(groups);
        facts = List.copyOf(facts);
        Map<String, Map<String, Text>> p = new LinkedHashMap<>();
        patterns.forEach((k, v) -> p.put(k, Map.copyOf(v)));
        patterns = java.util.Collections.unmodifiableMap(p);
        codes = codes.stream().sorted((x, y) -> CodeOrder.INSTANCE.compare(x.id(), y.id())).toList();
        notes = Map.copyOf(notes);
        if (pairSelection == null) pairSelection = PairSelection.ALL;
        if (index == null) index = Index.DEFAULT;
        audiences = List.copyOf(audiences);
        Map<String, Map<String, Text>> l = new LinkedHashMap<>();
        labels.forEach((k, v) -> l.put(k, Map.copyOf(v)));
        labels = java.util.Collections.unmodifiableMap(l);
    }

    /** The short name used in titles ("SMTP") in a locale. */
    public String name(String locale) {
        return names.get(locale).value();
    }

    /** The fact with this id, or null. */
    public Fact fact(String id) {
        for (Fact f : facts) {
            if (f.id().equals(id)) return f;
        }
        return null;
    }

    /** The family's own pattern {@code name} in a locale, or null if it uses the locale's. */
    public Text pattern(String locale, String name) {
        Map<String, Text> p = patterns.get(locale);
        return p == null ? null : p.get(name);
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
        if (!pairSelection.all()) return pairSelection.slugs().size();
        long n = codes.size();
        return n * (n - 1) / 2;
    }

    /**
     * Whether the two codes (either order) have a comparison page. Every link to a comparison
     * asks this first, so no page links to one the family does not make.
     */
    public boolean hasPair(Code x, Code y) {
        if (x.id().equals(y.id())) return false;
        if (pairSelection.all()) return true;
        boolean xFirst = CodeOrder.INSTANCE.compare(x.id(), y.id()) < 0;
        return pairSelection.slugs().contains(xFirst ? x.id() + "-vs-" + y.id() : y.id() + "-vs-" + x.id());
    }

    /** Every pair with a comparison page, lower code first, in a stable order. */
    public List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, pairCount()));
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                if (hasPair(codes.get(i), codes.get(j))) pairs.add(new Pair(this, codes.get(i), codes.get(j)));
            }
        }
        return pairs;
    }
}
