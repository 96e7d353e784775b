package dev.flexconf.client.junit;

import dev.flexconf.client.FlexConfClient;
import dev.flexconf.model.ProxySetup;
import dev.flexconf.server.FlexConfServer;

/**
 * What a test needs to reach its emulator: the base URL and the credentials of the account the
 * injected client uses (any AC sid works in the emulator's default open mode). Immutable.
 *
 * @param baseUrl    e.g. {@code http://127.0.0.1:53117}
 * @param accountSid the account of the injected client
 * @param authToken  its token
 * @param server     the running emulator (reset, seed, journal, faults)
 */
public record FlexConfRuntimeInfo(String baseUrl, String accountSid, String authToken, FlexConfServer server) {

    /** A client for this emulator as this account. */
    public FlexConfClient client() {
        return FlexConfClient.builder().baseUrl(baseUrl).credentials(accountSid, authToken).build();
    }

    /** A client for this emulator as another account. */
    public FlexConfClient clientFor(String otherAccountSid, String token) {
        return FlexConfClient.builder().baseUrl(baseUrl).credentials(otherAccountSid, token).build();
    }

    /**
     * An Apache HttpClient 5 builder whose clients reach this emulator as
     * {@code https://flex-api.twilio.com}: through its front door as their proxy, trusting its CA. The
     * settings are the builder's own; no JVM-wide property changes, so other tests are untouched.
     * For twilio-java, in one line:
     * <pre>{@code new TwilioRestClient.Builder(sid, token)
     *         .httpClient(new NetworkHttpClient(flexconf.twilioHttpClientBuilder())).build()}</pre>
     * Needs httpclient5 on the classpath (twilio-java brings it).
     *
     * @throws IllegalStateException when the emulator runs without its front door
     */
    public org.apache.hc.client5.http.impl.classic.HttpClientBuilder twilioHttpClientBuilder() {
        ProxySetup setup = server.proxySetup().orElseThrow(() -> new IllegalStateException(
                "this emulator runs without its front door (ServerOptions.withCaDir(null))"));
        javax.net.ssl.SSLContext ssl;
        try {
            ssl = org.apache.hc.core5.ssl.SSLContexts.custom()
                    .loadTrustMaterial(new java.io.File(setup.getTruststoreFile()), setup.getTruststorePassword().toCharArray())
                    .build();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the emulator's truststore " + setup.getTruststoreFile(), e);
        }
        java.net.URI proxy = java.net.URI.create(setup.getProxyUrl());
        return org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                .setProxy(new org.apache.hc.core5.http.HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort()))
                .setConnectionManager(org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                        .setSSLSocketFactory(org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder.create()
                                .setSslContext(ssl).build())
                        .build());
    }
}
