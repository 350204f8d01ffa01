package dev.funnel.gateway.queue;

import dev.funnel.gateway.TestBodies;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link SqsInboundQueue} can send unchanged: SQS takes only non-empty text of allowed characters. */
class SqsTextTest {

    @Test
    void utf8TextIsSentAsItIs() {
        byte[] body = TestBodies.withRawUtf8Text();

        assertThat(SqsInboundQueue.sqsText(body).getBytes(UTF_8)).isEqualTo(body);
        assertThat(SqsInboundQueue.sqsText("\t\r\n x\u007f\u0085\ud7ff\ue000\ufffd".getBytes(UTF_8))).hasSize(10);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedForGood() {
        for (byte[] body : new byte[][] {{'"', (byte) 0xC3, '"'}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}}) {
            assertThatThrownBy(() -> SqsInboundQueue.sqsText(body)).isInstanceOf(UnqueueableBodyException.class)
                    .hasMessageContaining("UTF-8");
        }
    }

    @Test
    void charactersSqsDoesNotAcceptAreRefusedForGood() {
        for (String body : new String[] {"{\u0000}", "a\u0001", "\u000b", "\u001f", "\uffff", "\ufffe"}) {
            assertThatThrownBy(() -> SqsInboundQueue.sqsText(body.getBytes(UTF_8)))
                    .isInstanceOf(UnqueueableBodyException.class)
                    .hasMessageContaining("U+");
        }
    }

    @Test
    void emptyBodyIsRefusedForGood() {
        assertThatThrownBy(() -> SqsInboundQueue.sqsText(new byte[0])).isInstanceOf(UnqueueableBodyException.class);
    }
}
