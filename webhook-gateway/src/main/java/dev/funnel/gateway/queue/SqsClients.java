package dev.funnel.gateway.queue;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Builds the SQS clients of the gateway (producer) and the backend (long-polling consumer). */
public final class SqsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private SqsClients() {
    }

    /**
     * @param socketTimeout how long a request may wait for data; a consumer must give more than its
     *                      long-poll wait (at most 20 s), or every empty poll fails as a timeout
     */
    public static SqsClient create(SqsQueueConfig config, Duration socketTimeout) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(socketTimeout))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    // ElasticMQ accepts any credentials, but the SDK still signs requests and refuses to send without
    // any; the fallback lets a local setup run on a machine with no AWS credentials at all.
    private static AwsCredentialsProvider credentials(SqsQueueConfig config) {
        DefaultCredentialsProvider aws = DefaultCredentialsProvider.builder().build();
        if (config.endpoint().isEmpty()) {
            return aws;
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(aws, StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
