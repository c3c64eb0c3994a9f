package dev.infra.readiness;

/** Status counters as the API means them: an absent field is zero. */
final class Counts {
    private Counts() {
    }

    static int of(Integer value) {
        return value == null ? 0 : value;
    }

    static long of(Long value) {
        return value == null ? 0 : value;
    }
}
