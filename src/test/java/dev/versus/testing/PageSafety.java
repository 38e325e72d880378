package dev.versus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads built pages the way a browser would (jsoup follows the HTML5 parsing rules) and lists
 * everything that could run script: script-capable elements, event-handler attributes, and
 * links or sources whose scheme is not http(s) or mailto. Versus's own templates contain none of
 * these but two: the search box's scripts in the head ({@code assets/search-index.<l>.js} and
 * {@code assets/search.js}, by {@code src}, no inline code; {@code assets/language.js} on the
 * language-neutral entries) and its form in the page header.
 * Those are recognised by place and exact shape; anything else found came from content.
 */
public final class PageSafety {
    private PageSafety() {}

    /** Elements that run script or load active content; the templates use none of them. */
    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "base", "form", "svg", "math", "template", "noscript", "style");

    /**
     * The src of Versus's own scripts: a relative or root-relative path to the search files in
     * assets/, or to assets/language.js (the language-neutral entries' choice of language); never another host (no scheme, no "//" or "/\\" that a browser reads as one).
     */
    private static final Pattern OWN_SCRIPT_SRC =
            Pattern.compile("(?:\\.\\./)*(?:/(?:[^/\\\\\"'<>:?#]+/)*)?assets/(?:search(?:-index\\.[a-z]{2,3}(?:-[A-Za-z0-9]+)*)?|language)\\.js");

    /** Attributes whose value the browser follows as a URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "poster",
            "background", "srcset", "xlink:href", "data", "cite", "longdesc", "ping");

    /** Every unsafe thing in every {@code .html} file under {@code root}, as "path: what". */
    public static List<String> problemsIn(Path root) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String rel = root.relativize(page).toString().replace('\\', '/');
                problems.addAll(problemsIn(Files.readString(page, StandardCharsets.UTF_8), rel));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** Every unsafe thing in one page (or fragment) of HTML, each prefixed with {@code name}. */
    public static List<String> problemsIn(String html, String name) {
        List<String> problems = new ArrayList<>();
        Document doc = Jsoup.parse(html);
        int ownScripts = 0;
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (isOwnSearchScript(e)) {
                ownScripts++;
            } else if (ACTIVE_ELEMENTS.contains(tag) && !isOwnSearchForm(e) && !isOwnComparePicker(e)) {
                problems.add(name + ": <" + tag + "> element: " + e.outerHtml());
            }
            if (tag.equals("meta") && e.hasAttr("http-equiv")) {
                String content = e.attr("content");
                int url = content.toLowerCase(Locale.ROOT).indexOf("url=");
                if (!e.attr("http-equiv").equalsIgnoreCase("refresh") || url < 0 || !isSafeUrl(content.substring(url + 4))) {
                    problems.add(name + ": " + e.outerHtml());
                }
            }
            for (Attribute a : e.attributes()) {
                String attr = a.getKey().toLowerCase(Locale.ROOT);
                if (attr.startsWith("on")) {
                    problems.add(name + ": event handler attribute " + attr + " on <" + tag + ">: " + e.outerHtml());
                } else if (URL_ATTRIBUTES.contains(attr) && !isSafeUrl(a.getValue())) {
                    problems.add(name + ": unsafe URL in " + attr + " on <" + tag + ">: " + a.getValue());
                } else if (attr.equals("style") || attr.equals("srcdoc") || attr.equals("formaction")) {
                    problems.add(name + ": " + attr + " attribute on <" + tag + ">: " + e.outerHtml());
                }
            }
        }
        String lower = html.toLowerCase(Locale.ROOT);
        int scriptTexts = 0;
        for (int at = lower.indexOf("<script"); at >= 0; at = lower.indexOf("<script", at + 1)) scriptTexts++;
        if (scriptTexts > ownScripts) {
            problems.add(name + ": the text \"<script\" appears unescaped");
        }
        return problems;
    }

    /** {@code <script src=".../assets/search.js" defer></script>} in the head: Versus's own, no inline code. */
    private static boolean isOwnSearchScript(Element e) {
        return e.normalName().equals("script") && e.parent() != null && e.parent().normalName().equals("head")
                && e.data().isEmpty() && e.childNodeSize() == 0
                && e.attributes().size() == 2 && e.hasAttr("defer") && OWN_SCRIPT_SRC.matcher(e.attr("src")).matches();
    }

    /** The search form: a direct child of the page header, with no attributes but its own. */
    private static boolean isOwnSearchForm(Element e) {
        Element parent = e.parent();
        return e.normalName().equals("form") && parent != null && parent.normalName().equals("header")
                && parent.hasClass("site") && e.className().equals("search") && e.attr("role").equals("search")
                && e.attributes().asList().stream().allMatch(a -> Set.of("class", "role", "action", "data-root", "hidden")
                        .contains(a.getKey()));
    }

    /**
     * The compare picker of code and family pages: a form with no action (assets/search.js reads
     * its two selects and goes to the pair page), with no attributes but its own.
     */
    private static boolean isOwnComparePicker(Element e) {
        return e.normalName().equals("form") && e.className().equals("compare-picker") && !e.hasAttr("action")
                && e.attributes().asList().stream().allMatch(a -> Set.of("class", "data-base", "data-suffix", "data-pairs",
                        "aria-labelledby", "hidden").contains(a.getKey()));
    }

    /**
     * A URL a browser will not run: no scheme (relative), or http, https or mailto. Browsers
     * drop tabs, line breaks and leading control characters and spaces before reading the
     * scheme, so this does too.
     */
    static boolean isSafeUrl(String url) {
        String u = url.replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\x00-\\x20]+", "").toLowerCase(Locale.ROOT);
        int colon = u.indexOf(':');
        int end = u.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = u.indexOf(c);
            if (i >= 0) end = Math.min(end, i);
        }
        if (colon < 0 || colon > end) return true;
        String scheme = u.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }
}
