package dev.funnel.backend.pipeline;

/** The parsed answer of one step; its JSON form feeds later prompts and the step's trace. */
public sealed interface StepOutput permits Analysis, Decision, GeneratedMessage, Summary, FollowupMessage {

    String toJson();
}
