package dev.infra.run;

import java.time.Duration;
import java.time.Instant;

/**
 * The run lock as its Lease stands: who holds it, since when, when it was last renewed and for
 * how long a renewal counts. Decides whether a run that wants the lock may take it.
 */
record RunLease(String holder, Instant acquired, Instant renewed, Duration duration) {

    enum Verdict {
        /** Nobody holds it. */
        FREE,
        /** The asking run holds it already. */
        OURS,
        /** Another run holds it and renewed it in time. */
        HELD,
        /** Another run held it but stopped renewing it (it was killed): it may be taken over. */
        EXPIRED;

        boolean mayTake() {
            return this != HELD;
        }
    }

    Verdict verdictFor(String me, Instant now) {
        if (holder == null || holder.isBlank()) return Verdict.FREE;
        if (holder.equals(me)) return Verdict.OURS;
        Instant last = renewed != null ? renewed : acquired;
        if (last == null || duration == null || !now.isBefore(last.plus(duration))) return Verdict.EXPIRED;
        return Verdict.HELD;
    }

    /** "the run of alice@laptop (pid 42) started 2026-12-03T07:00:00Z", for people who wait for it. */
    String describe() {
        return "the run of " + holder + " started " + (acquired == null ? "at an unknown time" : acquired);
    }
}
