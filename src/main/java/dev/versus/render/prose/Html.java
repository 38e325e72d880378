package dev.versus.render.prose;

import dev.versus.model.Text;

/** HTML escaping for text that Versus puts into markup itself (outside FreeMarker's auto-escaping). */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            String rep = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
                out.append(rep);
            } else if (out != null) {
                out.append(s.charAt(i));
            }
        }
        return out == null ? s : out.toString();
    }

    /** Escaped text, wrapped in a span that declares its language when it differs from the page's. */
    public static String inline(Text text, String pageLang) {
        String escaped = escape(text.value());
        return text.lang().equals(pageLang) ? escaped : "<span lang=\"" + escape(text.lang()) + "\">" + escaped + "</span>";
    }
}
