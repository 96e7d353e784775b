package dev.flexconf.server.frontdoor;

import dev.flexconf.model.ProxySetup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * FlexConf's one port, every way in: plain HTTP, TLS as {@code flex-api.twilio.com} (and the other
 * names of {@link TwilioHosts}) with a certificate from FlexConf's own {@link CertificateAuthority}, and
 * HTTP {@code CONNECT} to one of those names on 443, whose tunnel FlexConf terminates itself. All three
 * reach the same handlers and state. Immutable; thread-safe.
 */
public final class FrontDoor {
    private final CertificateAuthority ca;
    private final SslContextFactory.Server tls;

    private FrontDoor(CertificateAuthority ca, SslContextFactory.Server tls) {
        this.ca = ca;
        this.tls = tls;
    }

    /**
     * Opens (or makes) the CA in {@code caDir} and readies its TLS context: the costly part of a start
     * with a front door (the JDK's key store and TLS machinery), so the caller may run it beside other work.
     *
     * @throws IllegalStateException when the CA folder is refused ({@link CertificateAuthority#open})
     */
    public static FrontDoor open(Path caDir) {
        CertificateAuthority ca = CertificateAuthority.open(caDir);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(ca.serverKeyStore());
        tls.setKeyStorePassword(ca.serverKeyPassword());
        tls.setSniRequired(false);
        try {
            tls.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot ready TLS with the certificate of " + caDir + ": " + e.getMessage(), e);
        }
        return new FrontDoor(ca, tls);
    }

    /** The CA behind the TLS certificate. */
    public CertificateAuthority ca() {
        return ca;
    }

    /** A connector on {@code host:port} that tells TLS, CONNECT and plain HTTP apart by their first bytes. */
    public ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        HttpConnectionFactory plain = new HttpConnectionFactory(http);
        SslConnectionFactory ssl = new SslConnectionFactory(tls, plain.getProtocol());
        DetectorConnectionFactory detector = new DetectorConnectionFactory(ssl, new ConnectTunnel(ssl));
        ServerConnector connector = new ServerConnector(server, detector, plain);
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /**
     * What a tool needs to reach FlexConf, listening at {@code proxyHost:proxyPort}, as
     * {@code https://flex-api.twilio.com}: environment variables for Node tools (twilio-cli, the Flex
     * Plugins CLI, twilio-node) and JVM flags for twilio-java.
     */
    public ProxySetup setup(String proxyHost, int proxyPort) {
        String proxyUrl = "http://" + (proxyHost.contains(":") ? "[" + proxyHost + "]" : proxyHost) + ":" + proxyPort;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PROXY", proxyUrl);
        env.put("HTTPS_PROXY", proxyUrl);
        env.put("NODE_EXTRA_CA_CERTS", ca.pemFile().toString());
        return new ProxySetup()
                .proxyUrl(proxyUrl)
                .caFile(ca.pemFile().toString())
                .truststoreFile(ca.trustStoreFile().toString())
                .truststorePassword(CertificateAuthority.TRUSTSTORE_PASSWORD)
                .emulatedHosts(TwilioHosts.dnsNames())
                .env(env)
                .javaFlags(List.of(
                        "-Dhttps.proxyHost=" + proxyHost,
                        "-Dhttps.proxyPort=" + proxyPort,
                        "-Djavax.net.ssl.trustStore=" + ca.trustStoreFile(),
                        "-Djavax.net.ssl.trustStorePassword=" + CertificateAuthority.TRUSTSTORE_PASSWORD));
    }

    /** The start log's block to copy: shell exports and the Java flags of {@link #setup}. */
    public static String setupText(ProxySetup setup) {
        StringBuilder text = new StringBuilder("to reach it as https://" + TwilioHosts.FLEX_API
                + " from unmodified Twilio tools:");
        setup.getEnv().forEach((k, v) -> text.append("\n  export ").append(k).append('=').append(v));
        text.append("\n  # twilio-java: java ").append(String.join(" ", setup.getJavaFlags())).append(" ...");
        return text.toString();
    }
}
