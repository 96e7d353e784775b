package dev.flexconf.client.junit;

import dev.flexconf.model.ProxySetup;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContexts;

/**
 * twilio-java against an emulator of the extension, in one line and without any JVM-wide property:
 * <pre>{@code new TwilioRestClient.Builder(sid, token)
 *         .httpClient(new NetworkHttpClient(TwilioJava.httpClientBuilder(flexconf))).build()}</pre>
 * It needs Apache HttpClient 5 on the classpath, which twilio-java brings; apart from this class the
 * client library does not. Stateless.
 */
public final class TwilioJava {
    private TwilioJava() {
    }

    /**
     * An HttpClient 5 builder whose clients reach {@code flexconf}'s emulator as
     * {@code https://flex-api.twilio.com}: through its front door as their proxy, trusting its CA.
     *
     * @throws IllegalStateException when the emulator runs without its front door
     */
    public static HttpClientBuilder httpClientBuilder(FlexConfRuntimeInfo flexconf) {
        ProxySetup setup = flexconf.server().proxySetup().orElseThrow(() -> new IllegalStateException(
                "this emulator runs without its front door (ServerOptions.withCaDir(null))"));
        SSLContext ssl;
        try {
            ssl = SSLContexts.custom()
                    .loadTrustMaterial(new File(setup.getTruststoreFile()), setup.getTruststorePassword().toCharArray())
                    .build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the emulator's truststore " + setup.getTruststoreFile(), e);
        }
        URI proxy = URI.create(setup.getProxyUrl());
        return HttpClients.custom()
                .setProxy(new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort()))
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create().setSslContext(ssl).build())
                        .build());
    }
}
