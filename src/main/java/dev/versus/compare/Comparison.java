package dev.versus.compare;

import dev.versus.model.CodeRef;
import dev.versus.model.Group;
import dev.versus.model.Pair;
import java.util.List;

/**
 * What two codes share and where they differ, derived from their facts once per pair and
 * independent of language. {@link PairSentences} turns it into prose for each locale.
 *
 * @param sameGroup the group both codes belong to, or null if they differ
 * @param differences only the differences that hold, most important first
 */
public record Comparison(Pair pair, Group sameGroup, List<Difference> differences) {
    public Comparison {
        differences = List.copyOf(differences);
    }

    /** One contrast between the two codes; each becomes one sentence. */
    public sealed interface Difference {}

    /** Different severity (success / intermediate / transient / permanent). */
    public record SeverityDiff(String a, String b) implements Difference {}

    /** Different group in a family whose groups carry no severity (an enhanced code's subject). */
    public record GroupDiff(Group a, Group b) implements Difference {}

    /** Different reach: the whole connection, one recipient, the message... */
    public record ScopeDiff(String a, String b) implements Difference {}

    /** Different points of the session; commands in session order. */
    public record CommandsDiff(List<String> shared, List<String> aOnly, List<String> bOnly,
                               List<String> a, List<String> b) implements Difference {
        public CommandsDiff {
            shared = List.copyOf(shared);
            aOnly = List.copyOf(aOnly);
            bOnly = List.copyOf(bOnly);
            a = List.copyOf(a);
            b = List.copyOf(b);
        }
    }

    /** Where the condition usually lies. */
    public record CauseDiff(String a, String b) implements Difference {}

    /** Codes of another family that travel with each (either side may be empty, not both). */
    public record LinksDiff(String family, List<CodeRef> a, List<CodeRef> b) implements Difference {
        public LinksDiff {
            a = List.copyOf(a);
            b = List.copyOf(b);
        }
    }
}
