package dev.funnel.gateway.queue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the inbound SQS queue is.
 *
 * @param queueUrl the queue's URL; a name ending in {@code .fifo} makes it a FIFO queue
 * @param region   the AWS region of the queue
 * @param endpoint an SQS endpoint to use instead of AWS's, e.g. a local ElasticMQ
 */
public record SqsQueueConfig(String queueUrl, String region, Optional<URI> endpoint) {

    public static final String QUEUE_URL = "SQS_QUEUE_URL";
    public static final String REGION = "AWS_REGION";
    public static final String ENDPOINT = "SQS_ENDPOINT";

    private static final String DEFAULT_REGION = "us-east-1";

    public static SqsQueueConfig fromEnvironment(Map<String, String> env) {
        String queueUrl = nonBlank(env.get(QUEUE_URL))
                .orElseThrow(() -> new IllegalArgumentException(
                        QUEUE_URL + " is not set: give the URL of the queue that receives webhook bodies"));
        String region = nonBlank(env.get(REGION)).orElse(DEFAULT_REGION);
        Optional<URI> endpoint = nonBlank(env.get(ENDPOINT)).map(SqsQueueConfig::endpointUri);
        return new SqsQueueConfig(queueUrl, region, endpoint);
    }

    private static URI endpointUri(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    ENDPOINT + " must be a URL such as http://localhost:9324, was: " + value, e);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
