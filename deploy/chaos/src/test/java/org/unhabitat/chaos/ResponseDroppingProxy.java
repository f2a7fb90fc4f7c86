package org.unhabitat.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of one service that passes each request on but never the response:
 * as soon as the first byte of the answer arrives (so the server has committed and replied), it cuts
 * both connections. The client sees its connection drop after the fact, as when a response is lost.
 */
final class ResponseDroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicInteger dropped = new AtomicInteger();

    ResponseDroppingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "response-dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread connection = new Thread(() -> relayButDropAnswer(client), "proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relayButDropAnswer(Socket client) {
        try (client; Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
            Thread requestPump = new Thread(() -> pump(client, upstream), "proxy-request");
            requestPump.setDaemon(true);
            requestPump.start();
            InputStream answer = upstream.getInputStream();
            if (answer.read() >= 0) {
                dropped.incrementAndGet();
            }
            client.setSoLinger(true, 0);
        } catch (IOException e) {
            // Either side went away first; the client sees a dropped connection either way.
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // The connection is being cut on purpose.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
