package dev.flexconf.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 exchange written byte for byte, for what well-behaved clients refuse to send (a malformed
 * path or header, a body that is not UTF-8). Plain sockets for http, the JVM's default TLS for https.
 * Stateless.
 */
public final class RawHttp {
    /** The status, the response head (status line and headers), the body, and the body as JSON or null. */
    public record Reply(int status, String head, String body, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    /**
     * Sends {@code head} (request line and headers, without Host, Connection and the blank line, which
     * this adds) and then {@code body}, and reads the answer to the end.
     */
    public static Reply send(String baseUrl, String head, byte[] body) throws IOException {
        return send(baseUrl, null, head, body);
    }

    /** As {@link #send(String, String, byte[])}, naming {@code host} in the Host header instead of the base URL's. */
    public static Reply send(String baseUrl, String host, String head, byte[] body) throws IOException {
        return exchange(baseUrl, host, head, body, false);
    }

    /**
     * As {@link #send(String, String, byte[])}, but failing if the server stops reading before the whole body
     * is sent (a reset connection instead of an answer).
     */
    public static Reply sendWhole(String baseUrl, String head, byte[] body) throws IOException {
        return exchange(baseUrl, null, head, body, true);
    }

    private static Reply exchange(String baseUrl, String host, String head, byte[] body, boolean whole) throws IOException {
        URI base = URI.create(baseUrl);
        boolean tls = "https".equals(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket(base.getHost(), port)
                : new Socket(base.getHost(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String named = host != null ? host : base.getHost() + (base.getPort() > 0 ? ":" + port : "");
            out.write((head + "\r\nHost: " + named + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                if (whole) {
                    throw e;
                }
                // a server may answer and close before reading a body it refuses (a 413): read that answer
            }
            return parse(socket.getInputStream());
        }
    }

    private static Reply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = text.substring(0, split);
        String body = text.substring(split + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        JsonNode json = null;
        try {
            json = body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            // left null: the caller asserts on it
        }
        return new Reply(Integer.parseInt(head.substring(9, 12)), head, body, json);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
