import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * What a JUnit suite pays for an emulator, in a fresh JVM: the first one's start to its first 200, then
 * the start of each next one (a test class's), and for FlexConf the reset between tests on an empty and
 * on a small account. Run by bench/junit.sh with the classpath of FlexConf's client (its JUnit extension
 * calls FlexConfServer.start(ServerOptions.ephemeral()) per class and server.reset() per test) or of
 * WireMock standalone (WireMockServer with a dynamic port, as its JUnit extension does). Reflection keeps
 * this one file compilable against either classpath.
 *   java -cp CLASSPATH bench/junit/StartCosts.java flexconf|wiremock STARTS RESETS
 */
public class StartCosts {
    static final String ACCOUNT = "AC" + "0".repeat(31) + "7";
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":t").getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        boolean flexconf = args[0].equals("flexconf");
        int starts = Integer.parseInt(args[1]);
        int resets = Integer.parseInt(args[2]);
        double first = 0;
        double[] next = new double[starts];
        for (int i = 0; i <= starts; i++) {
            long begin = i == 0 ? t0 : System.nanoTime();
            Object server = flexconf ? startFlexConf() : startWireMock();
            String url = flexconf ? call(server, "url") + "/v1/PluginService/Configurations?PageSize=1"
                    : "http://127.0.0.1:" + call(server, "port") + "/v1/PluginService/Configurations/stub";
            if (!flexconf) {
                stub(server);
            }
            int status = get(url);
            double ms = (System.nanoTime() - begin) / 1e6;
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status);
            }
            if (i == 0) {
                first = ms;
            } else {
                next[i - 1] = ms;
            }
            if (flexconf && i == starts && resets > 0) {
                resets(server, url, resets);
            }
            call(server, flexconf ? "close" : "stop");
        }
        Arrays.sort(next);
        System.out.printf("%s: first emulator %.0f ms (JVM start not included); next %d starts: median %.1f ms%n",
                args[0], first, starts, starts == 0 ? 0.0 : next[starts / 2]);
    }

    static Object startFlexConf() throws Exception {
        Class<?> options = Class.forName("dev.flexconf.server.ServerOptions");
        Object ephemeral = options.getMethod("ephemeral").invoke(null);
        return Class.forName("dev.flexconf.server.FlexConfServer").getMethod("start", options).invoke(null, ephemeral);
    }

    static Object startWireMock() throws Exception {
        Class<?> config = Class.forName("com.github.tomakehurst.wiremock.core.WireMockConfiguration");
        Object options = config.getMethod("options").invoke(null);
        options = config.getMethod("dynamicPort").invoke(options);
        Class<?> optionsType = Class.forName("com.github.tomakehurst.wiremock.core.Options");
        Object server = Class.forName("com.github.tomakehurst.wiremock.WireMockServer").getConstructor(optionsType).newInstance(options);
        server.getClass().getMethod("start").invoke(server);
        return server;
    }

    /** stubFor(get("/v1/PluginService/Configurations/stub").willReturn(okJson("{}"))), by reflection. */
    static void stub(Object server) throws Exception {
        Class<?> dsl = Class.forName("com.github.tomakehurst.wiremock.client.WireMock");
        Object mapping = dsl.getMethod("get", String.class).invoke(null, "/v1/PluginService/Configurations/stub");
        Object response = dsl.getMethod("okJson", String.class).invoke(null, "{}");
        Class<?> responseType = Class.forName("com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder");
        Method willReturn = mapping.getClass().getMethod("willReturn", responseType);
        willReturn.setAccessible(true);
        Object builder = willReturn.invoke(mapping, response);
        Class<?> builderType = Class.forName("com.github.tomakehurst.wiremock.client.MappingBuilder");
        server.getClass().getMethod("stubFor", builderType).invoke(server, builder);
    }

    /** Median of server.reset() on an empty account, then on one holding a plugin, a version and a configuration. */
    static void resets(Object server, String url, int count) throws Exception {
        Method reset = server.getClass().getMethod("reset");
        double[] empty = new double[count];
        double[] small = new double[count];
        String base = url.substring(0, url.indexOf("/v1/"));
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            reset.invoke(server);
            empty[i] = (System.nanoTime() - begin) / 1e6;
            String plugin = sid(post(base + "/v1/PluginService/Plugins", "UniqueName=p" + i));
            String version = sid(post(base + "/v1/PluginService/Plugins/" + plugin + "/Versions",
                    "Version=1.0.0&PluginUrl=https%3A%2F%2Fexample.com%2Fp.js"));
            post(base + "/v1/PluginService/Configurations", "Name=c&Plugins=%7B%22plugin_version%22%3A%22" + version + "%22%7D");
            begin = System.nanoTime();
            reset.invoke(server);
            small[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(empty);
        Arrays.sort(small);
        System.out.printf("flexconf: reset, median of %d: empty account %.2f ms, small account (plugin, version, configuration) %.2f ms%n",
                count, empty[count / 2], small[count / 2]);
    }

    static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    static int get(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Authorization", AUTH);
        int status = c.getResponseCode();
        (status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes();
        return status;
    }

    static String post(String url, String form) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", AUTH);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.getOutputStream().write(form.getBytes(StandardCharsets.UTF_8));
        int status = c.getResponseCode();
        String body = new String((status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes(), StandardCharsets.UTF_8);
        if (status != 201) {
            throw new IllegalStateException(url + " answered " + status + ": " + body);
        }
        return body;
    }

    static String sid(String body) {
        int at = body.indexOf("\"sid\":\"") + 7;
        return body.substring(at, at + 34);
    }
}
