package org.unhabitat.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's endpoint on loopback, as a partner would write one: it checks each message's Standard Webhooks
 * signature with the secret it was given, answers 204, and remembers every message in the order it arrived,
 * redeliveries included. It answers after a short pause, as a real receiver that writes to its own database does,
 * so that deliveries queue up behind it.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One message as it arrived: its webhook-id, and the exact body, which a redelivery must repeat. */
    record Receipt(String webhookId, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final Duration pause;
    private volatile byte[] key;

    WebhookReceiver(Duration pause) throws IOException {
        this.pause = pause;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/hooks", this::receive);
        server.setExecutor(workers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The {@code whsec_} secret from the endpoint's creation. */
    void trust(String secret) {
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    int badSignatures() {
        return badSignatures.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signatures == null || !signedWithOurKey(id, timestamp, body, signatures)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Thread.sleep(pause.toMillis());
            receipts.add(new Receipt(id, body));
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Any of the space-separated {@code v1,} signatures over {@code id.timestamp.body}, compared in constant time. */
    private boolean signedWithOurKey(String id, String timestamp, byte[] body, String signatures) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return Arrays.stream(signatures.split(" "))
                    .filter(signature -> signature.startsWith("v1,"))
                    .anyMatch(signature -> MessageDigest.isEqual(expected, decodeOrEmpty(signature.substring(3))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
