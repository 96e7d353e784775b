package dev.flexconf.server.seed;

import dev.flexconf.model.AccountList;
import dev.flexconf.model.AccountSummary;
import dev.flexconf.model.ReleaseTimeline;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.model.SeedResult;
import dev.flexconf.server.configurations.ConfigurationCache;
import dev.flexconf.server.releases.Timeline;
import dev.flexconf.server.store.Database;

/**
 * Whole accounts at once: load a seed document ({@link Seeder}, through the same rules as the API),
 * export one ({@link Exporter}), list those with state, tell one's release history, reset one or all.
 * Each is one transaction; each write tells the cache after its commit. The admin API, {@code --seed} and the JUnit extension all come here. Thread-safe.
 */
public final class Accounts {
    private final Database db;
    private final ConfigurationCache cache;
    private final Seeder seeder;
    private final Exporter exporter;

    public Accounts(Database db, ConfigurationCache cache) {
        this.db = db;
        this.cache = cache;
        this.seeder = new Seeder(db);
        this.exporter = new Exporter(db);
    }

    /** Reads a seed document; malformed JSON or an unknown field is a 400. */
    public static SeedDocument read(java.io.InputStream json) {
        return Seeder.read(json);
    }

    /** Loads {@code doc} (all of it or nothing); what was loaded as the API shows it, URLs under {@code base}. */
    public SeedResult seed(SeedDocument doc, String base) {
        SeedResult loaded = seeder.load(doc, base);
        cache.accountChanged(doc.getAccountSid());
        return loaded;
    }

    /** The seed document of {@code account}: seeding it into an emulator without that account is an identity. */
    public SeedDocument export(String account) {
        return exporter.export(account);
    }

    /** The accounts that hold state, by sid, with how many plugins, configurations and releases each. */
    public AccountList list() {
        return new AccountList().accounts(db.read(h -> db.accounts().summaries(h)).stream()
                .map(row -> new AccountSummary().accountSid(row.account()).plugins(row.plugins())
                        .configurations(row.configurations()).releases(row.releases()))
                .toList());
    }

    /** The release history of {@code account}, newest first ({@link Timeline}). */
    public ReleaseTimeline timeline(String account) {
        return Timeline.of(export(account));
    }

    /** Deletes every resource of {@code account}, or of every account when it is null, in one transaction. */
    public void reset(String account) {
        db.write(h -> {
            db.accounts().reset(h, account);
            return null;
        });
        if (account == null) {
            cache.clear();
        } else {
            cache.accountChanged(account);
        }
    }
}
