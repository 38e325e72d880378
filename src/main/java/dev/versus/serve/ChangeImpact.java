package dev.versus.serve;

import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.CodeText;
import dev.versus.model.Family;
import dev.versus.model.LabelKey;
import dev.versus.model.PairNote;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.ProseLinker;
import dev.versus.render.site.Page;
import dev.versus.render.views.SiteRenderer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pages whose content can differ between two versions of a site: the model before and after
 * a change of the sources, and the templates that changed in between. {@code versus serve} renders
 * only these, so this class must know every way a page reads the model (see
 * {@link SiteRenderer} and {@code CodeViews}); when unsure it selects more, never less, because a
 * stale page is a bug and an extra page only costs time. Pages the site did not have before are
 * not its business: the caller renders every page it does not hold yet.
 *
 * <p>What a page shows, and therefore what re-renders it:
 * <ul>
 *   <li>a code page: the code itself (its facts, and its text in the page's locale), the titles
 *       of the codes it lists (its family's codes in "compare with", its {@code related} and
 *       {@code seeAlso} codes), the family's names and groups, the labels of its locale and the
 *       language names of the others;</li>
 *   <li>a comparison: both codes as on their own pages, the sentences derived from their facts,
 *       the pair's note, the ids of their related codes;</li>
 *   <li>a family index: title, summary and group of each of its codes; the home pages: family
 *       titles, descriptions and code counts;</li>
 *   <li>a redirect: only the two ids, the labels and the base URL;</li>
 *   <li>any prose (Markdown) links the codes it mentions that exist, so adding or removing a code
 *       changes every prose that mentions its id.</li>
 * </ul>
 * A code whose text changed in one locale only (its Japanese file, or an English field that
 * Japanese translates) selects pages of that locale only; a change of its facts selects all.
 * Changes to the site file, a family's names, titles, groups, commands, audiences or labels, a template that is not
 * a page template ({@code layout.ftlh}) or a language name select everything.
 */
public final class ChangeImpact implements Predicate<Page> {
    private boolean all;
    private boolean root;
    private final Set<Page.Kind> kinds = EnumSet.noneOf(Page.Kind.class);
    /** Locales all of whose pages are selected. */
    private final Set<String> locales = new HashSet<>();
    /** What is selected in every locale. */
    private final Selection everyLocale = new Selection();
    /** What is selected in one locale only. */
    private final Map<String, Selection> byLocale = new HashMap<>();
    /** Family id → codes whose language-neutral entries are selected (a title changed in some locale). */
    private final Map<String, Set<String>> entries = new HashMap<>();

    /** Pages selected below the level of a whole locale. */
    private static final class Selection {
        boolean homes;
        /** Family ids whose index page is selected. */
        final Set<String> familyIndexes = new HashSet<>();
        /** Family ids all of whose code pages are selected. */
        final Set<String> familyCodePages = new HashSet<>();
        /** Family id → codes whose pages and comparisons are selected. */
        final Map<String, Set<String>> codes = new HashMap<>();
        /** Family id → slugs ("421-vs-552") of single comparisons selected. */
        final Map<String, Set<String>> pairs = new HashMap<>();

        boolean test(Page p) {
            return switch (p.kind()) {
                case ROOT, REDIRECT, ENTRY, COMPACT_ENTRY -> false; // entries: see ChangeImpact.test
                case HOME -> homes;
                case FAMILY -> familyIndexes.contains(p.family());
                case CODE, COMPACT -> familyCodePages.contains(p.family()) || in(codes, p.family(), p.code());
                case PAIR -> in(codes, p.family(), p.code()) || in(codes, p.family(), p.other())
                        || (pairs.containsKey(p.family()) && in(pairs, p.family(), p.code() + "-vs-" + p.other()));
            };
        }
    }

    private ChangeImpact() {}

    /** Every page. */
    public static ChangeImpact everything() {
        ChangeImpact impact = new ChangeImpact();
        impact.all = true;
        return impact;
    }

    /**
     * The pages that differ between {@code before} and {@code after} (both validated models)
     * when, in addition, the templates named in {@code changedTemplates} (relative to
     * {@code templates/}, such as {@code code.ftlh}) changed.
     */
    public static ChangeImpact between(Site before, Site after, Collection<String> changedTemplates) {
        ChangeImpact impact = new ChangeImpact();
        impact.compare(before, after, changedTemplates);
        return impact;
    }

    /** True if every page is selected. */
    public boolean everyPage() {
        return all;
    }

    /**
     * True if the view of {@code code} in {@code locale} (its text, facts and lists as a code page
     * and both sides of its comparisons show them) is the same before and after the change.
     */
    public boolean keepsView(String locale, Code code) {
        if (all || locales.contains(locale) || in(everyLocale.codes, code.family(), code.id())) return false;
        Selection s = byLocale.get(locale);
        return s == null || !in(s.codes, code.family(), code.id());
    }

    @Override
    public boolean test(Page p) {
        if (all || kinds.contains(p.kind())) return true;
        if (p.kind() == Page.Kind.ENTRY || p.kind() == Page.Kind.COMPACT_ENTRY) {
            // Language-neutral: it shows each locale's name (a label) and the code's title there.
            return root || in(entries, p.family(), p.code());
        }
        if (p.locale() == null) return root;
        if (locales.contains(p.locale()) || everyLocale.test(p)) return true;
        Selection s = byLocale.get(p.locale());
        return s != null && s.test(p);
    }

    private Selection in(String locale) {
        return byLocale.computeIfAbsent(locale, k -> new Selection());
    }

    private void compare(Site before, Site after, Collection<String> changedTemplates) {
        for (String template : changedTemplates) {
            List<Page.Kind> using = Arrays.stream(Page.Kind.values()).filter(k -> k.template().equals(template)).toList();
            // layout.ftlh, or anything else a page template imports or includes.
            if (using.isEmpty()) all = true;
            else kinds.addAll(using);
        }
        if (!before.title().equals(after.title()) || !before.baseUrl().equals(after.baseUrl())
                || !before.defaultLocale().equals(after.defaultLocale()) || !before.locales().equals(after.locales())
                || before.compactPages() != after.compactPages()) {
            all = true;
        }
        List<String> familyIds = after.families().stream().map(Family::id).toList();
        if (!before.families().stream().map(Family::id).toList().equals(familyIds)) {
            all = true; // the home pages list families in order; a family may be mentioned anywhere
        }
        if (all) return;
        for (String locale : after.locales()) {
            Map<String, String> was = before.labels(locale).values();
            Map<String, String> now = after.labels(locale).values();
            if (!was.equals(now)) {
                locales.add(locale);
                root = true;
                // Every page names every language in its language switcher.
                if (!Objects.equals(was.get(LabelKey.LANGUAGE.key()), now.get(LabelKey.LANGUAGE.key()))) all = true;
            }
        }
        Set<String> addedOrRemoved = new HashSet<>();
        for (Family now : after.families()) {
            Family was = before.family(now.id());
            if (!was.names().equals(now.names()) || !was.titles().equals(now.titles())
                    || !was.groups().equals(now.groups())
                    // Facts and the family's patterns are named on every page of the family.
                    || !was.facts().equals(now.facts()) || !was.patterns().equals(now.patterns())
                    // Audiences head every fix; the family's labels, its pages' sections and its search answer.
                    || !was.audiences().equals(now.audiences()) || !was.labels().equals(now.labels())
                    // Which pairs have pages: every "Compare with", picker, count and learn-more list.
                    || !was.pairSelection().equals(now.pairSelection())) {
                all = true;
                return;
            }
            if (!was.descriptions().equals(now.descriptions())) {
                everyLocale.homes = true;
                everyLocale.familyIndexes.add(now.id());
            }
            notes(now.id(), was.notes(), now.notes());
            List<String> wasIds = was.codes().stream().map(Code::id).toList();
            List<String> nowIds = now.codes().stream().map(Code::id).toList();
            if (!wasIds.equals(nowIds)) {
                // Counts on the home pages, the index, "compare with" on every code page.
                everyLocale.homes = true;
                everyLocale.familyIndexes.add(now.id());
                everyLocale.familyCodePages.add(now.id());
                wasIds.stream().filter(id -> !nowIds.contains(id)).forEach(addedOrRemoved::add);
                nowIds.stream().filter(id -> !wasIds.contains(id)).forEach(addedOrRemoved::add);
            }
            for (Code code : now.codes()) {
                Code old = was.code(code.id());
                if (old != null && !old.equals(code)) changed(after, now, old, code);
            }
        }
        if (!addedOrRemoved.isEmpty()) mentions(before, after, addedOrRemoved);
    }

    /** A code that exists before and after but differs. */
    private void changed(Site after, Family family, Code old, Code code) {
        boolean facts = !sameFacts(old, code);
        if (facts) add(everyLocale.codes, family.id(), code.id());
        if (!old.groupKey().equals(code.groupKey())) everyLocale.familyIndexes.add(family.id());
        for (String locale : after.locales()) {
            CodeText was = old.text(locale);
            CodeText now = code.text(locale);
            if (Objects.equals(was, now)) continue;
            Selection s = in(locale);
            add(s.codes, family.id(), code.id());
            if (!Objects.equals(was.title(), now.title())) add(entries, family.id(), code.id());
            if (Objects.equals(was.title(), now.title()) && Objects.equals(was.summary(), now.summary())) continue;
            // Its title and summary show on the family index, its title in every list of codes.
            s.familyIndexes.add(family.id());
            s.familyCodePages.add(family.id());
            CodeRef ref = new CodeRef(family.id(), code.id());
            for (Family f : after.families()) {
                for (Code c : f.codes()) {
                    // A code's own view (on its page and on both sides of each of its comparisons)
                    // lists its related and seeAlso codes with their titles.
                    if ((f.id().equals(family.id()) && c.related().contains(code.id())) || c.links().contains(ref)) {
                        add(s.codes, f.id(), c.id());
                    }
                }
            }
        }
    }

    /**
     * True if two versions of a code are equal in everything but their texts: every component
     * of the record is compared, so a fact added to {@link Code} later is not overlooked here.
     */
    private static boolean sameFacts(Code a, Code b) {
        try {
            for (RecordComponent c : Code.class.getRecordComponents()) {
                if (c.getName().equals("texts")) continue;
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) return false;
            }
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }

    private void notes(String family, Map<String, PairNote> was, Map<String, PairNote> now) {
        Set<String> slugs = new HashSet<>(was.keySet());
        slugs.addAll(now.keySet());
        for (String slug : slugs) {
            if (!Objects.equals(was.get(slug), now.get(slug))) add(everyLocale.pairs, family, slug);
            // A pair with a note comes first in both codes' "Compare with" lists.
            if ((was.get(slug) == null) != (now.get(slug) == null)) {
                int vs = slug.indexOf("-vs-");
                if (vs > 0) {
                    add(everyLocale.codes, family, slug.substring(0, vs));
                    add(everyLocale.codes, family, slug.substring(vs + 4));
                }
            }
        }
    }

    /**
     * Codes that appear or disappear turn their mentions in prose into links or back into text:
     * selects every page whose prose mentions one of {@code ids}, found with the linker of the
     * site that has the code.
     */
    private void mentions(Site before, Site after, Set<String> ids) {
        List<ProseLinker> linkers = List.of(new ProseLinker(before), new ProseLinker(after));
        for (Family f : after.families()) {
            for (String locale : after.locales()) {
                if (mentions(linkers, ids, f.descriptions().get(locale), f.id())) {
                    everyLocale.homes = true;
                    everyLocale.familyIndexes.add(f.id());
                }
            }
            for (Code c : f.codes()) {
                boolean mentioned = false;
                for (String locale : after.locales()) {
                    CodeText t = c.text(locale);
                    for (Text prose : List.of(t.title(), t.summary(), t.description(), t.when())) {
                        mentioned |= mentions(linkers, ids, prose, f.id());
                    }
                    for (Text prose : t.fix().values()) mentioned |= mentions(linkers, ids, prose, f.id());
                    mentioned |= mentions(linkers, ids, t.notes(), f.id());
                }
                if (mentioned) add(everyLocale.codes, f.id(), c.id());
            }
            for (PairNote note : f.notes().values()) {
                for (Text t : note.body().values()) {
                    if (mentions(linkers, ids, t, f.id())) add(everyLocale.pairs, f.id(), note.slug());
                }
            }
        }
    }

    private static boolean mentions(List<ProseLinker> linkers, Set<String> ids, Text text, String family) {
        if (text == null) return false;
        boolean[] found = {false};
        for (ProseLinker linker : linkers) {
            linker.forEachMention(text.value(), family, (fam, id) -> {
                if (ids.contains(id)) found[0] = true;
                return null;
            }, (start, end, href) -> {});
        }
        return found[0];
    }

    private static void add(Map<String, Set<String>> byFamily, String family, String id) {
        byFamily.computeIfAbsent(family, k -> new HashSet<>()).add(id);
    }

    private static boolean in(Map<String, Set<String>> byFamily, String family, String id) {
        Set<String> ids = byFamily.get(family);
        return ids != null && ids.contains(id);
    }
}
