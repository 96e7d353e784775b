package dev.flexconf.conformance.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the npm registry on 127.0.0.1: the Flex Plugins CLI looks up its own package
 * ({@code @twilio/flex-dev-utils}) before every command and aborts when the look-up fails. It answers
 * a package's metadata with the one version installed under {@code node_modules}, and 404 for any
 * package not installed there. Thread-safe; stopped by {@link #close()}.
 */
final class StandInRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    StandInRegistry(Path nodeModules) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            String name = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
            Path manifest = nodeModules.resolve(name).resolve("package.json").normalize();
            byte[] body;
            int status;
            if (manifest.startsWith(nodeModules) && Files.isRegularFile(manifest)) {
                String version = JSON.readTree(manifest.toFile()).get("version").asText();
                ObjectNode doc = JSON.createObjectNode().put("name", name);
                doc.putObject("dist-tags").put("latest", version);
                doc.putObject("versions").putObject(version).put("name", name).put("version", version);
                body = JSON.writeValueAsBytes(doc);
                status = 200;
            } else {
                body = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
                status = 404;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Its URL, for {@code npm_config_registry}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
