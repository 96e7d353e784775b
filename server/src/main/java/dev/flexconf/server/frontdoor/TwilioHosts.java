package dev.flexconf.server.frontdoor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The host names FlexConf answers as: Twilio's Flex API host, the regional hosts Twilio's helper
 * libraries build from it ({@code flex-api.{region}.twilio.com} and
 * {@code flex-api.{edge}.{region}.twilio.com}), and the loopback names. The one list behind the CA's
 * name constraints, the server certificate's names and the hosts a {@code CONNECT} may name. Immutable.
 */
public final class TwilioHosts {
    /** The host every Twilio tool hard-codes. */
    public static final String FLEX_API = "flex-api.twilio.com";
    /** Twilio's documented edge locations (twilio.com/docs/global-infrastructure/edge-locations). */
    static final List<String> EDGES = List.of("ashburn", "dublin", "frankfurt", "sao-paulo", "singapore", "sydney",
            "tokyo", "umatilla", "roaming");
    /** Twilio's documented processing regions. */
    static final List<String> REGIONS = List.of("us1", "us2", "ie1", "de1", "au1", "jp1", "sg1", "br1");
    /** The loopback names a local client may use. */
    static final List<String> LOOPBACK_NAMES = List.of("localhost");
    /** The loopback addresses a local client may use. */
    static final List<String> LOOPBACK_ADDRESSES = List.of("127.0.0.1", "::1");

    private static final List<String> DNS_NAMES = dnsNamesOf();
    private static final Set<String> ALL = allOf();

    private TwilioHosts() {
    }

    /** Every DNS name FlexConf answers as, Twilio's first. */
    public static List<String> dnsNames() {
        return DNS_NAMES;
    }

    /** Whether a client may reach FlexConf under this host name or address (case-insensitive). */
    public static boolean isEmulated(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return ALL.contains(h);
    }

    private static List<String> dnsNamesOf() {
        List<String> names = new ArrayList<>();
        names.add(FLEX_API);
        for (String region : REGIONS) {
            names.add("flex-api." + region + ".twilio.com");
            for (String edge : EDGES) {
                names.add("flex-api." + edge + "." + region + ".twilio.com");
            }
        }
        names.addAll(LOOPBACK_NAMES);
        return List.copyOf(names);
    }

    private static Set<String> allOf() {
        List<String> all = new ArrayList<>(DNS_NAMES);
        all.addAll(LOOPBACK_ADDRESSES);
        all.add("0:0:0:0:0:0:0:1");
        return Set.copyOf(all);
    }
}
