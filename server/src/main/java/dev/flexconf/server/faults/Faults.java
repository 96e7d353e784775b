package dev.flexconf.server.faults;

import dev.flexconf.model.FaultRule;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operation;
import dev.flexconf.server.http.TwilioException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Fault rules, applied to each API request after authentication and before its handler, so an
 * injected error is answered before any write happens (twilio-java retries a 5xx POST: a fault must
 * never follow committed work). The first rule that matches the request's operation and account and
 * fires (its remaining times, its probability drawn from its own seeded generator) delays the request
 * and, when it has a status, answers it with Twilio's error body. A delay holds no thread: the request is
 * answered asynchronously, its handler run on {@code workers} when the delay is over, so delayed requests,
 * however many, never starve the others or the admin API. Thread-safe.
 */
public final class Faults {
    private final List<Rule> rules = new ArrayList<>();
    private final Set<CompletableFuture<Void>> delays = ConcurrentHashMap.newKeySet();
    private final Executor workers;
    private volatile boolean any;
    private long nextId = 1;

    /** Fault rules whose delayed requests resume on {@code workers} (the server's own threads). */
    public Faults(Executor workers) {
        this.workers = workers;
    }

    private static final class Rule {
        final FaultRule spec;
        final Random random;
        Integer remaining;

        Rule(FaultRule spec) {
            this.spec = spec;
            this.random = spec.getSeed() == null ? new Random() : new Random(spec.getSeed());
            this.remaining = spec.getTimes();
        }

        boolean matches(String operation, String account) {
            return (spec.getOperation() == null || spec.getOperation().equals(operation))
                    && (spec.getAccountSid() == null || spec.getAccountSid().equals(account));
        }

        boolean fires() {
            if (remaining != null && remaining <= 0) {
                return false;
            }
            Double p = spec.getProbability();
            if (p != null && random.nextDouble() >= p) {
                return false;
            }
            if (remaining != null) {
                remaining--;
            }
            return true;
        }

        FaultRule view() {
            return copy(spec).times(remaining);
        }
    }

    /** Validates and adds a rule; returns it with its id. */
    public synchronized FaultRule add(FaultRule spec) {
        if (spec.getStatus() == null && (spec.getDelayMs() == null || spec.getDelayMs() == 0)) {
            throw TwilioException.invalidParameter("status", "a fault needs a status (400 to 599) or a delay_ms");
        }
        if (spec.getStatus() != null && (spec.getStatus() < 400 || spec.getStatus() > 599)) {
            throw TwilioException.invalidParameter("status", "must be from 400 to 599");
        }
        if (spec.getDelayMs() != null && (spec.getDelayMs() < 0 || spec.getDelayMs() > 60_000)) {
            throw TwilioException.invalidParameter("delay_ms", "must be from 0 to 60000");
        }
        if (spec.getTimes() != null && spec.getTimes() < 1) {
            throw TwilioException.invalidParameter("times", "must be at least 1");
        }
        if (spec.getProbability() != null && (spec.getProbability() < 0 || spec.getProbability() > 1)) {
            throw TwilioException.invalidParameter("probability", "must be from 0 to 1");
        }
        if (spec.getRetryAfter() != null && spec.getRetryAfter() < 0) {
            throw TwilioException.invalidParameter("retry_after", "must not be negative");
        }
        FaultRule stored = copy(spec).id(nextId++);
        rules.add(new Rule(stored));
        any = true;
        return stored;
    }

    public synchronized List<FaultRule> list() {
        return rules.stream().map(Rule::view).toList();
    }

    /** Removes every rule, or those of {@code account} when it is not null. */
    public synchronized void clear(String account) {
        rules.removeIf(r -> account == null || account.equals(r.spec.getAccountSid()));
        any = !rules.isEmpty();
    }

    /**
     * The guard of every API operation ({@link dev.flexconf.server.http.Operations}): applies the first
     * rule that fires, if any, then runs {@code next} unless the rule answers with a status.
     */
    public void apply(Context ctx, Handler next) throws Exception {
        FaultRule fired = any ? fire(Operation.of(ctx), BasicAuth.accountOrNull(ctx)) : null;
        if (fired == null) {
            next.handle(ctx);
            return;
        }
        if (fired.getDelayMs() == null || fired.getDelayMs() == 0) {
            answer(fired, ctx, next);
            return;
        }
        CompletableFuture<Void> delay = new CompletableFuture<>();
        delays.add(delay);
        delay.whenComplete((done, failure) -> delays.remove(delay));
        CompletableFuture.delayedExecutor(fired.getDelayMs(), TimeUnit.MILLISECONDS, workers).execute(() -> delay.complete(null));
        ctx.future(() -> delay.thenRunAsync(() -> {
            try {
                answer(fired, ctx, next);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, workers));
    }

    /**
     * Ends every delay now with a 503 (FlexConf is stopping): a stop then waits for no delay. Called
     * before the server stops listening.
     */
    public void stopping() {
        TwilioException stopping = new TwilioException(503, 20503, "Service unavailable: FlexConf is stopping");
        delays.forEach(delay -> delay.completeExceptionally(stopping));
    }

    private static void answer(FaultRule fired, Context ctx, Handler next) throws Exception {
        if (fired.getStatus() == null) {
            next.handle(ctx);
            return;
        }
        if (fired.getRetryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(fired.getRetryAfter()));
        }
        int status = fired.getStatus();
        throw new TwilioException(status, fired.getCode() == null ? 20000 + status : fired.getCode(),
                fired.getMessage() == null ? "Injected fault (FlexConf)" : fired.getMessage());
    }

    private synchronized FaultRule fire(String operation, String account) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches(operation, account) && rule.fires()) {
                return rule.spec;
            }
        }
        return null;
    }

    /** A copy of a rule: the model's own mapping, no field list of ours. */
    private static FaultRule copy(FaultRule r) {
        return Json.MAPPER.convertValue(r, FaultRule.class);
    }
}
