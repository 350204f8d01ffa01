package dev.funnel.gateway.queue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** How one SendMessageBatch answer is split into each caller's outcome. */
class BatchResultsTest {

    @Test
    void partialFailureFailsOnlyTheRefusedEntries() {
        var response = SendMessageBatchResponse.builder()
                .successful(ok("0"), ok("2"))
                .failed(BatchResultErrorEntry.builder().id("1").code("InvalidParameterValue").message("too big")
                        .senderFault(true).build())
                .build();

        var failures = BatchingSqsSender.failuresById(response, 3);

        assertThat(failures).containsOnlyKeys("1");
        assertThat(failures.get("1")).hasMessageContaining("InvalidParameterValue").hasMessageContaining("too big");
    }

    @Test
    void entryWithNoResultCountsAsFailed() {
        var response = SendMessageBatchResponse.builder().successful(ok("0")).build();

        assertThat(BatchingSqsSender.failuresById(response, 2)).containsOnlyKeys("1");
    }

    @Test
    void fullSuccessHasNoFailures() {
        var response = SendMessageBatchResponse.builder().successful(ok("0"), ok("1")).build();

        assertThat(BatchingSqsSender.failuresById(response, 2)).isEmpty();
    }

    private static SendMessageBatchResultEntry ok(String id) {
        return SendMessageBatchResultEntry.builder().id(id).messageId("m-" + id).build();
    }
}
