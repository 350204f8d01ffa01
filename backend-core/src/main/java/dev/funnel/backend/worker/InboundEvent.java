package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.MessageRepository;

/** One lead message out of a webhook, with where it goes (phone number id) and who sent it. */
public record InboundEvent(String phoneNumberId, String from, String profileName, String waUserId,
                           MessageRepository.Inbound message) {
}
