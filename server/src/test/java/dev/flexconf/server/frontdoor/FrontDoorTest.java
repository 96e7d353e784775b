package dev.flexconf.server.frontdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.ServerOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one port's three ways in, over real sockets: plain HTTP, TLS, and CONNECT as flex-api.twilio.com. */
class FrontDoorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static FlexConfServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        server = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(dir.resolve("ca")));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("ca").resolve(CertificateAuthority.TRUSTSTORE))) {
            trust.load(in, CertificateAuthority.TRUSTSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A client that goes through FlexConf as its forward proxy and trusts FlexConf's CA alone. */
    private static HttpClient proxied() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port())))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String account) throws Exception {
        return client.send(request.header("Authorization", Http.basic(account, "token")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void throughTheProxyFlexConfAnswersAsFlexApiWithItsUrls() throws Exception {
        String account = Http.newAccount();
        HttpResponse<String> created = send(proxied(), HttpRequest.newBuilder(URI.create("https://flex-api.twilio.com/v1/PluginService/Plugins"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("UniqueName=through-the-tunnel")), account);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode plugin = JSON.readTree(created.body());
        assertEquals("https://flex-api.twilio.com/v1/PluginService/Plugins/" + plugin.get("sid").asText(), plugin.get("url").asText());
    }

    @Test
    void theTunnelAndPlainHttpShareOneState() throws Exception {
        String account = Http.newAccount();
        new Http(server).as(account).post("/v1/PluginService/Plugins", Http.form("UniqueName", "made-over-http"));
        HttpResponse<String> list = send(proxied(), HttpRequest.newBuilder(URI.create("https://flex-api.twilio.com/v1/PluginService/Plugins")), account);
        assertEquals(200, list.statusCode());
        assertEquals("made-over-http", JSON.readTree(list.body()).get("plugins").get(0).get("unique_name").asText());
    }

    @Test
    void aRegionalHostIsServedToo() throws Exception {
        HttpResponse<String> list = send(proxied(),
                HttpRequest.newBuilder(URI.create("https://flex-api.sydney.au1.twilio.com/v1/PluginService/Plugins")), Http.newAccount());
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"url\":\"https://flex-api.sydney.au1.twilio.com/v1/PluginService/Plugins"), list.body());
    }

    @Test
    void tlsWithoutAProxyIsServedOnTheSamePort() throws Exception {
        HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting).build();
        HttpResponse<String> list = send(direct,
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/v1/PluginService/Plugins")), Http.newAccount());
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"url\":\"https://127.0.0.1:" + server.port() + "/v1/PluginService/Plugins"), list.body());
    }

    /**
     * A TLS client led to FlexConf for another site (a hosts-file entry, a hijacked DNS answer) gets no
     * certificate for it: its check of the name fails, whatever name it sends (SNI).
     */
    @Test
    void aTlsClientLedHereForAnotherSiteGetsNoCertificateForIt() throws Exception {
        for (String host : new String[] {"www.example.com", "api.twilio.com"}) {
            Socket plain = new Socket("127.0.0.1", server.port());
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trusting.getSocketFactory()
                    .createSocket(plain, host, 443, true)) {
                javax.net.ssl.SSLParameters params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(params);
                socket.setSoTimeout(5000);
                SSLHandshakeException e = assertThrows(SSLHandshakeException.class, socket::startHandshake, host);
                assertTrue(e.getMessage().contains("No subject alternative DNS name matching " + host), e.getMessage());
            }
        }
    }

    @Test
    void plainHttpIsServedOnTheSamePort() {
        assertEquals(200, new Http(server).as(Http.newAccount()).get("/v1/PluginService/Plugins").status());
    }

    @Test
    void aClientThatDoesNotTrustTheCaRefusesTheTunnel() {
        HttpClient untrusting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port()))).build();
        assertThrows(SSLHandshakeException.class, () -> send(untrusting,
                HttpRequest.newBuilder(URI.create("https://flex-api.twilio.com/v1/PluginService/Plugins")), Http.newAccount()));
    }

    /** A CONNECT to any other host is answered 403 with a Twilio body naming it, and nothing is dialled. */
    @Test
    void aConnectToAnotherHostIsRefusedAndNothingIsDialled() throws Exception {
        try (ServerSocket elsewhere = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            elsewhere.setSoTimeout(500);
            String target = "127.0.0.2:" + elsewhere.getLocalPort();
            String answer = rawConnect(target);
            assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
            JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(20403, body.get("code").asInt());
            assertEquals(403, body.get("status").asInt());
            assertEquals("https://www.twilio.com/docs/errors/20403", body.get("more_info").asText());
            assertTrue(body.get("message").asText().contains("CONNECT " + target), body.toString());
            assertTrue(body.get("message").asText().contains("flex-api.twilio.com"), body.toString());
            assertThrows(SocketTimeoutException.class, elsewhere::accept, "FlexConf dialled " + target);
        }
    }

    @Test
    void aConnectToTwilioServerlessIsRefusedWithAClearMessage() throws Exception {
        String answer = rawConnect("serverless.twilio.com:443");
        assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
        assertTrue(answer.contains("refused CONNECT serverless.twilio.com:443: it emulates only Twilio Flex's API"), answer);
    }

    @Test
    void aConnectToAnEmulatedHostOnAnotherPortIsRefused() throws Exception {
        String answer = rawConnect("flex-api.twilio.com:80");
        assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
        assertTrue(answer.contains("on port 443 only"), answer);
    }

    @Test
    void aConnectWithoutAPortIsA400() throws Exception {
        String answer = rawConnect("flex-api.twilio.com");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("\"code\":20001"), answer);
    }

    @Test
    void theAdminApiServesTheCaCertificateAndTheSetUp() throws Exception {
        Http.Reply pem = new Http(server).get("/__flexconf/ca.pem");
        assertEquals(200, pem.status());
        assertEquals(Files.readString(dir.resolve("ca").resolve("ca.pem")), pem.raw().body());
        assertEquals("application/x-pem-file", pem.header("Content-Type"));
        JsonNode setup = new Http(server).get("/__flexconf/proxy").json();
        assertEquals(server.url(), setup.get("proxy_url").asText());
        assertEquals(server.url(), setup.get("env").get("HTTP_PROXY").asText());
        assertEquals(dir.resolve("ca").resolve("ca.pem").toString(), setup.get("env").get("NODE_EXTRA_CA_CERTS").asText());
        assertTrue(setup.get("java_flags").toString().contains("-Dhttps.proxyPort=" + server.port()), setup.toString());
    }

    @Test
    void withoutTheFrontDoorThereIsNoTlsAndNoCa() throws Exception {
        try (FlexConfServer plain = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(null))) {
            assertEquals(404, new Http(plain).get("/__flexconf/ca.pem").status());
            assertEquals(20404, new Http(plain).get("/__flexconf/proxy").json().get("code").asInt());
            HttpClient direct = HttpClient.newBuilder().sslContext(trusting).connectTimeout(Duration.ofSeconds(5)).build();
            assertThrows(java.io.IOException.class, () -> send(direct,
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + plain.port() + "/v1/PluginService/Plugins")), Http.newAccount()));
        }
    }

    private static String rawConnect(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
