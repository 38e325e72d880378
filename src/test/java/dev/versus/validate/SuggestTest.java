package dev.versus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": the typos an author makes, and no wild guesses. */
class SuggestTest {
    private static final List<String> FIELDS = List.of("cause", "code", "commands", "description", "fix", "notes",
            "references", "related", "scope", "seeAlso", "summary", "title", "when");

    @Test
    void twoSwappedLettersAreOneSlip() {
        assertThat(Suggest.distance("titel", "title")).isEqualTo(1);
        assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggest.closest("titel", FIELDS)).contains("title");
        assertThat(Suggest.closest("secnario", List.of("scenario"))).contains("scenario");
    }

    @Test
    void insertionsDeletionsAndReplacementsAsBefore() {
        assertThat(Suggest.distance("sumary", "summary")).isEqualTo(1);
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.closest("sumary", FIELDS)).contains("summary");
        assertThat(Suggest.closest("note", FIELDS)).contains("notes");
    }

    @Test
    void aReplacementBeatsASwapAtTheSameDistance() {
        // 521 is one replacement from 421 and one swap from 251: the replacement is the likelier slip.
        assertThat(Suggest.closest("521", List.of("251", "421"))).contains("421");
    }

    @Test
    void nothingWhenNothingIsClose() {
        assertThat(Suggest.closest("galaxy", List.of("connection", "session", "transaction"))).isEmpty();
        assertThat(Suggest.closest("xyz", FIELDS)).isEmpty();
    }
}
