package dev.versus.render.site;

/**
 * How links to a page are written. Pages live at {@code dir/index.html}; a published site links
 * to {@code dir/} (pretty URLs), an offline copy browsed from {@code file://} must name
 * {@code dir/index.html} because there is no server to resolve the folder.
 */
public enum UrlStyle {
    PRETTY, OFFLINE;

    /** The link to the page whose folder is {@code relativeDir} (ending in "/", or "" for the current folder's root). */
    public String page(String relativeDir) {
        if (this == PRETTY) return relativeDir.isEmpty() ? "./" : relativeDir;
        return relativeDir + "index.html";
    }

    /** What follows a folder's "/" in a link to its page: nothing, or "index.html" offline. */
    public String pageSuffix() {
        return this == PRETTY ? "" : "index.html";
    }
}
