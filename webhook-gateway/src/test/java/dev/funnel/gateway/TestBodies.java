package dev.funnel.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Webhook bodies for tests: real Meta bodies from test resources, and one with raw UTF-8. */
public final class TestBodies {

    public static final String TEXT_WITH_AD_REFERRAL = "text__pywa_ad_referral.json";
    public static final String REACTION_WITH_ESCAPED_EMOJI = "reaction__pywa_escaped_emoji.json";
    public static final String STATUS_SENT = "status_sent__pywa_biz_opaque_callback_data.json";

    /** Every real body in test resources, e.g. as seeds for mutation. */
    public static final List<String> ALL = List.of(TEXT_WITH_AD_REFERRAL, REACTION_WITH_ESCAPED_EMOJI, STATUS_SENT,
            "status_read__pywa_group_recipient.json", "template_status_update__pywa_approved.json",
            "interactive_list_reply__pywa_with_description.json", "malformed__pywa_interactive_without_body.json");

    private TestBodies() {
    }

    public static byte[] metaWebhook(String name) {
        try (InputStream in = TestBodies.class.getResourceAsStream("/meta-webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource meta-webhooks/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ad-referral text body with its text replaced by raw (unescaped) non-ASCII UTF-8. */
    public static byte[] withRawUtf8Text() {
        String body = new String(metaWebhook(TEXT_WITH_AD_REFERRAL), UTF_8)
                .replace("\"body\": \"BODY\"", "\"body\": \"Olá! Quanto custa? 😮 ümlaut — 中文\"");
        if (!body.contains("😮")) {
            throw new IllegalStateException("the fixture changed; the replacement did not apply");
        }
        return body.getBytes(UTF_8);
    }
}
