package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class EnrichmentServiceTest {

    @Test
    void answersEachFilesAreaOnTheLoopbackAddressAfterTwoToTenMilliseconds() throws Exception {
        URI uri;
        try (EnrichmentService service = EnrichmentService.start();
                EnrichmentClient client = new EnrichmentClient(service.uri())) {
            uri = service.uri();
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(uri.getPort()).isPositive();

            long started = System.nanoTime();
            String area = client.area("java.base", "java.base/java/net/URI.java");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(area).isEqualTo("core-libs/net");
            assertThat(millis).isGreaterThanOrEqualTo(EnrichmentService.MIN_LATENCY_MS);
            // A path with spaces, ampersands and non-ASCII letters arrives intact.
            assertThat(client.area("java.desktop", "java.desktop/a b&c=größe.java"))
                    .isEqualTo("client-libs");
        }
        assertThatThrownBy(() -> new Socket(uri.getHost(), uri.getPort()).close())
                .isInstanceOf(ConnectException.class);
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(Thread::isAlive)
                .extracting(Thread::getName)
                .noneMatch(n -> n.startsWith(EnrichmentService.THREAD_PREFIX) || n.startsWith("census-client-"));
    }

    @Test
    void aRequestWithoutModuleOrPathIsABadRequest() throws Exception {
        try (EnrichmentService service = EnrichmentService.start();
                HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(service.uri().resolve("/area?module=java.base"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aServiceThatIsGoneFailsTheCallWithAnIoError() throws Exception {
        URI gone;
        try (EnrichmentService service = EnrichmentService.start()) {
            gone = service.uri();
        }
        try (EnrichmentClient client = new EnrichmentClient(gone)) {
            assertThatThrownBy(() -> client.area("java.base", "x")).isInstanceOf(IOException.class);
        }
    }
}
