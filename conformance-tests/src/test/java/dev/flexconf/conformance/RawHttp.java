package dev.flexconf.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 exchange written byte for byte, for what well-behaved clients refuse to send (a
 * malformed path, a body that is not UTF-8). Plain sockets for http, TLS for https. Stateless.
 */
final class RawHttp {
    /** A status and a parsed JSON body. */
    record Reply(int status, Map<String, Object> body) {
    }

    private RawHttp() {
    }

    static Reply send(String method, String pathAndQuery, String contentType, byte[] body) throws IOException {
        URI base = URI.create(Target.get().baseUrl);
        boolean tls = "https".equals(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        Target.Account a = Target.get().account;
        String auth = Base64.getEncoder().encodeToString((a.sid() + ":" + a.token()).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket(base.getHost(), port)
                : new Socket(base.getHost(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(base.getPort() > 0 ? ":" + port : "").append("\r\n")
                    .append("Authorization: Basic ").append(auth).append("\r\n")
                    .append("Connection: close\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // a server may answer and close before reading a body it refuses (a 413): read that answer
            }
            return parse(socket.getInputStream());
        }
    }

    @SuppressWarnings("unchecked")
    private static Reply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int status = Integer.parseInt(text.substring(9, 12));
        int split = text.indexOf("\r\n\r\n");
        String headers = text.substring(0, split).toLowerCase();
        String payload = text.substring(split + 4);
        if (headers.contains("transfer-encoding: chunked")) {
            payload = unchunk(payload);
        }
        return new Reply(status, new ObjectMapper().readValue(payload, Map.class));
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
