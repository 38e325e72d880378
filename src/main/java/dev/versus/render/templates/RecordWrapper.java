package dev.versus.render.templates;

import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.DefaultListAdapter;
import freemarker.template.DefaultMapAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows records (the {@code Views}) to templates as hashes of their components, and nothing
 * else: {@code page.title} calls {@code title()}. FreeMarker's bean wrapper, which did this
 * before, introspects every public member, checks its access policy and builds a bean model on
 * each access; on a build of thousands of pages that was a large part of the template time.
 * Everything that is not a record is wrapped as before.
 */
final class RecordWrapper extends DefaultObjectWrapper {
    /**
     * Per record class: component name → accessor, built once. A concurrent map rather than a
     * {@link ClassValue}: under the launcher's C1-only JIT, {@code ClassValue.get} went to its slow
     * path on most reads (2 % of the rendering threads' samples, JFR), a map read is a hash and a
     * compare.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Class<?>, Map<String, Method>> COMPONENTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Method> components(Class<?> type) {
        Map<String, Method> known = COMPONENTS.get(type);
        return known != null ? known : COMPONENTS.computeIfAbsent(type, RecordWrapper::accessors);
    }

    private static Map<String, Method> accessors(Class<?> type) {
        Map<String, Method> accessors = new HashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Method m = c.getAccessor();
            m.setAccessible(true);
            accessors.put(c.getName(), m);
        }
        return Map.copyOf(accessors);
    }

    RecordWrapper(Version version) {
        super(version);
    }

    /**
     * The values views hold, wrapped by exact class first: an {@code instanceof} against an
     * interface that a class has to search for is slow, and on this JDK threads that search the
     * same class for different interfaces slow each other down (they overwrite one shared cache
     * entry), which a profile showed at 5% of a build. Anything else is wrapped as before.
     */
    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
        if (value == null) return super.wrap(null);
        Class<?> type = value.getClass();
        if (type == String.class) return new SimpleScalar((String) value);
        if (type == TemplateHTMLOutputModel.class) return (TemplateHTMLOutputModel) value;
        if (type == Boolean.class) return (Boolean) value ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        if (value instanceof Record record) return new RecordModel(record, components(type), this);
        // What the default wrapping makes of lists and maps, without first asking whether the
        // value is a TemplateModel and then a Collection: a list class asked for Collection, then
        // for List, rewrites that shared cache entry twice per list.
        if (value instanceof List<?> list) return DefaultListAdapter.adapt(list, this);
        if (value instanceof Map<?, ?> map) return DefaultMapAdapter.adapt(map, this);
        return super.wrap(value);
    }

    /**
     * One record as a hash; unknown names are missing ({@code x.y??} is false), as with beans.
     * Its accessors are looked up once, when the record is wrapped, not on every field read.
     */
    private record RecordModel(Record record, Map<String, Method> components, ObjectWrapper wrapper)
            implements TemplateHashModel {
        /** An accessor's arguments: none, and no empty array made for each of the million reads of a build. */
        private static final Object[] NO_ARGUMENTS = {};

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Method accessor = components.get(key);
            if (accessor == null) return null;
            try {
                return wrapper.wrap(accessor.invoke(record, NO_ARGUMENTS));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new TemplateModelException("cannot read " + key + " of " + record.getClass().getSimpleName(), e);
            }
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
