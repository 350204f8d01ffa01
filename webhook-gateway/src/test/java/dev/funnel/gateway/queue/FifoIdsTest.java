package dev.funnel.gateway.queue;

import dev.funnel.gateway.TestBodies;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class FifoIdsTest {

    @Test
    void groupOfAMessageIsItsSender() {
        assertThat(FifoIds.groupId(TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL))).isEqualTo("972987654321");
    }

    @Test
    void groupOfAStatusIsItsRecipient() {
        byte[] body = text(TestBodies.STATUS_SENT).replace("\"recipient_id\": \"972987654321\"", "\"recipient_id\": \"15550001111\"")
                .getBytes(UTF_8);

        assertThat(FifoIds.groupId(body)).isEqualTo("15550001111");
    }

    @Test
    void groupOfAChangeWithoutMessagesOrStatusesIsThePhoneNumberId() {
        String body = "{\"entry\":[{\"changes\":[{\"value\":{\"metadata\":{\"phone_number_id\":\"1122334455667\"}},"
                + "\"field\":\"account_update\"}]}]}";

        assertThat(FifoIds.groupId(body.getBytes(UTF_8))).isEqualTo("1122334455667");
    }

    @Test
    void onlyTheFirstEntryChangeAndMessageCount() {
        String body = "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"id\":\"a\"},{\"from\":\"second\"}]}}]},"
                + "{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"other-entry\"}]}}]}]}";

        assertThat(FifoIds.groupId(body.getBytes(UTF_8))).isEqualTo("webhook");
    }

    @Test
    void malformedBodiesFallBackToOneGroup() {
        byte[] valid = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);

        assertThat(FifoIds.groupId(java.util.Arrays.copyOf(valid, valid.length / 2))).isEqualTo("webhook");
        assertThat(FifoIds.groupId(new byte[0])).isEqualTo("webhook");
        assertThat(FifoIds.groupId("not json".getBytes(UTF_8))).isEqualTo("webhook");
        assertThat(FifoIds.groupId(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'})).isEqualTo("webhook");
        assertThat(FifoIds.groupId(("[".repeat(100_000) + "]".repeat(100_000)).getBytes(UTF_8))).isEqualTo("webhook");
        assertThat(FifoIds.groupId((text(TestBodies.TEXT_WITH_AD_REFERRAL) + "}").getBytes(UTF_8))).isEqualTo("webhook");
    }

    @Test
    void senderSqsWouldRefuseAsAGroupIsSkipped() {
        String base = text(TestBodies.TEXT_WITH_AD_REFERRAL);

        assertThat(FifoIds.groupId(base.replace("\"from\": \"972987654321\"", "\"from\": \"97 29\"").getBytes(UTF_8)))
                .isEqualTo("1122334455667");
        assertThat(FifoIds.groupId(base.replace("\"from\": \"972987654321\"", "\"from\": \"" + "9".repeat(129) + "\"")
                .getBytes(UTF_8))).isEqualTo("1122334455667");
        assertThat(FifoIds.groupId(base.replace("\"from\": \"972987654321\"", "\"from\": 972987654321").getBytes(UTF_8)))
                .isEqualTo("1122334455667");
    }

    @Test
    void deduplicationIdIsTheSha256OfTheBody() {
        assertThat(FifoIds.deduplicationId("abc".getBytes(UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static String text(String fixture) {
        return new String(TestBodies.metaWebhook(fixture), UTF_8);
    }
}
