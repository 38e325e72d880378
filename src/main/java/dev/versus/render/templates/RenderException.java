package dev.versus.render.templates;

import java.util.List;

/** One or more pages could not be rendered; each message names the template position and the page. */
public final class RenderException extends Exception {
    private final List<String> messages;

    public RenderException(List<String> messages) {
        super(messages.size() + " render error(s)", null, false, false);
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
