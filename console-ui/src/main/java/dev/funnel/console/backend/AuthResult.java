package dev.funnel.console.backend;

/** Answer to login and sign-up. The token stays in memory only; it is never written to disk. */
public record AuthResult(String accessToken, String tokenType, UserAccount user, Organisation organisation) {

    @Override
    public String toString() {
        return "AuthResult[user=" + user + ", organisation=" + organisation + "]";
    }
}
