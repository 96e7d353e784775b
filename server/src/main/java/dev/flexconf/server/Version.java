package dev.flexconf.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** FlexConf's version, as the build wrote it into {@code flexconf-version.properties}. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/flexconf-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
