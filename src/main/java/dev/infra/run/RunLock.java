package dev.infra.run;

import dev.infra.errors.LockHeldException;
import dev.infra.kube.LeaseStore;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One run at a time per cluster and profile: a Lease {@code kube-system/infra-PROFILE} that the
 * run holding it renews while it runs. A killed run stops renewing, so its lock expires by itself
 * and the next run takes it over. Closing releases it.
 */
public final class RunLock implements AutoCloseable {
    static final String NAMESPACE = "kube-system";
    static final Duration DURATION = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final LeaseStore store;
    private final String name;
    private final String me;
    private final Duration duration;
    private final Clock clock;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renew run lock");
        t.setDaemon(true);
        return t;
    });

    RunLock(LeaseStore store, String name, String me, Duration duration, Clock clock) {
        this.store = store;
        this.name = name;
        this.me = me;
        this.duration = duration;
        this.clock = clock;
    }

    RunLock(KubernetesClient client, String profile, String me, Duration duration) {
        this(LeaseStore.in(client, NAMESPACE, name(profile)), name(profile), me, duration, Clock.systemUTC());
    }

    /**
     * The lock of {@code profile}; while another run holds it, tells {@code waiting} who and waits,
     * or with {@code wait} false throws {@link LockHeldException}.
     */
    public static RunLock acquire(KubernetesClient client, String profile, boolean wait, Consumer<String> waiting) {
        var lock = new RunLock(client, profile, holderIdentity(), DURATION);
        lock.take(wait, waiting, POLL);
        return lock;
    }

    void take(boolean wait, Consumer<String> waiting, Duration poll) {
        String told = null;
        while (!tryTake()) {
            RunLease current = current();
            // released or expired since it was read: try again at once
            if (current.verdictFor(me, clock.instant()).mayTake()) continue;
            String holder = current.describe();
            if (!wait) throw new LockHeldException("another infra run holds this cluster: " + holder + " (--no-wait)");
            if (!holder.equals(told)) waiting.accept("waiting for " + holder);
            told = holder;
            sleep(poll);
        }
        long every = duration.toMillis() / 3;
        renewal.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Throws unless this run still holds the lock: another run may have taken it over while this one stalled. */
    public void confirmHeld() {
        if (lost.get()) throw new LockHeldException("this run lost its lock to " + current().describe());
    }

    @Override
    public void close() {
        renewal.shutdownNow();
        store.read().filter(this::ours).ifPresent(store::delete);
    }

    private boolean tryTake() {
        var now = store.read();
        Instant time = clock.instant();
        if (now.isEmpty()) return store.create(held(null, time));
        if (!of(now.get()).verdictFor(me, time).mayTake()) return false;
        return store.update(held(now.get().getMetadata().getResourceVersion(), time));
    }

    void renew() {
        try {
            var now = store.read();
            if (now.isEmpty() || !ours(now.get())) {
                lost.set(true);
                renewal.shutdown();
                return;
            }
            now.get().getSpec().setRenewTime(utc(clock.instant()));
            store.update(now.get());
        } catch (KubernetesClientException e) {
            // the next renewal tries again; the lease outlives a few missed ones
        }
    }

    private boolean ours(Lease lease) {
        return me.equals(lease.getSpec().getHolderIdentity());
    }

    private RunLease current() {
        return store.read().map(RunLock::of).orElseGet(() -> new RunLease(null, null, null, null));
    }

    /** The lease held by this run from {@code time}; {@code resourceVersion} makes a takeover fail if another came first. */
    private Lease held(String resourceVersion, Instant time) {
        return new LeaseBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).withResourceVersion(resourceVersion)
                .addToLabels("app.kubernetes.io/managed-by", "infra").endMetadata()
                .withNewSpec().withHolderIdentity(me).withAcquireTime(utc(time)).withRenewTime(utc(time))
                .withLeaseDurationSeconds((int) duration.toSeconds()).endSpec()
                .build();
    }

    static RunLease of(Lease lease) {
        var spec = lease.getSpec();
        Integer seconds = spec.getLeaseDurationSeconds();
        return new RunLease(spec.getHolderIdentity(), instant(spec.getAcquireTime()), instant(spec.getRenewTime()),
                seconds == null ? null : Duration.ofSeconds(seconds));
    }

    static String name(String profile) {
        return "infra-" + profile.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }

    static String holderIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return System.getProperty("user.name") + "@" + host + " (pid " + ProcessHandle.current().pid() + ")";
    }

    private static Instant instant(ZonedDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }

    private static void sleep(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run lock", e);
        }
    }
}
