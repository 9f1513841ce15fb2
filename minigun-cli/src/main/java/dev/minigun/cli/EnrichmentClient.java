package dev.minigun.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code enrich} stage's side of the {@link EnrichmentService}: one {@link HttpClient} (HTTP/1.1,
 * keep-alive connections, shared by every virtual thread of the stage) that asks for a file's area.
 * Its own work runs on virtual threads named {@code census-client-N}; {@link #close()} waits for
 * them to end.
 */
public final class EnrichmentClient implements AutoCloseable {
    /** How long one call may take before it fails the item. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final ExecutorService executor;
    private final HttpClient client;

    /** A client of the service at {@code base}. */
    public EnrichmentClient(URI base) {
        this.base = base;
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("census-client-", 0).factory());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .executor(executor)
                .build();
    }

    /** The row with the area the service gives for its file; fails on an I/O error or a status other than 200. */
    public CensusRow enrich(Fingerprinted file) throws IOException, InterruptedException {
        return file.withArea(area(file.stats().module(), file.stats().path()));
    }

    /** Asks the service for the area of {@code path} in {@code module}. */
    public String area(String module, String path) throws IOException, InterruptedException {
        URI uri = base.resolve("/area?module=" + URLEncoder.encode(module, StandardCharsets.UTF_8) + "&path="
                + URLEncoder.encode(path, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Closes the client's connections and waits for its threads (the selector and the executor's) to end. */
    @Override
    public void close() {
        client.close();
        executor.close();
    }
}
