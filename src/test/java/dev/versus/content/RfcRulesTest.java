package dev.versus.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.CodeText;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.site.UrlStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Rules of the RFCs that the catalogue once got wrong (issue 17, the RFC audit), held so that an
 * edit cannot bring them back: where enhanced status codes may appear at all (RFC 2034), the range
 * of a basic reply code (RFC 5321 §4.2), and requirement levels that the prose must keep as the RFC
 * states them (a SHOULD is not a MUST, a MAY is not a SHOULD).
 */
class RfcRulesTest {
    private static Site site;

    @BeforeAll
    static void validateRepositoryContent() throws Exception {
        site = new Build(new Build.Options(Path.of("."), null, null, UrlStyle.PRETTY)).validate();
    }

    /**
     * RFC 2034 §3 (4): enhanced codes preface "all 2xx, 4xx, and 5xx SMTP responses other than the
     * initial greeting and any response to HELO or EHLO"; §4: "3xx responses are NOT included".
     */
    @Test
    void enhancedCodesNeverAnswerTheGreetingHeloEhloOrAThreeDigitIntermediateReply() {
        Set<String> excluded = Set.of("CONNECT", "HELO", "EHLO");
        Family enhanced = site.family("smtp-enhanced");
        assertThat(enhanced.fact("commands").values())
                .as("the smtp-enhanced command vocabulary (RFC 2034 §3)").doesNotContainAnyElementsOf(excluded);
        List<String> wrong = new ArrayList<>();
        for (Code c : enhanced.codes()) {
            for (String command : c.fact("commands")) {
                if (excluded.contains(command)) wrong.add(c.id() + " answers " + command);
            }
            for (CodeRef link : c.links()) {
                if (link.family().equals("smtp") && link.code().startsWith("3")) wrong.add(c.id() + " travels with " + link.code());
            }
        }
        assertThat(wrong).as("enhanced codes on the greeting, on HELO/EHLO replies or on 3xx replies (RFC 2034 §3, §4)").isEmpty();
    }

    /**
     * Facts two reviewers found false (issue 15): the pairings the RFCs' examples show lead a reply
     * code's list (RFC 2034 §6: 550 5.1.1, 250 2.1.0, 221 2.0.0); nobody has to fix a 3yz reply
     * (RFC 5321 §4.2.1); 252 answers VRFY and EXPN, not RCPT, and EXPN never gets 251 (RFC 5321
     * §4.3.2); reverse DNS is no sender authentication (RFC 7372 §3.3).
     */
    @Test
    void theTableFactsTheReviewFoundFalseStayTrue() {
        Family smtp = site.family("smtp");
        Family enhanced = site.family("smtp-enhanced");
        assertThat(smtp.code("550").links()).startsWith(new CodeRef("smtp-enhanced", "X.1.1"), new CodeRef("smtp-enhanced", "X.7.1"));
        assertThat(smtp.code("221").links()).startsWith(new CodeRef("smtp-enhanced", "X.0.0"));
        assertThat(smtp.code("250").links()).startsWith(new CodeRef("smtp-enhanced", "X.0.0"), new CodeRef("smtp-enhanced", "X.1.0"));
        assertThat(smtp.code("354").fact("actor")).as("354: the client simply sends the data").isEmpty();
        assertThat(smtp.code("334").fact("actor")).as("334: the client simply answers the challenge").isEmpty();
        assertThat(smtp.code("252").fact("scope")).containsExactly("command");
        assertThat(smtp.code("251").fact("commands")).doesNotContain("EXPN");
        assertThat(enhanced.code("X.7.25").fact("about")).doesNotContain("senderAuth");
        assertThat(enhanced.code("X.1.9").fact("cause")).containsExactly("none");
    }

    /**
     * Facts the reviews of 3 December 2026 found false (issue 15): each as the RFC states it. A
     * 554 greeting leaves the server waiting only for QUIT (RFC 5321 §3.1); the protocol codes
     * concern what RFC 5321 §4.2.2 and RFC 3463 §3.6 say they concern, not "the protocol" as a
     * whole; the RRVS codes are about ownership, not routing (RFC 7293 §15.3); 432 and X.7.12 are
     * one condition (RFC 4954 §6); X.6.10 is only a deprecated duplicate (RFC 6531 §4.2); X.7.1
     * refuses a recipient at RCPT and the transaction at MAIL (RFC 5321 §3.3); X.0.0 may be a
     * success (RFC 3463 §3.1); X.4.5 travels with 451 (RFC 5248 Table 1).
     */
    @Test
    void theFactsTheSecondReviewFoundFalseStayTrue() {
        Family smtp = site.family("smtp");
        Family enhanced = site.family("smtp-enhanced");
        assertThat(smtp.code("554").fact("session")).as("554 at the greeting: only QUIT follows (RFC 5321 §3.1)")
                .containsExactly("continuesOrQuit");
        assertThat(smtp.code("500").fact("about")).containsExactly("commandSyntax");
        assertThat(enhanced.code("X.5.2").fact("about")).containsExactly("commandSyntax");
        assertThat(smtp.code("501").fact("about")).contains("arguments").doesNotContain("sequence", "commandSyntax");
        assertThat(enhanced.code("X.5.4").fact("about")).containsExactly("arguments");
        assertThat(smtp.code("503").fact("about")).containsExactly("sequence");
        assertThat(enhanced.code("X.5.1").fact("about")).contains("sequence");
        assertThat(smtp.codes().stream().filter(c -> c.fact("about").contains("protocol")).map(Code::id))
                .as("basic codes glossed as 'the protocol itself'").isEmpty();
        assertThat(enhanced.codes().stream().filter(c -> c.fact("about").contains("protocol")).map(Code::id))
                .as("only X.5.0 concerns the protocol without more detail").containsExactly("X.5.0");
        assertThat(enhanced.code("X.7.17").fact("about")).containsExactly("mailboxOwner");
        assertThat(enhanced.code("X.7.18").fact("about")).as("X.7.18: the domain's owner, not the route").containsExactly("domainOwner");
        assertThat(enhanced.code("X.7.19").fact("about")).doesNotContain("mailbox", "routing");
        for (String fact : List.of("scope", "cause", "actor", "about", "commands")) {
            assertThat(enhanced.code("X.7.12").fact(fact)).as("X.7.12 and 432 (RFC 4954 §6: 432 4.7.12), " + fact)
                    .isEqualTo(smtp.code("432").fact(fact));
        }
        for (String fact : List.of("scope", "cause", "actor", "about", "commands")) {
            assertThat(enhanced.code("X.6.10").fact(fact)).as("X.6.10, a deprecated duplicate, " + fact).isEmpty();
        }
        assertThat(enhanced.code("X.6.10").fact("status")).containsExactly("deprecated");
        // The AUTH replies and the enhanced codes RFC 4954 §6 gives them: a refusal of that AUTH
        // command, not of the rest of the session, on both sides.
        for (String[] same : List.of(new String[] {"534", "X.7.9"}, new String[] {"535", "X.7.8"}, new String[] {"538", "X.7.11"})) {
            for (String fact : List.of("scope", "cause")) {
                assertThat(enhanced.code(same[1]).fact(fact)).as(same[0] + " " + same[1] + " " + fact).isEqualTo(smtp.code(same[0]).fact(fact));
            }
        }
        assertThat(enhanced.code("X.7.1").fact("scope")).containsExactly("byCommand");
        assertThat(enhanced.code("X.0.0").fact("cause")).as("2.0.0 is a success").isEmpty();
        assertThat(enhanced.code("X.7.2").fact("about")).as("RFC 3463 §3.8: posting to a list").contains("mailingList");
        assertThat(enhanced.code("X.7.25").fact("about")).as("RFC 7372 §3.3: the client's IP address, not the link between servers")
                .contains("clientAddress").doesNotContain("network");
        assertThat(enhanced.code("X.4.5").fact("commands")).contains("MAIL", "RCPT");
    }

    /**
     * RFC 5248 Table 1 (the registry's Associated Basic Status Codes): every pairing it gives with a
     * basic code that has a page is on the site, and the site pairs no code with a basic code the
     * registry does not give, except where an RFC does (RFC 2034 §6 examples: 221 2.0.0, 250 2.0.0,
     * 250 2.1.0; RFC 7504 §6 added 521 to X.3.2; RFC 5321 §4.5.3.1.10 names 452 for too many
     * recipients, X.5.3). Codes registered after RFC 5248 are checked against their own RFCs.
     */
    @Test
    void pairingsFollowTheRegistry() {
        Map<String, String> table1 = Map.ofEntries(
                Map.entry("X.1.0", ""), Map.entry("X.1.1", "451 550"), Map.entry("X.1.2", ""), Map.entry("X.1.3", "501"),
                Map.entry("X.1.4", ""), Map.entry("X.1.5", "250"), Map.entry("X.1.6", ""), Map.entry("X.1.7", ""),
                Map.entry("X.1.8", "451 501"), Map.entry("X.1.9", ""), Map.entry("X.2.0", ""), Map.entry("X.2.1", ""),
                Map.entry("X.2.2", "552"), Map.entry("X.2.3", "552"), Map.entry("X.2.4", "450 452"),
                Map.entry("X.3.0", "221 250 421 451 550 554"), Map.entry("X.3.1", "452"), Map.entry("X.3.2", "453"),
                Map.entry("X.3.3", ""), Map.entry("X.3.4", "552 554"), Map.entry("X.3.5", ""), Map.entry("X.4.0", ""),
                Map.entry("X.4.1", "451"), Map.entry("X.4.2", "421"), Map.entry("X.4.3", "451 550"), Map.entry("X.4.4", ""),
                Map.entry("X.4.5", "451"), Map.entry("X.4.6", ""), Map.entry("X.4.7", ""),
                Map.entry("X.5.0", "220 250 251 252 253 451 452 454 458 459 501 502 503 554"),
                Map.entry("X.5.1", "430 500 501 503 530 550 554 555"), Map.entry("X.5.2", "500 501 502 550 555"),
                Map.entry("X.5.3", "451"), Map.entry("X.5.4", "451 501 502 503 504 550 555"), Map.entry("X.5.5", ""),
                Map.entry("X.5.6", "500"), Map.entry("X.6.0", ""), Map.entry("X.6.1", ""), Map.entry("X.6.2", ""),
                Map.entry("X.6.3", "554"), Map.entry("X.6.4", "250"), Map.entry("X.6.5", ""), Map.entry("X.6.6", "554"),
                Map.entry("X.7.0", "220 235 450 454 500 501 503 504 530 535 550"),
                Map.entry("X.7.1", "451 454 502 503 533 550 551"), Map.entry("X.7.2", "550"), Map.entry("X.7.3", ""),
                Map.entry("X.7.4", "504"), Map.entry("X.7.5", ""), Map.entry("X.7.6", ""), Map.entry("X.7.7", ""),
                Map.entry("X.7.8", "535 554"), Map.entry("X.7.9", "534"), Map.entry("X.7.10", "523"),
                Map.entry("X.7.11", "524 538"), Map.entry("X.7.12", "422 432"), Map.entry("X.7.13", "525"),
                Map.entry("X.7.14", "535 554"),
                // RFC 7293 §15.3 registers the RRVS codes with "5XX"; its example (§12.1) answers RCPT with 550.
                Map.entry("X.7.17", "550"), Map.entry("X.7.18", "550"), Map.entry("X.7.19", "550"));
        Map<String, String> fromOtherRfcs = Map.of("X.0.0", "221 250", "X.1.0", "250", "X.3.2", "521", "X.5.3", "452");
        Family smtp = site.family("smtp");
        Family enhanced = site.family("smtp-enhanced");
        Set<String> pages = new java.util.HashSet<>();
        smtp.codes().forEach(c -> pages.add(c.id()));
        List<String> wrong = new ArrayList<>();
        for (var e : table1.entrySet()) {
            Set<String> registry = new java.util.TreeSet<>(List.of(e.getValue().split(" ")));
            registry.remove("");
            Set<String> onSite = new java.util.TreeSet<>();
            for (CodeRef link : enhanced.code(e.getKey()).links()) if (link.family().equals("smtp")) onSite.add(link.code());
            for (String basic : registry) {
                if (pages.contains(basic) && !onSite.contains(basic)) wrong.add(e.getKey() + " lacks " + basic);
            }
            Set<String> allowed = new java.util.HashSet<>(registry);
            allowed.addAll(List.of(fromOtherRfcs.getOrDefault(e.getKey(), "").split(" ")));
            for (String basic : onSite) if (!allowed.contains(basic)) wrong.add(e.getKey() + " is paired with " + basic);
        }
        assertThat(wrong).as("pairings against RFC 5248 Table 1").isEmpty();
    }

    /**
     * Where the registry gives no list of basic codes but "Any" (X.0.0, RFC 5248 Table 1: with RFC
     * 2034 §3, §4 every 2xx, 4xx and 5xx reply, never a 3xx) or a class (X.7.17-X.7.19: "5XX", RFC 7293 §15.3; X.7.15 and X.7.16: "other 4XX or 5XX codes are
     * allowed", RFC 6710 §10), the pairing fact says so instead of the codes the RFC examples show
     * (which stay links of the code page); no other code gives a set. Pairings with basic codes
     * that have no page here (533, 523, 422, 430; RFC 5248 Table 1) are said in the code's text;
     * X.6.0 is "Not given" and so has none.
     */
    @Test
    void pairingsTheRegistryGivesAsAnyOrAClassAreSaidSo() {
        Family enhanced = site.family("smtp-enhanced");
        Map<String, List<String>> sets = Map.of("X.0.0", List.of("smtp:*2XX", "smtp:*4XX", "smtp:*5XX"), "X.7.15", List.of("smtp:*4XX", "smtp:*5XX"),
                "X.7.16", List.of("smtp:*4XX", "smtp:*5XX"), "X.7.17", List.of("smtp:*5XX"), "X.7.18", List.of("smtp:*5XX"),
                "X.7.19", List.of("smtp:*5XX"));
        List<String> wrong = new ArrayList<>();
        for (Code c : enhanced.codes()) {
            List<String> given = c.fact("travelsWith").stream().filter(dev.versus.model.CodeSet::isSet).toList();
            List<String> expected = sets.getOrDefault(c.id(), List.of());
            if (!given.equals(expected)) wrong.add(c.id() + " gives " + given + ", the registry " + expected);
        }
        assertThat(wrong).as("sets of basic codes against the registry").isEmpty();
        assertThat(enhanced.code("X.0.0").fact("travelsWith")).as("X.0.0: any reply that carries one, not only 221 and 250")
                .containsExactly("smtp:*2XX", "smtp:*4XX", "smtp:*5XX");
        // The other side: every basic code a set holds goes with the set's code (its own pairings,
        // or those it has as a code of the class, kept apart); a 3xx goes with none.
        Family smtp = site.family("smtp");
        for (Code c : smtp.codes()) {
            List<String> with = new ArrayList<>(c.fact("travelsWith"));
            c.bySets("travelsWith").values().forEach(with::addAll);
            if (c.id().startsWith("3")) assertThat(with).as(c.id() + " (RFC 2034 §4)").isEmpty();
            else assertThat(with).as(c.id() + " goes with X.0.0 (RFC 5248 Table 1)").contains("smtp-enhanced:X.0.0");
            if (c.id().startsWith("5")) assertThat(with).as(c.id() + " (RFC 7293 §15.3, RFC 6710 §10)")
                    .contains("smtp-enhanced:X.7.15", "smtp-enhanced:X.7.16", "smtp-enhanced:X.7.17", "smtp-enhanced:X.7.18", "smtp-enhanced:X.7.19");
        }
        assertThat(enhanced.code("X.7.18").fact("travelsWith")).as("X.7.18: any 5XX, not only 550").containsExactly("smtp:*5XX");
        // Reply codes the registry (RFC 5248 Table 1) names that no RFC defines: no page, but still
        // the code's pairing, so no sentence says it is paired with nothing.
        Map<String, String> unlisted = Map.of("X.7.1", "533", "X.7.10", "523", "X.7.12", "422", "X.5.1", "430", "X.7.13", "525", "X.3.2", "453");
        unlisted.forEach((code, basic) -> {
            assertThat(site.family("smtp").codes().stream().map(Code::id)).as("no page for " + basic).doesNotContain(basic);
            assertThat(enhanced.code(code).fact("travelsWith")).as(code + " is paired with " + basic).contains("smtp:~" + basic);
            assertThat(enhanced.code(code).text("en").description().value()).as(code + " names " + basic).contains(basic);
            assertThat(enhanced.code(code).text("ja").description().value()).as(code + " (ja) names " + basic).contains(basic);
        });
        assertThat(enhanced.code("X.7.12").fact("travelsWith")).containsExactly("smtp:432", "smtp:~422");
        assertThat(enhanced.code("X.6.0").fact("travelsWith")).as("X.6.0: Not given").isEmpty();
        assertThat(enhanced.code("X.6.0").links()).as("X.6.0: Not given, so not 250").isEmpty();
    }

    /**
     * A code sent in reply to RCPT refuses one recipient; the same code in reply to MAIL, or after
     * the data, refuses the transaction (RFC 5321 §3.3, §4.1.1.4). A code sent at both kinds of
     * point cannot be said to affect only "a single recipient", "the message" or "the whole
     * transaction": each is false at one of them (X.2.4 vs X.7.1, reviewed on 3 December).
     */
    @Test
    void aCodeSentAtRcptAndAtMailOrAfterTheDataAffectsWhatItsCommandDecides() {
        List<String> wrong = new ArrayList<>();
        for (Family f : List.of(site.family("smtp"), site.family("smtp-enhanced"))) {
            for (Code c : f.codes()) {
                List<String> points = c.fact("commands");
                boolean both = points.contains("RCPT")
                        && (points.contains("MAIL") || points.contains("END-OF-DATA") || points.contains("BDAT"));
                if (both && c.fact("scope").stream().anyMatch(Set.of("recipient", "message", "transaction")::contains)) {
                    wrong.add(c.id() + " " + c.fact("scope") + " " + points);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * An enhanced code that the registry or an RFC pairs with a basic reply code is sent in an SMTP
     * reply, so its "Sent" row names a point of the session, not only a delivery status
     * notification (the review found X.4.5 "451 4.4.5" listed as DSN-only). X.7.30 is the one
     * exception: RFC 8689 §4.2.1 names only the non-delivery notification, the registry 550.
     */
    @Test
    void anEnhancedCodePairedWithAReplyCodeIsSentInAReply() {
        List<String> wrong = new ArrayList<>();
        for (Code c : site.family("smtp-enhanced").codes()) {
            boolean paired = c.links().stream().anyMatch(l -> l.family().equals("smtp"));
            boolean inAReply = c.fact("commands").stream().anyMatch(p -> !p.equals("DSN"));
            if (paired && !inAReply && !c.id().equals("X.7.30")) wrong.add(c.id() + " " + c.fact("commands"));
        }
        assertThat(wrong).isEmpty();
    }

    /** RFC 5321 §4.2: {@code Reply-code = %x32-35 %x30-35 %x30-39}. */
    @Test
    void aBasicReplyCodesSecondDigitRunsFromZeroToFive() throws IOException {
        Pattern grammar = Pattern.compile("[2-5][0-5][0-9]");
        assertThat(site.family("smtp").codes()).allSatisfy(c -> assertThat(c.id()).as(c.id()).matches(grammar));

        Map<String, Object> family;
        try (var in = Files.newBufferedReader(Path.of("content/smtp/_family.yaml"))) {
            family = new Yaml().load(in);
        }
        Pattern codePattern = Pattern.compile((String) family.get("codePattern"));
        for (String bad : List.of("571", "471", "269", "360", "599")) {
            assertThat(codePattern.matcher(bad).matches()).as("smtp codePattern accepts " + bad).isFalse();
        }
        for (String good : List.of("220", "354", "455", "503", "559")) {
            assertThat(codePattern.matcher(good).matches()).as("smtp codePattern refuses " + good).isTrue();
        }
    }

    /**
     * One row per statement the audit found stated more strongly (or more weakly) than the RFC:
     * in the sentences of {@code field} that match {@code about}, {@code forbidden} must not appear
     * and {@code required} (when given) must.
     */
    private record Row(String family, String code, String field, String about, String forbidden, String required, String rfc) {}

    private static final List<Row> ROWS = List.of(
            new Row("smtp", "334", "notes", "12288", "\\bmust\\b", null,
                    "RFC 4954 §4: \"(At the time of writing of this document, 12288 octets is considered to be a sufficient line length limit ...)\""),
            new Row("smtp", "535", "notes", "RFC 4954 §9", null, "should not",
                    "RFC 4954 §9: \"they SHOULD NOT drop the connection until at least 3 attempts to authenticate have failed\""),
            new Row("smtp-enhanced", "X.7.8", "fix.admin", "RFC 4954 §9", null, "should not",
                    "RFC 4954 §9: \"they SHOULD NOT drop the connection until at least 3 attempts to authenticate have failed\""),
            new Row("smtp", "421", "notes", "client", "client\\s+must", "should",
                    "RFC 5321 §3.8: clients \"SHOULD ... treat the mail transaction as if a 451 response had been received\""),
            new Row("smtp", "252", "notes", "syntax", null, "502",
                    "RFC 5321 §3.5.3: after a syntax-only check \"502 ... or 500 ... SHOULD be returned\", not 252"),
            new Row("smtp", "552", "fix.admin", "452", null, "implementation limit",
                    "RFC 5321 §4.5.3.1.10: the MUST (452) is for an implementation limit; a site-policy limit MAY use 5yz"),
            new Row("smtp", "454", "notes", "encrypted connection", null, "504",
                    "RFC 4954 §4: a mechanism that requires an encryption layer is rejected \"with a 504 reply\"; 538 is deprecated (§1)"),
            new Row("smtp", "235", "fix.admin", "538", null, "deprecated",
                    "RFC 4954 §6: 538 \"is documented here for historical purposes only\""),
            new Row("smtp", "530", "fix.admin", "RFC 3207 §4", "TLS or authentication", null,
                    "RFC 3207 §4 forbids requiring STARTTLS for local delivery; it says nothing of authentication"),
            new Row("smtp", "521", "fix.admin", "RFC 7504 §3", "554 or 550", null,
                    "RFC 7504 §3 names 554 as more appropriate for refusing particular hosts or addresses"),
            new Row("smtp", "250", "notes", "non-delivery notification", "§4\\.4\\b", "§6\\.1",
                    "RFC 5321 §6.1: \"the receiver-SMTP MUST formulate and mail a notification message\"; §4.4 is Trace Information"));

    @Test
    void requirementLevelsStayWhatTheRfcSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : ROWS) {
            Code code = site.family(row.family()).codes().stream().filter(c -> c.id().equals(row.code())).findFirst().orElseThrow();
            String text = field(code.text("en"), row.field());
            List<String> sentences = new ArrayList<>();
            for (String s : text.replaceAll("\\s+", " ").split("(?<=\\.)\\s+(?=[A-Z0-9`*])")) {
                if (s.contains(row.about())) sentences.add(s);
            }
            if (sentences.isEmpty()) {
                wrong.add(row.code() + " " + row.field() + ": no sentence about '" + row.about() + "' any more (" + row.rfc() + ")");
                continue;
            }
            for (String s : sentences) {
                if (row.forbidden() != null && Pattern.compile(row.forbidden(), Pattern.CASE_INSENSITIVE).matcher(s).find()) {
                    wrong.add(row.code() + " " + row.field() + ": \"" + s + "\" (" + row.rfc() + ")");
                }
            }
            if (row.required() != null && sentences.stream().noneMatch(s -> Pattern.compile(row.required(), Pattern.CASE_INSENSITIVE).matcher(s).find())) {
                wrong.add(row.code() + " " + row.field() + ": nothing about '" + row.about() + "' says '" + row.required() + "' (" + row.rfc() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String field(CodeText t, String field) {
        Text v = field.startsWith("fix.") ? t.fix().get(field.substring(4)) : t.fields().get(field);
        return v == null ? "" : v.value();
    }
}
