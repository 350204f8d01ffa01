package dev.funnel.gateway;

import dev.funnel.gateway.queue.InboundQueue;
import dev.funnel.gateway.queue.QueueException;
import dev.funnel.gateway.queue.UnqueueableBodyException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what was queued; can be told to refuse, like an unreachable SQS or a body SQS cannot carry. */
final class FakeInboundQueue implements InboundQueue {

    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> attributes = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private volatile boolean refusingBodies;

    @Override
    public void enqueue(byte[] rawBody) {
        enqueue(rawBody, Map.of());
    }

    @Override
    public void enqueue(byte[] rawBody, Map<String, String> attributes) {
        if (failing) {
            throw new QueueException("fake queue told to fail");
        }
        if (refusingBodies) {
            throw new UnqueueableBodyException("fake queue cannot carry this body");
        }
        bodies.add(rawBody.clone());
        this.attributes.add(Map.copyOf(attributes));
    }

    @Override
    public boolean isReachable() {
        return !failing;
    }

    List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    List<Map<String, String>> attributes() {
        return List.copyOf(attributes);
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    void refusingBodies(boolean refusing) {
        this.refusingBodies = refusing;
    }

    void reset() {
        bodies.clear();
        attributes.clear();
        failing = false;
        refusingBodies = false;
    }
}
