package dev.minigun.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The slow web service the demo's {@code enrich} stage calls: a JDK {@link HttpServer} on the
 * loopback address and an ephemeral port, that answers {@code GET /area?module=M&path=P} with the
 * file's {@link CodeAreas area} as plain text after a random 2–10 ms, like a lookup in some
 * ownership database far away. Each exchange runs on a virtual thread of its own (threads named
 * {@code census-http-N}), so thousands of slow calls can wait at once. The demo starts it before the
 * run and {@link #close() closes} it after: no thread or port outlives the demo.
 */
public final class EnrichmentService implements AutoCloseable {
    /** The shortest simulated latency of a call, in milliseconds. */
    public static final int MIN_LATENCY_MS = 2;
    /** The longest simulated latency of a call, in milliseconds. */
    public static final int MAX_LATENCY_MS = 10;
    /** The prefix of the names of the threads that run exchanges. */
    public static final String THREAD_PREFIX = "census-http-";

    private final HttpServer server;
    private final ExecutorService executor;

    private EnrichmentService(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Idle keep-alive connections the JDK's server keeps. Its default (200) is below the number of
     * connections the enrich stage keeps open (one per call in flight), so without this the server
     * would close a connection after nearly every answer and the client would open a new one: on
     * two cores that is four times slower. The JDK reads it once, when its server is first used.
     */
    static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    /** Starts the service on {@code 127.0.0.1} and a free port. */
    public static EnrichmentService start() throws IOException {
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "10000");
        }
        // A backlog for the hundreds of connections the enrich stage opens at once when it starts.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(THREAD_PREFIX, 0).factory());
        server.setExecutor(executor);
        server.createContext("/area", EnrichmentService::area);
        server.start();
        return new EnrichmentService(server, executor);
    }

    /** The service's base address, like {@code http://127.0.0.1:41234}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void area(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String module = query.get("module");
            String path = query.get("path");
            if (!exchange.getRequestMethod().equals("GET") || module == null || path == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            try {
                // The simulated latency of a remote lookup; each exchange has a virtual thread of its own.
                Thread.sleep(ThreadLocalRandom.current().nextInt(MIN_LATENCY_MS, MAX_LATENCY_MS + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = CodeAreas.of(module, path).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Stops listening, closes the port and waits for the exchanges in progress and their threads to end. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
