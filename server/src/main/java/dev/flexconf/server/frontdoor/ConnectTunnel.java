package dev.flexconf.server.frontdoor;

import dev.flexconf.server.http.ErrorResponses;
import dev.flexconf.server.http.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forward-proxy front door: a connection that opens with {@code CONNECT host:443} is answered
 * {@code 200 Connection established} when the host is one FlexConf answers as ({@link TwilioHosts}),
 * and its tunnel is then served by FlexConf itself through {@code tls} (TLS, then the same HTTP API).
 * Any other host or port is refused with a Twilio-shaped 403 that names it; nothing is ever dialled.
 * Thread-safe: Jetty calls a connection from one thread at a time.
 */
final class ConnectTunnel extends AbstractConnectionFactory implements ConnectionFactory.Detecting {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectTunnel.class);
    private static final byte[] METHOD = "CONNECT ".getBytes(StandardCharsets.US_ASCII);
    /** The longest request head a CONNECT may have. */
    static final int MAX_HEAD = 8 * 1024;
    private static final int TLS_PORT = 443;

    private final ConnectionFactory tls;

    /** @param tls the factory that serves a tunnel once it is established */
    ConnectTunnel(ConnectionFactory tls) {
        super("flexconf-connect");
        this.tls = tls;
    }

    @Override
    public Detection detect(ByteBuffer buffer) {
        int n = Math.min(buffer.remaining(), METHOD.length);
        for (int i = 0; i < n; i++) {
            if (buffer.get(buffer.position() + i) != METHOD[i]) {
                return Detection.NOT_RECOGNIZED;
            }
        }
        return n == METHOD.length ? Detection.RECOGNIZED : Detection.NEED_MORE_BYTES;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        return configure(new Head(endPoint, connector), connector, endPoint);
    }

    /** Why a CONNECT is refused, as the 403's message; null when it is let through. */
    static String refusal(String host, int port) {
        if (!TwilioHosts.isEmulated(host)) {
            return "FlexConf refused CONNECT " + host + ":" + port + ": it emulates only Twilio Flex's API at "
                    + TwilioHosts.FLEX_API + " (and its regional hosts) and never connects anywhere else";
        }
        if (port != TLS_PORT) {
            return "FlexConf refused CONNECT " + host + ":" + port + ": it answers as " + host + " on port 443 only";
        }
        return null;
    }

    /** Reads a CONNECT request head, answers it, and hands an established tunnel to TLS. */
    private final class Head extends AbstractConnection implements Connection.UpgradeFrom, Connection.UpgradeTo {
        private final Connector connector;
        private final ByteBuffer buffer = BufferUtil.allocate(MAX_HEAD);

        Head(EndPoint endPoint, Connector connector) {
            super(endPoint, connector.getExecutor());
            this.connector = connector;
        }

        @Override
        public void onUpgradeTo(ByteBuffer prefilled) {
            BufferUtil.append(buffer, prefilled);
        }

        @Override
        public ByteBuffer onUpgradeFrom() {
            if (!buffer.hasRemaining()) {
                return null;
            }
            ByteBuffer rest = BufferUtil.allocate(buffer.remaining());
            BufferUtil.append(rest, buffer);
            return rest;
        }

        @Override
        public void onOpen() {
            super.onOpen();
            if (!answer()) {
                fillInterested();
            }
        }

        @Override
        public void onFillable() {
            try {
                while (true) {
                    int filled = getEndPoint().fill(buffer);
                    if (filled < 0) {
                        close();
                        return;
                    }
                    if (answer()) {
                        return;
                    }
                    if (filled == 0) {
                        fillInterested();
                        return;
                    }
                }
            } catch (Exception e) {
                close();
            }
        }

        /** Answers the head once it is whole; false while more bytes are needed. */
        private boolean answer() {
            int end = headEnd();
            if (end < 0) {
                if (BufferUtil.space(buffer) == 0) {
                    refuse(431, "FlexConf refused a CONNECT whose request head is over " + MAX_HEAD + " bytes");
                    return true;
                }
                return false;
            }
            byte[] head = new byte[end];
            buffer.get(head);
            String requestLine = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                refuse(400, "FlexConf could not read the CONNECT request line");
                return true;
            }
            String authority = parts[1];
            int colon = authority.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                refuse(400, "FlexConf refused CONNECT " + authority + ": it needs host:port");
                return true;
            }
            String host = authority.substring(0, colon).toLowerCase(Locale.ROOT);
            String refusal = refusal(host, port);
            if (refusal != null) {
                LOG.info("{}", refusal);
                refuse(403, refusal);
                return true;
            }
            ByteBuffer established = BufferUtil.toBuffer("HTTP/1.1 200 Connection established\r\n\r\n", StandardCharsets.US_ASCII);
            getEndPoint().write(Callback.from(() -> getEndPoint().upgrade(tls.newConnection(connector, getEndPoint())), x -> close()),
                    established);
            return true;
        }

        /** Where the head ends (just past its blank line), or -1 while it is not whole. */
        private int headEnd() {
            for (int i = buffer.position(); i + 3 < buffer.limit(); i++) {
                if (buffer.get(i) == '\r' && buffer.get(i + 1) == '\n' && buffer.get(i + 2) == '\r' && buffer.get(i + 3) == '\n') {
                    return i + 4 - buffer.position();
                }
            }
            return -1;
        }

        private void refuse(int status, String message) {
            byte[] body = Json.bytes(ErrorResponses.body(status, status == 403 ? 20403 : 20001, message));
            String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            ByteBuffer headBytes = BufferUtil.toBuffer(head, StandardCharsets.US_ASCII);
            getEndPoint().write(Callback.from(this::close, x -> close()), headBytes, ByteBuffer.wrap(body));
        }

        private static String reason(int status) {
            return switch (status) {
                case 403 -> "Forbidden";
                case 431 -> "Request Header Fields Too Large";
                default -> "Bad Request";
            };
        }
    }
}
