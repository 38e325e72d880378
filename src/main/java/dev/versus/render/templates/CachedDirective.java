package dev.versus.render.templates;

import freemarker.core.DirectiveCallPlace;
import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <@cached key=...>...</@cached>}: renders its content once per build for each key and
 * pastes the same bytes into every other page that reaches the same place with the same key
 * (Hugo's {@code partialCached}). A comparison page is mostly the two codes' own sections, and
 * a code appears on hundreds of comparison pages: they are rendered and encoded once.
 *
 * <p>The key must name everything the content depends on besides the template itself: the
 * content is looked up by the directive's position in its template and the key, so the same
 * key at two places never collides. Assignments made inside the content happen only the first
 * time. Without a {@link Fragments} store in the environment (see {@link #install}) the content
 * is simply rendered every time, which is how tests check that every key is complete.
 */
public final class CachedDirective implements TemplateDirectiveModel {
    /** The name templates call it by. */
    public static final String NAME = "cached";
    private static final String ATTRIBUTE = "dev.versus.fragments";

    /** The fragments of one build; shared by all its pages and threads. */
    public static final class Fragments {
        /**
         * Call place (the directive's node in a parsed template: one object per place, compared by
         * identity) → key → bytes. Kept per build, not on the template: {@code serve} keeps the
         * templates across content changes, and the fragments must not outlive the content.
         */
        private final Map<DirectiveCallPlace, Map<String, byte[]>> byPlace = new ConcurrentHashMap<>();

        Map<String, byte[]> at(DirectiveCallPlace place) {
            return byPlace.computeIfAbsent(place, p -> new ConcurrentHashMap<>());
        }
    }

    /** Makes {@code env}'s {@code <@cached>} calls use {@code fragments}; null renders every call. */
    static void install(Environment env, Fragments fragments) {
        if (fragments != null) env.setCustomAttribute(ATTRIBUTE, fragments);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        String key = key(params);
        if (body == null) {
            throw new TemplateModelException("<@" + NAME + "> needs content: write <@" + NAME + " key=...>...</@" + NAME + ">");
        }
        Object store = env.getCustomAttribute(ATTRIBUTE);
        if (!(store instanceof Fragments fragments)) {
            body.render(env.getOut());
            return;
        }
        Map<String, byte[]> here = fragments.at(env.getCurrentDirectiveCallPlace());
        byte[] utf8 = here.get(key);
        if (utf8 == null) {
            // Two threads may render the same fragment at once; both get the same bytes.
            // Sized for a table row: a build renders about 12,000 fragments, most of them rows of a
            // few hundred bytes, and 12 KB of buffers each was a tenth of the build's allocation.
            PageBuffer content = new PageBuffer(512);
            body.render(content);
            utf8 = content.toByteArray();
            here.putIfAbsent(key, utf8);
        }
        if (env.getOut() instanceof PageBuffer page) {
            page.writeUtf8(utf8);
        } else {
            env.getOut().write(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("rawtypes")
    private static String key(Map params) throws TemplateModelException {
        for (Object name : params.keySet()) {
            if (!"key".equals(name)) {
                throw new TemplateModelException("<@" + NAME + "> takes only key=..., not " + name + "=...");
            }
        }
        Object key = params.get("key");
        if (key instanceof TemplateScalarModel s) return s.getAsString();
        if (key instanceof TemplateNumberModel n) return n.getAsNumber().toString();
        throw new TemplateModelException("<@" + NAME + "> needs key=\"...\": a text naming everything its content depends on"
                + (key == null ? "" : " (the key given is not text or a number)"));
    }
}
