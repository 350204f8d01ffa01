package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who answers the lead: the bot, or a person who took the conversation over. */
public enum ConversationMode {
    @JsonProperty("bot") BOT,
    @JsonProperty("human") HUMAN
}
