package dev.funnel.console.common;

import dev.funnel.console.backend.BackendException;

/** The sentence to show a person when an action failed. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof BackendException backend) {
            return backend.getMessage();
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "Something went wrong: " + detail;
    }
}
