package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum MessageFrom {
    @JsonProperty("lead") LEAD,
    @JsonProperty("bot") BOT,
    @JsonProperty("human") HUMAN
}
