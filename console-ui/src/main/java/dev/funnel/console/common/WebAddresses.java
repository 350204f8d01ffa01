package dev.funnel.console.common;

import java.net.URI;
import java.net.URISyntaxException;

/** Reads an http(s) address typed by a person (a team server, an LLM provider). */
public final class WebAddresses {

    private WebAddresses() {
    }

    /** @throws IllegalArgumentException with a message for the person when the text is not an http(s) address */
    public static URI parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter an address starting with http:// or https://");
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("The address must start with http:// or https://");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("That is not a web address: " + e.getReason());
        }
    }

    /** The problem with {@code text}, or an empty string when it is a usable address. */
    public static String problem(String text) {
        try {
            parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
