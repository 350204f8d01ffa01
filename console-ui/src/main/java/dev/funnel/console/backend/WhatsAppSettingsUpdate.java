package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Business account id and display number are optional, so they are left out of the body when empty. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WhatsAppSettingsUpdate(String phoneNumberId, String accessToken, String businessAccountId,
                                     String displayPhoneNumber) {

    @Override
    public String toString() {
        return "WhatsAppSettingsUpdate[phoneNumberId=" + phoneNumberId + "]";
    }
}
