package dev.funnel.gateway;

import dev.funnel.gateway.queue.InboundQueue;
import dev.funnel.gateway.queue.QueueException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what was queued; can be told to refuse, like an unreachable SQS. */
final class FakeInboundQueue implements InboundQueue {

    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void enqueue(byte[] rawBody) {
        if (failing) {
            throw new QueueException("fake queue told to fail");
        }
        bodies.add(rawBody.clone());
    }

    @Override
    public boolean isReachable() {
        return !failing;
    }

    List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    void reset() {
        bodies.clear();
        failing = false;
    }
}
