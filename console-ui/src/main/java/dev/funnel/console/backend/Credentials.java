package dev.funnel.console.backend;

public record Credentials(String email, String password) {

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
