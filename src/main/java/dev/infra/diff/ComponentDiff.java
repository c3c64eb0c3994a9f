package dev.infra.diff;

import java.util.List;

/**
 * What {@code up} would do to one component, and to which of its objects.
 *
 * @param note why, where the objects do not say it (a release to repair); null otherwise
 */
public record ComponentDiff(String component, String namespace, State state, List<ObjectChange> objects, String note) {

    public enum State {
        /** nothing of it is installed: {@code up} installs it all */
        INSTALL,
        /** its release was left half-done by an interrupted run: {@code up} repairs it, then installs */
        REPAIR,
        UNCHANGED,
        CHANGED
    }

    public static ComponentDiff install(String component, String namespace) {
        return new ComponentDiff(component, namespace, State.INSTALL, List.of(), null);
    }

    /** {@code status}: helm's status of the release's newest revision, such as pending-upgrade. */
    public static ComponentDiff repair(String component, String namespace, String release, String status) {
        return new ComponentDiff(component, namespace, State.REPAIR, List.of(), "release " + release + " was left " + status
                + " by an interrupted run; up repairs it, then installs");
    }

    /** Changed when any object changes, else unchanged. */
    public static ComponentDiff of(String component, String namespace, List<ObjectChange> objects) {
        return new ComponentDiff(component, namespace, objects.isEmpty() ? State.UNCHANGED : State.CHANGED, objects, null);
    }

    public boolean pending() {
        return state != State.UNCHANGED;
    }
}
