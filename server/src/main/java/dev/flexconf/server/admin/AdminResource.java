package dev.flexconf.server.admin;

import dev.flexconf.model.FaultList;
import dev.flexconf.model.FaultRule;
import dev.flexconf.model.Health;
import dev.flexconf.model.JournalEntry;
import dev.flexconf.model.JournalPage;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.model.ProxySetup;
import dev.flexconf.model.SeedResult;
import dev.flexconf.server.Version;
import dev.flexconf.server.faults.Faults;
import dev.flexconf.server.frontdoor.CertificateAuthority;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.journal.RequestJournal;
import dev.flexconf.server.seed.Accounts;
import dev.flexconf.server.store.Sids;
import io.javalin.config.RoutesConfig;
import org.slf4j.LoggerFactory;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * FlexConf's admin API under {@code /__flexconf/}: health, reset, seed, the request journal and
 * faults. It takes no credentials (a local test tool, like WireMock's admin API). Thread-safe.
 */
public final class AdminResource {
    public static final String PATH = "/__flexconf";
    /** The largest admin body (a seed document) taken, in bytes: seed larger accounts in several documents. */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final Accounts accounts;
    private final RequestJournal journal;
    private final Faults faults;
    private final BaseUrl baseUrl;
    private final CertificateAuthority ca;
    private final Supplier<ProxySetup> proxySetup;
    private final AdminGuard guard;
    private final AdminAccess access;
    private final Console console = Console.load();

    /**
     * @param ca         the front door's CA, or null when there is no front door
     * @param proxySetup the front door's set-up once the server listens (not called when {@code ca} is null)
     * @param publicHost the host of the configured public base URL, or null
     */
    public AdminResource(Accounts accounts, RequestJournal journal, Faults faults, BaseUrl baseUrl,
            CertificateAuthority ca, Supplier<ProxySetup> proxySetup, AdminAccess access, String publicHost) {
        this.guard = new AdminGuard(access, publicHost);
        this.access = access;
        this.accounts = accounts;
        this.ca = ca;
        this.proxySetup = proxySetup;
        this.journal = journal;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    /**
     * Says in the log when the admin API is open to the network: served without a token on a host that
     * is not loopback. Call once the server listens on {@code host}.
     */
    public void warnIfOpen(String host) {
        if (access.enabled() && access.token() == null && !AdminGuard.isLoopback(host)) {
            LoggerFactory.getLogger(AdminResource.class).warn("The admin API (/__flexconf/: reset, seed, every request's body)"
                    + " is open to the network on {}: set --admin-token, or --no-admin", host);
        }
    }

    public void register(RoutesConfig routes) {
        routes.before(PATH + "/*", guard::check);
        routes.get(PATH + "/health", ctx -> Json.respond(ctx, 200, new Health().status(Health.StatusEnum.OK).version(Version.get())));
        routes.post(PATH + "/reset", this::reset);
        routes.post(PATH + "/seed", this::seed);
        routes.get(PATH + "/export", ctx -> Json.respond(ctx, 200, accounts.export(accountSid(ctx.queryParam("AccountSid"), true))));
        routes.get(PATH + "/accounts", ctx -> Json.respond(ctx, 200, accounts.list()));
        routes.get(PATH + "/timeline", ctx -> Json.respond(ctx, 200, accounts.timeline(accountSid(ctx.queryParam("AccountSid"), true))));
        console.register(routes);
        routes.get(PATH + "/requests", this::requests);
        routes.delete(PATH + "/requests", ctx -> {
            String account = ctx.queryParam("AccountSid");
            journal.remove(e -> account == null || account.equals(e.getAccountSid()));
            ctx.status(204);
        });
        routes.get(PATH + "/ca.pem", ctx -> {
            requireFrontDoor(ctx);
            ctx.contentType("application/x-pem-file").result(ca.pem());
        });
        routes.get(PATH + "/proxy", ctx -> {
            requireFrontDoor(ctx);
            Json.respond(ctx, 200, proxySetup.get());
        });
        routes.get(PATH + "/faults", ctx -> Json.respond(ctx, 200, new FaultList().faults(faults.list())));
        routes.post(PATH + "/faults", this::addFault);
        routes.delete(PATH + "/faults", ctx -> {
            faults.clear(null);
            ctx.status(204);
        });
    }

    /**
     * Deletes the resources, journal entries and faults of one account ({@code AccountSid}) or of all,
     * the resources in one transaction: a request in flight sees all of them or none.
     */
    public void reset(String account) {
        accounts.reset(account);
        journal.remove(e -> account == null || account.equals(e.getAccountSid()));
        faults.clear(account);
    }

    private void reset(Context ctx) {
        String account = Form.of(ctx).last("AccountSid");
        reset(accountSid(account == null ? ctx.queryParam("AccountSid") : account, false));
        ctx.status(204);
    }

    /** Loads a seed document (all of it or nothing); URLs in the answer under {@code base}. */
    public SeedResult seed(SeedDocument doc, String base) {
        return accounts.seed(doc, base);
    }

    private void seed(Context ctx) throws IOException {
        try (InputStream body = ctx.bodyInputStream()) {
            Json.respond(ctx, 201, seed(Accounts.read(body), baseUrl.of(ctx)));
        }
    }

    /** The {@code AccountSid} parameter: an account sid, or null when absent and not {@code required}; else a 400. */
    private static String accountSid(String given, boolean required) {
        if (given == null && !required) {
            return null;
        }
        if (given == null) {
            throw TwilioException.invalidParameter("AccountSid", "is required");
        }
        return Sids.require("AccountSid", "AC", given);
    }

    private void requireFrontDoor(Context ctx) {
        if (ca == null) {
            throw new TwilioException(404, 20404, "The requested resource " + ctx.path()
                    + " was not found: this FlexConf was started without its TLS and CONNECT front door");
        }
    }

    private void requests(Context ctx) {
        String account = ctx.queryParam("AccountSid");
        String path = ctx.queryParam("Path");
        String operation = ctx.queryParam("Operation");
        Predicate<Integer> status = journalStatus(ctx.queryParam("Status"));
        Predicate<JournalEntry> filter = e -> (account == null || account.equals(e.getAccountSid()))
                && (path == null || e.getPath().startsWith(path))
                && (operation == null || operation.equals(e.getOperation()))
                && status.test(e.getStatus());
        int size = journalPageSize(ctx.queryParam("PageSize"));
        long before = ctx.queryParam("Before") == null ? Long.MAX_VALUE : journalBefore(ctx.queryParam("Before"));
        RequestJournal.Page page = journal.page(filter, before, size);
        Json.respond(ctx, 200, new JournalPage().requests(page.entries()).nextBefore(page.nextBefore()));
    }

    /** The journal's {@code PageSize}: 1 to 1000, 1000 when absent. */
    private static int journalPageSize(String given) {
        if (given == null) {
            return JOURNAL_PAGE;
        }
        try {
            int size = Integer.parseInt(given.trim());
            if (size >= 1 && size <= JOURNAL_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw TwilioException.invalidParameter("PageSize", "must be an integer from 1 to " + JOURNAL_PAGE);
    }

    /** The journal's {@code Status}: one status ({@code 404}) or a class of them ({@code 4xx}); any when absent. */
    private static Predicate<Integer> journalStatus(String given) {
        if (given == null) {
            return status -> true;
        }
        String s = given.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.matches("[1-5]xx")) {
            int kind = s.charAt(0) - '0';
            return status -> status != null && status / 100 == kind;
        }
        if (s.matches("[1-5][0-9][0-9]")) {
            int exact = Integer.parseInt(s);
            return status -> status != null && status == exact;
        }
        throw TwilioException.invalidParameter("Status", "must be a status such as 404, or a class such as 4xx");
    }

    private static long journalBefore(String given) {
        try {
            return Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw TwilioException.invalidParameter("Before", "must be an entry id");
        }
    }

    private static final int JOURNAL_PAGE = 1000;

    private void addFault(Context ctx) throws IOException {
        FaultRule rule;
        try (InputStream body = ctx.bodyInputStream()) {
            rule = Json.MAPPER.readValue(body, FaultRule.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TwilioException(400, 20001, "Invalid fault rule: " + e.getOriginalMessage());
        }
        Json.respond(ctx, 201, faults.add(rule));
    }
}
