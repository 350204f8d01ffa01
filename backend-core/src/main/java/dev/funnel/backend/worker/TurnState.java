package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.pipeline.GeneratedMessage;
import dev.funnel.backend.pipeline.PipelineResult;

/** Stage, intent and sentiment after a turn: what the steps said, else what was already stored. */
record TurnState(String stage, String intentLevel, String sentiment) {

    static TurnState after(Conversation before, PipelineResult result) {
        String stage = result.message().map(m -> m.nextStage().id()).orElse(result.decision().nextStage().id());
        GeneratedMessage.StatePatch patch = result.message().map(GeneratedMessage::statePatch).orElse(null);
        String intent = patch != null && patch.intentLevel() != null ? patch.intentLevel().id() : before.intentLevel();
        String sentiment = patch != null && patch.userSentiment() != null
                ? patch.userSentiment().id() : before.userSentiment();
        return new TurnState(stage, intent, sentiment);
    }
}
