package dev.funnel.backend.pipeline;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Sorts a failed LLM call into retriable (the same call may work later: timeout, rate limit,
 * server error, connection refused) and not (it never will: bad key, bad request, unknown model).
 * langchain4j wraps the real cause differently per path, so the whole cause chain is searched.
 */
final class LlmFailures {

    private LlmFailures() {
    }

    static PipelineException classify(RuntimeException failure, String baseUrl, Duration timeout) {
        HttpException http = find(failure, HttpException.class);
        if (http != null) {
            return fromStatus(http.statusCode(), http.getMessage(), failure);
        }
        if (find(failure, dev.langchain4j.exception.TimeoutException.class) != null
                || find(failure, HttpTimeoutException.class) != null
                || find(failure, SocketTimeoutException.class) != null) {
            return new PipelineException("the LLM server did not answer within " + timeout.toSeconds() + " s",
                    true, failure);
        }
        if (find(failure, UnresolvedModelServerException.class) != null
                || find(failure, UnresolvedAddressException.class) != null) {
            return new PipelineException("the LLM server's host in " + baseUrl
                    + " cannot be resolved; check LLM_BASE_URL", false, failure);
        }
        if (find(failure, InterruptedException.class) != null) {
            return new PipelineException("the LLM call was interrupted (shutting down?)", true, failure);
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new PipelineException("cannot reach the LLM server at " + baseUrl + ": " + io, true, failure);
        }
        return new PipelineException("the LLM call failed: " + failure, false, failure);
    }

    private static PipelineException fromStatus(int status, String body, RuntimeException failure) {
        String detail = " (HTTP " + status + "): " + StepJson.abbreviate(body == null ? "" : body);
        if (status == 429) {
            return new PipelineException("the LLM provider is rate limiting us" + detail, true, failure);
        }
        if (status == 408 || status >= 500) {
            return new PipelineException("the LLM server failed" + detail, true, failure);
        }
        if (status == 401 || status == 403) {
            return new PipelineException("the LLM provider rejected the API key; check LLM_API_KEY" + detail,
                    false, failure);
        }
        if (status == 404) {
            return new PipelineException("the LLM endpoint or model was not found; check LLM_BASE_URL (it should end"
                    + " in /v1) and LLM_MODEL" + detail, false, failure);
        }
        return new PipelineException("the LLM provider rejected the request" + detail, false, failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
