package org.unhabitat.contributions;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A partner's webhook endpoint on the loopback address: it keeps every request it gets and answers with the statuses
 * a test scripts, then with 204.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers (names in lower case) and its body as text. */
    public record Received(Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private volatile int otherwise = 204;

    /** Scripted as an answer: the receiver says nothing for a minute, as a hanging endpoint would. */
    public static final int HANG = -1;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a));
                received.add(new Received(headers, body));
                int status;
                synchronized (script) {
                    status = script.isEmpty() ? otherwise : script.poll();
                }
                if (status == HANG) {
                    hang();
                }
                exchange.sendResponseHeaders(status == HANG ? 204 : status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private static void hang() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next answers, in order; after them, {@link #otherwise}. */
    public WebhookReceiver answering(Integer... statuses) {
        synchronized (script) {
            script.addAll(List.of(statuses));
        }
        return this;
    }

    /** The answer once the script is spent. */
    public WebhookReceiver otherwise(int status) {
        otherwise = status;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/unhabitat";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
