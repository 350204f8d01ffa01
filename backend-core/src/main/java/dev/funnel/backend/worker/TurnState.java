package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.pipeline.GeneratedMessage;
import dev.funnel.backend.pipeline.PipelineResult;

/**
 * Stage, intent and sentiment after a turn: what the steps said, else what was already stored.
 *
 * @param leadLanguage the language the analysis named; null when it named none (the stored one stays)
 */
record TurnState(String stage, String intentLevel, String sentiment, String leadLanguage) {

    /** conversations.lead_language: a language tag such as "hi-Latn" or "zh-Hant-TW" fits easily. */
    private static final int MAX_LANGUAGE = 20;

    static TurnState after(Conversation before, PipelineResult result) {
        String stage = result.message().map(m -> m.nextStage().id()).orElse(result.decision().nextStage().id());
        GeneratedMessage.StatePatch patch = result.message().map(GeneratedMessage::statePatch).orElse(null);
        String intent = patch != null && patch.intentLevel() != null ? patch.intentLevel().id() : before.intentLevel();
        String sentiment = patch != null && patch.userSentiment() != null
                ? patch.userSentiment().id() : before.userSentiment();
        String language = result.analysis().leadLanguage();
        boolean named = !"und".equals(language) && language.length() <= MAX_LANGUAGE;
        return new TurnState(stage, intent, sentiment, named ? language : null);
    }
}
