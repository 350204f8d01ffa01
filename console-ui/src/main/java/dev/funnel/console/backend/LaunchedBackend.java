package dev.funnel.console.backend;

import java.net.URI;

/** A backend running inside this JVM, listening on loopback. */
public interface LaunchedBackend {

    URI baseUri();

    void stop();
}
