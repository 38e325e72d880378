package dev.versus.compare;

import dev.versus.compare.Comparison.CauseDiff;
import dev.versus.compare.Comparison.CommandsDiff;
import dev.versus.compare.Comparison.Difference;
import dev.versus.compare.Comparison.GroupDiff;
import dev.versus.compare.Comparison.LinksDiff;
import dev.versus.compare.Comparison.ScopeDiff;
import dev.versus.compare.Comparison.SeverityDiff;
import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.Family;
import dev.versus.model.Group;
import dev.versus.model.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Derives a {@link Comparison} from the facts of two codes. Only contrasts that hold are kept:
 * two codes with the same scope get no scope sentence. Stateless and thread-safe.
 */
public final class PairAnalyzer {

    public Comparison analyze(Pair pair) {
        Family family = pair.family();
        Code a = pair.a();
        Code b = pair.b();
        Group ga = family.groupOf(a);
        Group gb = family.groupOf(b);
        List<Difference> diffs = new ArrayList<>();
        boolean severities = ga.severity() != null && gb.severity() != null;
        if (severities && !ga.severity().equals(gb.severity())) {
            diffs.add(new SeverityDiff(ga.severity(), gb.severity()));
        }
        if (!a.scope().equals(b.scope())) diffs.add(new ScopeDiff(a.scope(), b.scope()));
        commands(a, b, diffs);
        if (!a.cause().equals(b.cause()) && !"none".equals(a.cause()) && !"none".equals(b.cause())
                && !"either".equals(a.cause()) && !"either".equals(b.cause())) {
            diffs.add(new CauseDiff(a.cause(), b.cause()));
        }
        links(a, b, diffs);
        // The intro already names both groups; repeat it as a difference only if nothing else differs.
        if (!severities && !ga.key().equals(gb.key()) && diffs.isEmpty()) diffs.add(new GroupDiff(ga, gb));
        return new Comparison(pair, ga.key().equals(gb.key()) ? ga : null, diffs);
    }

    private static void commands(Code a, Code b, List<Difference> diffs) {
        if (a.commands().isEmpty() || b.commands().isEmpty() || a.commands().equals(b.commands())) return;
        List<String> shared = a.commands().stream().filter(b.commands()::contains).toList();
        List<String> aOnly = a.commands().stream().filter(c -> !b.commands().contains(c)).toList();
        List<String> bOnly = b.commands().stream().filter(c -> !a.commands().contains(c)).toList();
        diffs.add(new CommandsDiff(shared, aOnly, bOnly, a.commands(), b.commands()));
    }

    private static void links(Code a, Code b, List<Difference> diffs) {
        TreeSet<String> families = new TreeSet<>();
        a.links().forEach(l -> families.add(l.family()));
        b.links().forEach(l -> families.add(l.family()));
        for (String f : families) {
            List<CodeRef> la = a.links().stream().filter(l -> l.family().equals(f)).toList();
            List<CodeRef> lb = b.links().stream().filter(l -> l.family().equals(f)).toList();
            if (!Objects.equals(la, lb)) diffs.add(new LinksDiff(f, la, lb));
        }
    }
}
