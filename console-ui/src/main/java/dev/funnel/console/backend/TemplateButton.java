package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A QUICK_REPLY, URL or PHONE_NUMBER button. A URL may end in {{1}}, completed when the template is
 * sent; {@code example} then holds one sample URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateButton(String type, String text, String url, String phoneNumber, List<String> example) {

    public static final String QUICK_REPLY = "QUICK_REPLY";
    public static final String URL = "URL";
    public static final String PHONE_NUMBER = "PHONE_NUMBER";
}
