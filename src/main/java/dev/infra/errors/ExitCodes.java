package dev.infra.errors;

import picocli.CommandLine;

/** The one place that maps failures to exit codes; README.md documents the same table. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int CLUSTER_UNREACHABLE = 3;
    public static final int TIMEOUT = 4;
    public static final int PREREQUISITE_MISSING = 5;
    /** The profile does not fit on the cluster's nodes (up without --force). */
    public static final int DOES_NOT_FIT = 7;
    /** {@code infra diff}: up would change something. Apart from the failures, so that a script tells the two apart. */
    public static final int CHANGES_PENDING = 10;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    public static int of(Throwable failure) {
        if (failure instanceof ConfigException || failure instanceof CommandLine.ParameterException) return USAGE;
        if (failure instanceof ClusterUnreachableException) return CLUSTER_UNREACHABLE;
        if (failure instanceof ReadinessTimeoutException) return TIMEOUT;
        if (failure instanceof PrerequisiteMissingException) return PREREQUISITE_MISSING;
        if (failure instanceof CapacityException) return DOES_NOT_FIT;
        if (failure instanceof ComponentFailedException) return FAILURE;
        return FAILURE;
    }
}
