package org.unhabitat.contributions.messaging;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.unhabitat.contributions.config.WebhookConfig;
import org.unhabitat.contributions.service.ReceiverGuard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * POSTs one webhook. The host is resolved once and its address checked by the {@link ReceiverGuard}; the connection
 * goes to that address, while TLS (SNI and the certificate's name) and the Host header keep the url's own host. The
 * JDK's HttpClient could not do this: it resolves the name itself, after any check. Non-blocking, on the Vert.x event
 * loop: a receiver that hangs costs a connection until the timeout, never a thread.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came of one attempt: the answer's status, or why there was none. */
    public record Outcome(Integer statusCode, String error) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        static Outcome answered(int statusCode) {
            return new Outcome(statusCode, statusCode >= 200 && statusCode < 300 ? null : "The endpoint answered " + statusCode);
        }

        static Outcome failed(String error) {
            return new Outcome(null, error);
        }
    }

    private static final String USER_AGENT = "unhabitat-contributions-webhooks/1";

    private final ReceiverGuard guard;
    private final HttpClient client;
    private final long timeoutMillis;

    public WebhookSender(ReceiverGuard guard, Vertx vertx, WebhookConfig config) {
        this.guard = guard;
        this.timeoutMillis = config.delivery().timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeoutMillis)
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(false)
                .setMaxPoolSize(config.delivery().concurrency()));
    }

    public CompletionStage<Outcome> send(String url, Map<String, String> headers, byte[] body) {
        URI uri = URI.create(url);
        InetAddress address;
        try {
            address = guard.addressToConnect(uri);
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(Outcome.failed("The endpoint's host " + uri.getHost() + " is not known"));
        } catch (ReceiverGuard.RefusedReceiverException e) {
            return CompletableFuture.completedFuture(Outcome.failed(e.getMessage()));
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT);
        headers.forEach(options::putHeader);
        Future<Outcome> outcome = client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .map(WebhookSender::statusOf)
                .recover(failure -> Future.succeededFuture(Outcome.failed(describe(failure))));
        return outcome.toCompletionStage();
    }

    /** Only the status counts; the answer's body is not read, so a receiver that streams one cannot hold the attempt. */
    private static Outcome statusOf(HttpClientResponse response) {
        int status = response.statusCode();
        response.request().connection().close();
        return Outcome.answered(status);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "the connection failed" : failure.getMessage();
        return "No answer: " + (message.length() > 300 ? message.substring(0, 300) : message);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
