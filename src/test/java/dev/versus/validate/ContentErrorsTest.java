package dev.versus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.ContentException;
import dev.versus.model.Code;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small broken site per content error, each with the exact message the author sees,
 * {@code path:line:column: message}. Every test starts from {@link TestSite}'s valid site and
 * breaks one thing; the line numbers refer to its text blocks.
 */
class ContentErrorsTest {
    @TempDir
    Path dir;

    TestSite site;

    @BeforeEach
    void writeValidSite() {
        site = TestSite.create(dir);
    }

    /** Validates the site and returns its errors as printed; fails if there are none. */
    List<String> errors() {
        try {
            new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
        } catch (ContentException e) {
            return e.errors().stream().map(ContentError::toString).toList();
        }
        throw new AssertionError("expected content errors, but the site is valid");
    }

    @Test
    void theMinimalSiteIsValid() throws ContentException {
        Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();

        assertThat(valid.locales()).containsExactly("en", "ja");
        assertThat(valid.families()).singleElement().satisfies(smtp ->
                assertThat(smtp.codes()).extracting(Code::id).containsExactly("421", "452", "552"));
    }

    /** The readers of fix are the family's (audiences: in _family.yaml), or the default ones. */
    @Nested
    class Audiences {
        @Test
        void anUnknownAudienceOfTheDefaultOnesIsLocatedWithASuggestion() {
            site.edit("content/smtp/552.yaml", "  sender: |", "  sendr: |");

            assertThat(errors()).containsExactly("content/smtp/552.yaml:9:10: fix 'sendr' is not an audience of this"
                    + " family (sender, recipient, admin); did you mean 'sender'?");
        }

        @Test
        void aCodeMayWriteOnlyTheAudiencesItsFamilyDeclares() {
            site.edit("content/smtp/_family.yaml", "groups:\n", "audiences:\n  - id: client\n    label: If you sent it\n"
                    + "  - id: operator\n    label: If you run the server\ngroups:\n");
            site.edit("content/smtp/_family.ja.yaml", "facts:\n", "audiences:\n  client: 送った方\n  operater: 運用者の方\n"
                    + "facts:\n");
            site.edit("content/smtp/452.yaml", "  admin: |", "  operator: |");
            site.edit("content/smtp/552.yaml", "  sender: |", "  client: |");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.ja.yaml:8:11: fix 'sender' is not an audience of this family (client, operator)",
                    "content/smtp/421.yaml:9:11: fix 'sender' is not an audience of this family (client, operator)",
                    "content/smtp/552.yaml:11:14: fix 'recipient' is not an audience of this family (client, operator)",
                    "content/smtp/_family.ja.yaml:3:3: missing ja label of audience 'operator', which the family file"
                            + " declares (audiences: {operator: …})",
                    "content/smtp/_family.ja.yaml:4:13: audience 'operater' is not declared in the family file;"
                            + " it declares client, operator; did you mean 'operator'?");
        }

        @Test
        void aFamilyLabelMustBeOneAFamilyMaySayAndKeepItsPlaceholders() {
            site.edit("content/smtp/_family.yaml", "groups:\n", "labels:\n  section.forServr: If you write a mail server\n"
                    + "  search.mismatch: '{basic} and {enhanced} disagree on {class}'\ngroups:\n");

            assertThat(errors()).containsExactly(
                    "content/smtp/_family.yaml:9:21: 'section.forServr' is not a label a family can say in its own words;"
                            + " it can: section.forServer, section.forSender, search.mismatch; did you mean 'section.forServer'?",
                    "content/smtp/_family.yaml:10:20: label 'search.mismatch' uses {class}, which it does not provide;"
                            + " available: {basic}, {enhanced}");
        }
    }

    @Nested
    class CodeFields {
        @Test
        void aMissingRequiredFieldPointsAtTheFile() {
            site.deleteLine("content/smtp/421.yaml", "summary:");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:1:1: missing required field 'summary' in code file");
        }

        @Test
        void aListWhereTextIsExpectedPointsAtTheList() {
            site.replaceLine("content/smtp/421.yaml", "title:", "title: [Service, Not Available]");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:2:8: field 'title' must be a text, found a list");
        }

        @Test
        void anEmptyRequiredTextAsksForTheText() {
            site.replaceLine("content/smtp/421.yaml", "summary:", "summary: ''");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:3:10: field 'summary' is empty; write its text");
        }

        @Test
        void aMisspelledFieldIsOneErrorWithASuggestion() {
            site.edit("content/smtp/421.yaml", "summary:", "sumary:");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:3:1: 'sumary': unknown field in code file; did you mean 'summary'?");
        }

        @Test
        void anUnknownFieldFarFromAnyKnownOneListsTheKnownFields() {
            site.append("content/smtp/421.yaml", "favourite: red\n");

            // The family's facts are fields of its code files too (severity overrides the group's).
            assertThat(errors()).containsExactly("content/smtp/421.yaml:18:1: 'favourite': unknown field in code file;"
                    + " known fields: aliases, cause, code, commands, description, examples, fix, notes, references, related, scope,"
                    + " seeAlso, severity, summary, title, use, when");
        }

        @Test
        void aCodeWhoseFirstDigitHasNoGroup() {
            site.edit("content/smtp/_family.yaml", "codePattern: '[2-5][0-9][0-9]'", "codePattern: '[2-6][0-9][0-9]'");
            site.write("content/smtp/621.yaml", TestSite.CODE_552.replace("code: '552'", "code: '621'"));

            assertThat(errors()).containsExactly("content/smtp/621.yaml:1:7: code 621 falls in group '6',"
                    + " which the family does not define; known groups: [2, 3, 4, 5]");
        }

        @Test
        void aCodeOutsideTheCodePattern() {
            site.write("content/smtp/621.yaml", TestSite.CODE_552.replace("code: '552'", "code: '621'"));

            assertThat(errors()).containsExactly("content/smtp/621.yaml:1:7: code '621' does not match the family's"
                    + " codePattern [2-5][0-9][0-9]");
        }

        @Test
        void aDuplicateCodeNamesTheFirstDefinition() {
            site.edit("content/smtp/552.yaml", "code: '552'", "code: '452'");

            assertThat(errors()).containsExactly("content/smtp/552.yaml:1:7: duplicate code 452: already defined at"
                    + " content/smtp/452.yaml:1:7; the code must match the file name, here '552'");
        }

        @Test
        void aReferenceUrlMustBeHttps() {
            site.edit("content/smtp/552.yaml", "url: https://", "url: http://");

            assertThat(errors()).containsExactly("content/smtp/552.yaml:19:10: reference url must be an https:// URL"
                    + " without spaces, found 'http://www.rfc-editor.org/rfc/rfc5321#section-4.2.3'");
        }

        @Test
        void aCommandOutsideTheFamilyVocabulary() {
            site.edit("content/smtp/421.yaml", "commands: [CONNECT, ANY]", "commands: [CONNECT, HELO]");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:13:21: 'HELO' is not a value of fact 'commands'"
                    + " (allowed: CONNECT, MAIL, RCPT, END-OF-DATA, ANY)");
        }

        /** covers: (docs/CONTENT-FORMAT.md, "A value that covers others"): each named value located, with a suggestion. */
        @Test
        void aValueThatCoversOthersNamesValuesOfItsFact() {
            site.edit("content/smtp/_family.yaml", "ANY: {value: any command, when: in reply to any command}",
                    "ANY: {value: any command, when: in reply to any command, covers: all, except: [CONECT],\n"
                    + "                        other: {value: any other command, when: in reply to any other command}}");
            site.edit("content/smtp/_family.ja.yaml", "ANY: {value: 任意のコマンド, when: 任意のコマンドに対して}",
                    "ANY: {value: 任意のコマンド, when: 任意のコマンドに対して, other: {value: それ以外のコマンド,"
                    + " when: それ以外のコマンドに対して}}");

            assertThat(errors()).containsExactly("content/smtp/_family.yaml:73:86: 'CONECT' in 'except' of value 'ANY' is"
                    + " not a value of this fact; did you mean 'CONNECT'?");
        }

        @Test
        void aValueThatCoversOthersSaysHowItIsSaidOfTheRest() {
            site.edit("content/smtp/_family.yaml", "ANY: {value: any command, when: in reply to any command}",
                    "ANY: {value: any command, when: in reply to any command, covers: [MAIL, RCPT, EHLO]}");

            assertThat(errors()).containsExactly(
                    "content/smtp/_family.yaml:73:64: value 'ANY' covers other values, so it needs 'other:': its forms"
                            + " [value, when] said of the rest of what it covers, once some of that is said apart (\"any other"
                            + " command\")",
                    "content/smtp/_family.yaml:73:85: 'EHLO' in 'covers' of value 'ANY' is not a value of this fact");
        }

        @Test
        void aMisspelledCommandGetsASuggestion() {
            site.edit("content/smtp/421.yaml", "commands: [CONNECT, ANY]", "commands: [CONECT, ANY]");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:13:12: 'CONECT' is not a value of fact 'commands'"
                    + " (allowed: CONNECT, MAIL, RCPT, END-OF-DATA, ANY); did you mean 'CONNECT'?");
        }
    }

    @Nested
    class Links {
        @Test
        void aRelatedCodeThatDoesNotExist() {
            site.edit("content/smtp/421.yaml", "related: ['452']", "related: ['452', '450']");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:14:18: related code '450' does not exist in family smtp; did you mean '452'?");
        }

        @Test
        void aRelatedCodeIsNeverSuggestedAsItself() {
            site.edit("content/smtp/452.yaml", "related: ['552', '421']", "related: ['552', '453']");

            assertThat(errors()).containsExactly(
                    "content/smtp/452.yaml:14:18: related code '453' does not exist in family smtp");
        }

        @Test
        void aSeeAlsoIntoTheCodesOwnFamilyPointsToRelated() {
            site.append("content/smtp/421.yaml", "seeAlso: ['smtp:452']\n");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:18:11: seeAlso 'smtp:452' names this code's own family; seeAlso is for"
                            + " codes of other families, so list 452 under 'related' instead");
        }

        @Test
        void aSeeAlsoToAFamilyThatDoesNotExist() {
            site.append("content/smtp/421.yaml", "seeAlso: ['smtp-enhanced:X.2.2']\n");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:18:11: seeAlso names family 'smtp-enhanced', which does not exist");
        }

        @Test
        void aSeeAlsoToACodeTheOtherFamilyDoesNotHave() {
            site.write("content/smtp-enhanced/_family.yaml", """
                    id: smtp-enhanced
                    name: Enhanced
                    title: Enhanced mail system status codes
                    description: Class, subject and detail (RFC 3463).
                    codePattern: 'X\\.[0-9]{1,3}\\.[0-9]{1,3}'
                    groupBy: '^X\\.([0-9]+)\\.'
                    groups:
                      - key: '2'
                        name: Addressing
                    """);
            site.append("content/smtp/421.yaml", "seeAlso: ['smtp-enhanced:X.2.2']\n");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:18:11: seeAlso code 'X.2.2' does not exist in family smtp-enhanced");
        }

        @Test
        void aCodeWithErrorsIsReportedOnceNotAgainByTheFilesThatLinkToIt() {
            // 452 lists 421 in related, and 421.ja.yaml translates it: neither is a second error.
            site.replaceLine("content/smtp/421.yaml", "title:", "title: \"Service Not Available");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:2:8: invalid YAML: the quoted text that"
                    + " starts here is not closed before the end of the file");
        }
    }

    @Nested
    class Translations {
        @Test
        void aTranslationOfACodeThatDoesNotExist() {
            site.write("content/smtp/450.ja.yaml", TestSite.CODE_421_JA);

            assertThat(errors()).containsExactly("content/smtp/450.ja.yaml:1:1: translation for unknown code '450';"
                    + " there is no 450.yaml in this family; did you mean '452'?");
        }

        @Test
        void aTranslationIntoALocaleTheSiteDoesNotHave() {
            site.write("content/smtp/421.fr.yaml", "title: Service non disponible\n");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.fr.yaml:1:1: translation for unknown locale 'fr'; site.yaml lists [en, ja]");
        }

        @Test
        void anEmptyTranslatedFieldIsAnErrorNotASilentFallbackToEnglish() {
            site.replaceLine("content/smtp/421.ja.yaml", "summary:", "summary:");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.ja.yaml:2:9: field 'summary' is empty; write its text or remove the field");
        }

        @Test
        void aTranslationOfTextTheEnglishFileDoesNotHave() {
            site.append("content/smtp/421.ja.yaml", "notes: |\n  英語にない注記です。\n");

            assertThat(errors()).containsExactly("content/smtp/421.ja.yaml:10:8: 'notes' has no English text to"
                    + " translate; add notes to the code file first");
        }

        @Test
        void aTranslationOfAUseTheEnglishFileDoesNotHave() {
            site.append("content/smtp/421.ja.yaml", "use: 421 は、サービスを停止するときに返します。\n");

            assertThat(errors()).containsExactly("content/smtp/421.ja.yaml:10:6: 'use' has no English text to"
                    + " translate; add use to the code file first");
        }

        @Test
        void aTranslationWithErrorsIsCheckedEvenWhenItsCodeFileHasErrorsToo() {
            site.deleteLine("content/smtp/421.yaml", "scope:");
            site.edit("content/smtp/421.ja.yaml", "summary:", "sumary:");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.ja.yaml:2:1: 'sumary': unknown field in translation file; did you mean 'summary'?",
                    "content/smtp/421.yaml:1:1: code 421 has no value for fact 'scope': write scope: in"
                            + " content/smtp/421.yaml, or give group '4' a default in _family.yaml"
                            + " (one of [connection, session, transaction, recipient, message, command])");
        }
    }

    @Nested
    class Locales {
        @Test
        void aLabelMissingFromALocaleFilePointsAtItsSection() {
            // A label of the site's own (the built-in theme has none of that name), which a template
            // of the site shows, in English only.
            site.replaceLine("locales/en.yaml", "  pairsCount:", "  pairsCount: \"{count} comparisons\"\n  extra: Extra");
            site.write("templates/extra.ftlh", "${page.labels[\"family.extra\"]}\n");
            int section = site.lineOf("locales/ja.yaml", "family:");

            assertThat(errors()).containsExactly("locales/ja.yaml:" + section + ":1: missing label 'family.extra';"
                    + " the default locale has: \"Extra\"");
        }

        @Test
        void aLabelLeftOutOfASiteLocaleFileComesFromTheBuiltInTheme() throws ContentException {
            site.deleteLine("locales/ja.yaml", "  pairsCount:");

            Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
            assertThat(valid.labels("ja").get("family.pairsCount")).isEqualTo("{count} 件の比較");
        }

        @Test
        void aPatternUsingAPlaceholderItsCallerDoesNotProvide() {
            site.replaceLine("locales/ja.yaml", "  pairsCount:", "  pairsCount: \"{total} 件の比較\"");
            int line = site.lineOf("locales/ja.yaml", "  pairsCount:");

            assertThat(errors()).containsExactly("locales/ja.yaml:" + line + ":15: label 'family.pairsCount' uses"
                    + " {total}, which this pattern does not provide; available: {count}");
        }

        @Test
        void aBlankLabelIsAnErrorUnlessItIsASeparator() throws ContentException {
            site.replaceLine("locales/ja.yaml", "  pairsCount:", "  pairsCount: \"  \"");
            int line = site.lineOf("locales/ja.yaml", "  pairsCount:");
            assertThat(errors()).containsExactly("locales/ja.yaml:" + line + ":15: label 'family.pairsCount' must be a non-empty"
                    + " text, found a blank text; only a label whose key ends in Separator may be blank");

            site.replaceLine("locales/ja.yaml", "  pairsCount:", "  pairsCount: \"{count} 件の比較\"");
            Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
            assertThat(valid.labels("ja").get("translation.linkSeparator")).isEmpty();
            assertThat(valid.labels("en").get("translation.linkSeparator")).isEqualTo(" ");
        }

        @Test
        void aLocaleFileForALocaleTheSiteDoesNotList() {
            site.write("locales/fr.yaml", "language: Français\n");

            assertThat(errors()).containsExactly("locales/fr.yaml:1:1: locale file for 'fr', which is not in"
                    + " site.yaml's locales [en, ja]; add it there or remove the file");
        }
    }

    @Nested
    class Yaml {
        @Test
        void anUnclosedQuotePointsAtWhereTheQuoteStarts() {
            site.replaceLine("content/smtp/421.yaml", "title:", "title: \"Service Not Available");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:2:8: invalid YAML: the quoted text that"
                    + " starts here is not closed before the end of the file");
        }

        @Test
        void anUnclosedListPointsAtWhereSnakeYamlStoppedAndSaysWhereTheListStarts() {
            site.edit("content/smtp/421.yaml", "commands: [CONNECT, ANY]", "commands: [CONNECT, ANY");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:14:8: invalid YAML: expected ',' or ']',"
                    + " but got : (in the list [ ] that starts at line 13, column 11)");
        }

        @Test
        void aColonInUnquotedTextSaysToQuoteIt() {
            site.replaceLine("content/smtp/421.yaml", "summary:", "summary: Not available: closing the connection.");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:3:23: invalid YAML: mapping values are not"
                    + " allowed here; put a text that contains ': ' in quotes");
        }

        @Test
        void aFieldIndentedByMistakeSaysSo() {
            // YAML reads the indented line as more of the title's text, then trips on its colon.
            site.replaceLine("content/smtp/421.yaml", "summary:", "  summary: The server is closing the connection.");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:3:10: invalid YAML: mapping values are not"
                    + " allowed here; this line is indented, so it continues the text above it: if it starts a field,"
                    + " remove the spaces before it; if it is text, put the text in quotes");
        }

        @Test
        void aDuplicateKeyNamesTheFirstOne() {
            site.append("content/smtp/421.yaml", "scope: session\n");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:18:1: duplicate key 'scope' (first at line 11); each field may appear once");
        }

        @Test
        void aJavaClassTagIsRejected() {
            site.append("content/smtp/421.yaml", "notes: !!javax.script.ScriptEngineManager"
                    + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/\"]]]]\n");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:18:8: tag !!javax.script.ScriptEngineManager"
                    + " is not allowed; Versus reads plain data only, so remove the tag");
        }

        @Test
        void aJavaClassTagConstructsNothing() {
            Canary.created = false;
            site.append("content/smtp/421.yaml", "notes: !!" + Canary.class.getName() + " {}\n");

            assertThat(errors()).containsExactly("content/smtp/421.yaml:18:8: tag !!" + Canary.class.getName()
                    + " is not allowed; Versus reads plain data only, so remove the tag");
            assertThat(Canary.created).as("the tagged class was instantiated").isFalse();
        }

        @Test
        void aLocalTagIsRejectedToo() {
            site.edit("content/smtp/421.yaml", "scope: connection", "scope: !word connection");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:11:8: tag !word is not allowed; Versus reads plain data only, so remove the tag");
        }

        @Test
        void aFileThatIsNotUtf8GivesTheLineColumnAndByteOffset() {
            // "title: サービス利用不可" then é in Latin-1: column 16 in characters, offset 31 in bytes.
            byte[] prefix = "title: サービス利用不可".getBytes(StandardCharsets.UTF_8);
            byte[] file = new byte[prefix.length + 2];
            System.arraycopy(prefix, 0, file, 0, prefix.length);
            file[prefix.length] = (byte) 0xE9;
            file[prefix.length + 1] = '\n';
            site.writeBytes("content/smtp/421.ja.yaml", file);

            assertThat(errors()).containsExactly("content/smtp/421.ja.yaml:1:16: file is not valid UTF-8:"
                    + " bad byte 0xE9 at byte offset 31; save the file as UTF-8");
        }
    }

    /** Facts (docs/CONTENT-FORMAT.md, "Facts"): everything the comparison engine relies on is checked here. */
    @Nested
    class Facts {
        @Test
        void aGroupWithoutADefaultLeavesItsCodesWithoutAValue() {
            site.deleteLine("content/smtp/_family.yaml", "    severity: permanent");

            assertThat(errors()).containsExactly("content/smtp/552.yaml:1:1: code 552 has no value for fact 'severity':"
                    + " write severity: in content/smtp/552.yaml, or give group '5' a default in _family.yaml"
                    + " (one of [success, intermediate, transient, permanent])");
        }

        @Test
        void aCodeMayOverrideItsGroupsDefault() throws ContentException {
            site.deleteLine("content/smtp/_family.yaml", "    severity: permanent");
            site.append("content/smtp/552.yaml", "severity: transient\n");

            Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
            assertThat(valid.family("smtp").code("552").fact("severity")).containsExactly("transient");
            assertThat(valid.family("smtp").code("452").fact("severity")).containsExactly("transient");
        }

        @Test
        void aValueTheFactDoesNotAllow() {
            site.edit("content/smtp/552.yaml", "scope: message", "scope: mesage");

            assertThat(errors()).containsExactly("content/smtp/552.yaml:13:8: scope 'mesage' is not one of"
                    + " [connection, session, transaction, recipient, message, command]; did you mean 'message'?");
        }

        @Test
        void aParagraphWrittenAsAValueIsQuotedOnOneLineAndCut() {
            site.edit("content/smtp/552.yaml", "scope: message", "scope: |\n  The server ran out of room for\n  this message, and says so.");

            assertThat(errors()).containsExactly("content/smtp/552.yaml:13:8: scope 'The server ran out of room for\\nthis message,"
                    + " and says so.' is not one of [connection, session, transaction, recipient, message, command]");
        }

        @Test
        void aLongValueIsCutWhereItCanStillBeFound() {
            String value = "message " + "and more ".repeat(10);
            site.edit("content/smtp/552.yaml", "scope: message", "scope: " + value.strip());

            assertThat(errors()).singleElement().asString()
                    .startsWith("content/smtp/552.yaml:13:8: scope 'message and more and more")
                    .contains(" mo…' is not one of");
        }

        @Test
        void aValueWithoutANameInALocale() {
            int line = site.lineOf("content/smtp/_family.ja.yaml", "  cause:");
            site.deleteLine("content/smtp/_family.ja.yaml", "      none: 問題なし");

            // At the map of values, whose first entry is three lines below the fact's id.
            assertThat(errors()).containsExactly("content/smtp/_family.ja.yaml:" + (line + 3) + ":7: value 'none'"
                    + " of fact 'cause' has no ja name");
        }

        @Test
        void aFactWithoutALabelInALocale() {
            int line = site.lineOf("content/smtp/_family.ja.yaml", "  scope:");
            site.deleteLine("content/smtp/_family.ja.yaml", "    label: 影響範囲");

            assertThat(errors()).containsExactly("content/smtp/_family.ja.yaml:" + (line + 1) + ":5: missing required"
                    + " field 'label' in fact translation");
        }

        @Test
        void aPatternMissingInALocale() {
            site.deleteLine("content/smtp/_family.ja.yaml", "      same: 影響範囲は{value}");
            int line = site.lineOf("content/smtp/_family.ja.yaml", "      differ: \"{a} の影響範囲");

            // At the fact's patterns: their first entry, once 'same' is gone.
            assertThat(errors()).containsExactly("content/smtp/_family.ja.yaml:" + line + ":7: fact 'scope' has"
                    + " no ja pattern 'same', which en has");
        }

        @Test
        void aPlaceholderTheFactDoesNotProvide() {
            site.edit("content/smtp/_family.yaml", "affects {aValue}, while", "affects {aEffect}, while");
            int line = site.lineOf("content/smtp/_family.yaml", "      differ: \"{a} affects");

            assertThat(errors()).containsExactly("content/smtp/_family.yaml:" + line + ":15: pattern 'differ' of fact"
                    + " 'scope' uses {aEffect}, which it does not provide; available: {a}, {aValue}, {b}, {bValue}");
        }

        @Test
        void aPatternNameAFactDoesNotHave() {
            site.edit("content/smtp/_family.yaml", "      same: affect {value}", "      sme: affect {value}");
            int line = site.lineOf("content/smtp/_family.yaml", "      sme:");

            int ja = site.lineOf("content/smtp/_family.ja.yaml", "      same: 影響範囲は{value}");
            assertThat(errors()).containsExactly(
                    "content/smtp/_family.ja.yaml:" + ja + ":13: pattern 'same' of fact 'scope' is not in the en family"
                            + " file; add it there first",
                    "content/smtp/_family.yaml:" + line + ":12: 'sme' is not a pattern a one-of"
                            + " fact has; known: same, differ, advice, serverAdvice; did you mean 'same'?");
        }

        @Test
        void aFamilyPatternWithAPlaceholderItDoesNotProvide() {
            site.append("content/smtp/_family.yaml", "patterns:\n  diffNone: \"{a} and {c} agree.\"\n");
            int line = site.lineOf("content/smtp/_family.yaml", "  diffNone:");

            // One mistake, one error: the broken pattern is not also reported missing in Japanese.
            assertThat(errors()).containsExactly(
                    "content/smtp/_family.yaml:" + line + ":13: pattern 'diffNone' uses {c}, which it does not provide;"
                            + " available: {a}, {aSummary}, {aSummaryClause}, {aTitle}, {b}, {bSummary}, {bSummaryClause}, {bTitle},"
                            + " {difference}, {family}");
        }

        @Test
        void aValueLikeOneTheFactDoesNotHave() {
            site.edit("content/smtp/_family.yaml", "permanent: {value: Permanent failure, plural: permanent failures}",
                    "permanent: {value: Permanent failure, plural: permanent failures, like: transeint}");
            int line = site.lineOf("content/smtp/_family.yaml", "      permanent: {value: Permanent failure");
            int column = site.read("content/smtp/_family.yaml").lines().toList().get(line - 1).indexOf("transeint") + 1;

            assertThat(errors()).containsExactly("content/smtp/_family.yaml:" + line + ":" + column + ": value 'permanent' is"
                    + " like 'transeint', which is not a value of this fact; did you mean 'transient'?");
        }

        @Test
        void anUnknownKind() {
            site.edit("content/smtp/_family.yaml", "kind: several-of", "kind: many");
            int line = site.lineOf("content/smtp/_family.yaml", "    kind: many");

            assertThat(errors()).containsExactly("content/smtp/_family.yaml:" + line + ":11: fact kind 'many' is not one of"
                    + " [one-of, several-of, yes-no, number, codes]");
        }
    }

    /** {@code index:} in a family file: what its index page calls its groups and which fact it shows. */
    @Nested
    class FamilyIndex {
        @Test
        void theIndexNamesItsGroupsByAOneOfFactAndShowsAnotherBesideEachCode() throws ContentException {
            site.append("content/smtp/_family.yaml", "index:\n  groupedBy: severity\n  column: scope\n");
            Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();

            assertThat(valid.family("smtp").index()).isEqualTo(new dev.versus.model.Family.Index("severity", "scope"));
        }

        @Test
        void factsThatDoNotExistOrCannotServeAreLocated() {
            site.append("content/smtp/_family.yaml", "index:\n  groupedBy: commands\n  column: severty\n  groups: x\n");
            int line = site.lineOf("content/smtp/_family.yaml", "  groupedBy: commands");

            assertThat(errors()).containsExactly(
                    "content/smtp/_family.yaml:" + line + ":14: index.groupedBy names the fact whose values the groups are,"
                            + " so it must be a fact of kind one-of; 'commands' is not",
                    "content/smtp/_family.yaml:" + (line + 1) + ":11: index.column 'severty' is not a fact of this family;"
                            + " did you mean 'severity'?",
                    "content/smtp/_family.yaml:" + (line + 2) + ":3: 'groups': unknown field in family index;"
                            + " known fields: column, groupedBy");
        }
    }

    /** {@code pairs:} in a family file: which pairs get a comparison page. */
    @Nested
    class Pairs {
        private List<String> pairs() throws ContentException {
            Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
            return valid.family("smtp").pairs().stream().map(dev.versus.model.Pair::slug).toList();
        }

        @Test
        void allPairsByDefault() throws ContentException {
            assertThat(pairs()).containsExactly("421-vs-452", "421-vs-552", "452-vs-552");
        }

        @Test
        void withinAGroupPlusEveryPairWithANote() throws ContentException {
            site.append("content/smtp/_family.yaml", "pairs: group\n");
            assertThat(pairs()).containsExactly("421-vs-452");

            site.write("content/smtp/pairs/421-vs-552.md", "Some expert text.\n");
            assertThat(pairs()).containsExactly("421-vs-452", "421-vs-552");
        }

        @Test
        void codesOneOfWhichNamesTheOtherInRelated() throws ContentException {
            site.edit("content/smtp/452.yaml", "related: ['552', '421']", "related: ['552']");
            site.edit("content/smtp/552.yaml", "related: ['452']", "related: []");
            site.append("content/smtp/_family.yaml", "pairs: related\n");

            // 421 names 452, 452 names 552; nobody names the pair 421, 552.
            assertThat(pairs()).containsExactly("421-vs-452", "452-vs-552");
        }

        @Test
        void anExplicitListInEitherOrder() throws ContentException {
            site.append("content/smtp/_family.yaml", "pairs: ['552-vs-421']\n");
            assertThat(pairs()).containsExactly("421-vs-552");
        }

        @Test
        void anUnknownRuleIsLocatedWithASuggestion() {
            site.append("content/smtp/_family.yaml", "pairs: grup\n");
            int line = site.lineOf("content/smtp/_family.yaml", "pairs: grup");

            assertThat(errors()).containsExactly("content/smtp/_family.yaml:" + line + ":8: pairs 'grup' is not one of"
                    + " [all, group, related] or a list of pairs (421-vs-552); did you mean 'group'?");
        }

        @Test
        void badEntriesOfAListAreLocatedEachOnce() {
            site.append("content/smtp/_family.yaml", "pairs:\n  - 421-vs-999\n  - 421-vs-421\n  - 421-vs-452\n"
                    + "  - 452-vs-421\n  - 421 and 452\n");
            int line = site.lineOf("content/smtp/_family.yaml", "  - 421-vs-999");

            assertThat(errors()).containsExactly(
                    "content/smtp/_family.yaml:" + line + ":5: pair '421-vs-999' names code 999, which the family does"
                            + " not have",
                    "content/smtp/_family.yaml:" + (line + 1) + ":5: pair '421-vs-421' compares a code with itself",
                    "content/smtp/_family.yaml:" + (line + 3) + ":5: pair '452-vs-421' is listed twice (first at"
                            + " content/smtp/_family.yaml:" + (line + 2) + ":5)",
                    "content/smtp/_family.yaml:" + (line + 4) + ":5: pair '421 and 452' must name two codes as <a>-vs-<b>,"
                            + " like 421-vs-552");
        }
    }

    @Test
    void everyErrorInEveryFileIsReportedTogetherSortedByPathLineAndColumn() {
        site.replaceLine("locales/ja.yaml", "  pairsCount:", "  pairsCount: \"{total} 件の比較\"");
        int labelLine = site.lineOf("locales/ja.yaml", "  pairsCount:");
        site.edit("content/smtp/_family.yaml", "severity: permanent", "severity: permanant");
        site.append("content/smtp/552.yaml", "note: found after the fields above, printed after them\n");
        site.edit("content/smtp/552.yaml", "url: https://", "url: http://");
        site.edit("content/smtp/552.yaml", "cause: either", "cause: eiher");
        site.edit("content/smtp/452.yaml", "related: ['552', '421']", "related: ['552', '521']");
        site.replaceLine("content/smtp/421.ja.yaml", "title:", "title: ''");

        assertThat(errors()).containsExactly(
                "content/smtp/421.ja.yaml:1:8: field 'title' is empty; write its text or remove the field",
                "content/smtp/452.yaml:14:18: related code '521' does not exist in family smtp; did you mean '421'?",
                "content/smtp/552.yaml:14:8: cause 'eiher' is not one of [sender, receiver, either, none];"
                        + " did you mean 'either'?",
                "content/smtp/552.yaml:19:10: reference url must be an https:// URL without spaces,"
                        + " found 'http://www.rfc-editor.org/rfc/rfc5321#section-4.2.3'",
                "content/smtp/552.yaml:20:1: 'note': unknown field in code file; did you mean 'notes'?",
                "content/smtp/_family.yaml:20:15: severity 'permanant' is not one of"
                        + " [success, intermediate, transient, permanent]; did you mean 'permanent'?",
                "locales/ja.yaml:" + labelLine + ":15: label 'family.pairsCount' uses {total},"
                        + " which this pattern does not provide; available: {count}");
    }

    /** A class a YAML tag could name; constructing it would flip the flag. */
    public static final class Canary {
        static volatile boolean created;

        public Canary() {
            created = true;
        }
    }

    @Nested
    class PairNotes {
        @Test
        void aNoteNamingACodeThatDoesNotExistIsAnError() {
            site.write("content/smtp/pairs/421-vs-553.md", "Some expert text.\n");

            assertThat(errors()).containsExactly(
                    "content/smtp/pairs/421-vs-553.md:1:1: pair note names code '553', which does not exist in this family;"
                            + " did you mean '552'?");
        }

        @Test
        void aNoteAboutACodeWhoseFileHasErrorsAddsNoErrorOfItsOwn() {
            // The code exists; its file is what to fix, and saying the note names a missing code
            // ("did you mean '452'?") would send the author the wrong way.
            site.write("content/smtp/pairs/421-vs-552.md", "Some expert text.\n")
                    .replaceLine("content/smtp/421.yaml", "title:", "titel: Service Not Available");

            assertThat(errors()).containsExactly(
                    "content/smtp/421.yaml:2:1: 'titel': unknown field in code file; did you mean 'title'?");
        }

        @Test
        void aNoteInTheWrongOrderSaysWhichNameToUse() {
            site.write("content/smtp/pairs/552-vs-421.md", "Some expert text.\n");

            assertThat(errors()).containsExactly("content/smtp/pairs/552-vs-421.md:1:1: name the note 421-vs-552.md:"
                    + " the lower code comes first, as in the page's address");
        }

        @Test
        void aFrontMatterErrorPointsAtItsLine() {
            site.write("content/smtp/pairs/421-vs-552.md", "---\nsection: diferences\n---\nText.\n");

            assertThat(errors()).containsExactly("content/smtp/pairs/421-vs-552.md:2:10: section 'diferences' is not one of"
                    + " [differences, choose]");
        }

        @Test
        void aTranslationWithoutTheNoteItselfIsAnError() {
            site.write("content/smtp/pairs/421-vs-552.ja.md", "補足です。\n");

            assertThat(errors()).containsExactly("content/smtp/pairs/421-vs-552.ja.md:1:1: translation of a pair note"
                    + " without the note itself; add 421-vs-552.md first");
        }

        @Test
        void aValidNoteReachesTheModelInEachLocale() throws ContentException {
            site.write("content/smtp/pairs/421-vs-552.md", "---\nsection: choose\nreplace: true\n---\nExpert text.\n")
                    .write("content/smtp/pairs/421-vs-552.ja.md", "専門家の補足です。\n");

            Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
            var note = valid.family("smtp").notes().get("421-vs-552");
            assertThat(note.section()).isEqualTo("choose");
            assertThat(note.replace()).isTrue();
            assertThat(note.body().get("en").value()).isEqualTo("Expert text.");
            assertThat(note.body().get("ja").value()).isEqualTo("専門家の補足です。");
        }
    }
}
